"""A post passed from one person to another (`extractors/roles/succession.py`): the successor holds the title
read before the predecessor's name too, and the predecessor named after `вместо` held the post appointed.
Sentences made up in the shapes of NEREL v1.1 train."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (failure, sentence, person, position, workplace)
SUCCEEDED = [
    ("successor_subject_of_smenit_na_postu", "Иван Петров сменил на посту главы компании «Роснефть» Олега Смирнова.",
     "Иван Петров", "глава", "Роснефть"),
    ("predecessor_keeps_the_title_before_the_name",
     "Иван Петров сменил на посту главы компании «Роснефть» Олега Смирнова.", "Олег Смирнов", "глава", "Роснефть"),
    ("successor_named_by_a_participle_in_the_dative",
     "Парламент выразил доверие Ивану Петрову, сменившему на посту премьер-министра Грузии Олега Смирнова.",
     "Иван Петров", "премьер-министр", "Грузия"),
    ("predecessor_of_an_appointment_after_vmesto",
     "Парламент Кубы утвердил Мигеля Диаса-Канеля председателем Государственного совета вместо Рауля Кастро.",
     "Рауль Кастро", "председатель", "Государственный совет"),
    ("predecessor_of_a_passive_appointment_after_vmesto", "Главой ведомства назначен Иван Петров вместо Олега "
     "Смирнова.", "Олег Смирнов", "глава", None),
]  # fmt: skip

# (failure, sentence, person): no post is passed
NOT_SUCCEEDED = [
    ("a_thing_replaced_is_no_post", "Иван Петров сменил машину на новую.", "Иван Петров"),
    ("vmesto_without_an_appointment", "Иван Петров пришёл на встречу вместо Олега Смирнова.", "Олег Смирнов"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), [pytest.param(*r[1:], id=r[0]) for r in SUCCEEDED])
def test_the_successor_holds_the_post(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))


@pytest.mark.parametrize(("text", "person"), [pytest.param(*r[1:], id=r[0]) for r in NOT_SUCCEEDED])
def test_no_post_no_role(text: str, person: str) -> None:
    assert all(p != person for p, _, _ in jobs(extract(text)))
