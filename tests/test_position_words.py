"""Position words added from NEREL v1.1 train WORKS_AS (lexicon/positions.tsv): deputies named by one
abbreviated word and trades. Sentences made up for letopis."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, person, position, workplace or None)
WORDS = [
    ("Первый замначальника управления ФСБ Иван Петров ушёл в отставку.", "Иван Петров", "первый замначальник",
     "управление ФСБ"),
    ("В аэропорту задержали бортпроводницу Анну Петрову.", "Анна Петрова", "бортпроводница", None),
    ("Кондитер Олег Смирнов открыл вторую пекарню.", "Олег Смирнов", "кондитер", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), WORDS)
def test_a_position_word_from_nerel(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))
