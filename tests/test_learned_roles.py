"""Roles the attachment model adds where the role patterns are silent (extractors/roles/learned.py), on
real sentences (NEREL v1.1 train, single sentences quoted for testing), against the same text with the
model switched off."""

from __future__ import annotations

import pytest

import letopis.extractors.roles.learned as learned
from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, person, position, workplace or None, source)
LEARNED = [
    ("Созданная сотрудниками компании Алексеем Тихоновым и Иваном Ямщиковым программа написала несколько треков "
     "в стиле композитора ко дню его 145-летия.", "Алексей Тихонов", "сотрудник", None, "NEREL train 119110_text"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), [pytest.param(*c[:4], id=c[4]) for c in LEARNED])
def test_the_model_adds_a_role_the_patterns_miss(
    text: str, person: str, position: str, where: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (person, position, where) in jobs(extract(text))
    monkeypatch.setattr(learned, "SURE", 1.01)
    assert (person, position, where) not in jobs(extract(text))


# (sentence made up for letopis, person, position, the workplace the model gives the patterns' role or None)
PLACED = [
    ("Инженер Анна Петрова тринадцать лет работала в Google.", "Анна Петрова", "инженер", "Google"),
    ("Тренер Олег Смирнов много лет работал в «Спартаке».", "Олег Смирнов", "тренер", "Спартак"),
    ("Юрист Олег Смирнов подал в суд иск против компании «Лукойл».", "Олег Смирнов", "юрист", None),
    ("Художник Иван Петров подарил картину Эрмитажу.", "Иван Петров", "художник", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), PLACED)
def test_the_model_places_a_role_that_names_no_workplace(
    text: str, person: str, position: str, where: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (person, position, where) in jobs(extract(text))
    monkeypatch.setattr(learned, "PLACED", 1.01)
    assert (person, position, None) in jobs(extract(text))
