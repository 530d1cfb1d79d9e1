"""Titles coordinated after a name all belong to it (issue 13, the second profession of a person who
already has one): `Иван Петров, актёр и режиссёр`, `X — драматург, режиссёр, живописец`. Sentences made up
for letopis in the shapes NEREL links; a list of titles of several people is not one person's."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, the occupations expected: person, position, workplace or None)
COORDINATED = [
    ("Иван Петров, актёр и режиссёр, умер вчера в Москве.",
     {("Иван Петров", "актер", None), ("Иван Петров", "режиссер", None)}),
    ("Дарио Фо — итальянский драматург, режиссёр, теоретик театра, живописец.",
     {("Дарио Фо", "драматург", "Италия"), ("Дарио Фо", "режиссер", None), ("Дарио Фо", "живописец", None)}),
    ("Пётр Сидоров — российский актёр театра и кино, режиссёр и сценарист.",
     {("Петр Сидоров", "режиссер", None), ("Петр Сидоров", "сценарист", None)}),
    ("Приз вручили Олегу Иванову, певцу и композитору из Казани.",
     {("Олег Иванов", "певец", None), ("Олег Иванов", "композитор", None)}),
]  # fmt: skip

# (sentence, person, a title that is not theirs)
NOT_COORDINATED = [
    ("Иван Петров, актёр, и режиссёр Олег Смирнов пришли на премьеру.", "Иван Петров", "режиссер"),
    ("Иван Петров, министр финансов и глава банка Олег Смирнов подписали соглашение.", "Иван Петров", "глава"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_titles_coordinated_after_a_name_are_all_its(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= jobs(extract(text))


@pytest.mark.parametrize(("text", "person", "position"), NOT_COORDINATED)
def test_a_title_of_the_next_name_is_not_coordinated(text: str, person: str, position: str) -> None:
    assert not any(p == person and title == position for p, title, _ in jobs(extract(text)))
