"""An organisation numbered with `№` inside a title before a name (`Заведующий отделением больницы № 17
Дмитрий Мясников`, `Директор школы № 5 Анна Петрова`). Issue 13; sentences made up for letopis in the shapes of
NEREL v1.1 train."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, person, position)
NUMBERED = [
    ("Заведующий отделением политравм киевской больницы № 17 Дмитрий Мясников заявил, что женщину оперируют.",
     "Дмитрий Мясников", "заведующий"),
    ("Директор школы № 5 Анна Петрова рассказала о ремонте.", "Анна Петрова", "директор"),
    ("Начальник исправительной колонии № 3 Олег Смирнов ушёл в отпуск.", "Олег Смирнов", "начальник"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position"), NUMBERED)
def test_a_title_over_a_numbered_organisation(text: str, person: str, position: str) -> None:
    assert any(p == person and title == position for p, title, _ in jobs(extract(text)))
