"""A position predicated of `он`/`она` in a sentence that names no one belongs to the person the pronoun
stands for (extractors/roles/pronouns.py; issue 13, a person whose profession is stated in another
sentence). Sentences made up for letopis in the shapes NEREL v1.1 train links."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (text, the occupation expected: person, position, workplace or None)
PRONOUNS = [
    ("Иван Петров родился в Туле в 1950 году. В 1994 году он стал мэром Тулы.", ("Иван Петров", "мэр", "Тула")),
    ("Анна Смирнова окончила МГУ. Позднее она работала адвокатом в компании «Лукойл».",
     ("Анна Смирнова", "адвокат", "Лукойл")),
    ("Иван Петров встретился с Анной Смирновой. Она была назначена министром финансов.",
     ("Анна Смирнова", "министр финансов", None)),
    ("Олег Смирнов окончил институт. С 2013 по 2015 год он был главой «Газпром медиа».",
     ("Олег Смирнов", "глава", "Газпром медиа")),
]  # fmt: skip

# (text, person, a position that is not theirs)
NOT_THEIRS = [
    # the pronoun's gender is not his
    ("Иван Петров окончил институт. Она стала министром финансов.", "Иван Петров", "министр финансов"),
    # the sentence names a person: the pattern of the name decides
    ("Иван Петров окончил институт. Он сказал, что Олег Смирнов стал министром финансов.", "Иван Петров",
     "министр финансов"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_a_position_of_a_pronoun_is_its_persons(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in jobs(extract(text))


@pytest.mark.parametrize(("text", "person", "position"), NOT_THEIRS)
def test_a_position_of_a_pronoun_is_not_another_persons(text: str, person: str, position: str) -> None:
    assert all((p, q) != (person, position) for p, q, _ in jobs(extract(text)))


def test_a_position_word_gives_one_role() -> None:
    """`он был главой`: the copula's predicate is read once, not once as the verb and once as the copula."""
    result = extract("Олег Смирнов окончил институт. С 2013 по 2015 год он был главой «Газпром медиа».")
    assert len(result.occupations) == 1
