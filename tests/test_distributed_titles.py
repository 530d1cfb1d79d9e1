"""One title distributed over a list (issue 13): a plural title over a list of places and a list of names
gives the places to the names in order, or its one place to each name. Sentences written for letopis in
the shapes the issue names."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract

# (sentence, the occupations expected: person, position, workplace)
DISTRIBUTED = [
    ("В переговорах участвовали лидеры Германии и Франции Ангела Меркель и Франсуа Олланд.",
     {("Ангела Меркель", "лидер", "Германия"), ("Франсуа Олланд", "лидер", "Франция")}),
    ("Министры иностранных дел России и Франции Сергей Лавров и Жан-Ив Ле Дриан провели переговоры.",
     {("Сергей Лавров", "министр иностранных дел", "Россия"),
      ("Жан-Ив Ле Дриан", "министр иностранных дел", "Франция")}),
    ("Послы США Джон Салливан и Линн Трейси приняли участие во встрече.",
     {("Джон Салливан", "посол", "Соединенные Штаты"), ("Линн Трейси", "посол", "Соединенные Штаты")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DISTRIBUTED)
def test_a_plural_title_gives_its_places_to_the_names_in_order(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    result = extract(text)
    names = {e.id: e.name for e in result.entities}
    found = {(names[o.person], o.position, names[o.where]) for o in result.occupations if o.where}
    assert expected <= found


def test_more_places_than_names_give_none() -> None:
    result = extract("Представители России, Франции и Германии Сергей Лавров и Ангела Меркель выступили.")
    names = {e.id: e.name for e in result.entities}
    assert not {(names[o.person], names.get(o.where or "")) for o in result.occupations} & {
        ("Сергей Лавров", "Россия"),
        ("Ангела Меркель", "Франция"),
    }
