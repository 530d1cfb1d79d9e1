"""Position words added from NEREL v1.1 train WORKS_AS (lexicon/positions.tsv): deputies named by one
abbreviated word and trades, and titles that are participles lemmatised as their verbs. Sentences made up
for letopis."""

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
    ("Популярный шоумен Иван Петров открыл ресторан.", "Иван Петров", "шоумен", None),
    ("Маркетолог Анна Петрова вышла замуж.", "Анна Петрова", "маркетолог", None),
    # a title that is a participle, lemmatised as its verb (`управлять`, `заведовать`)
    ("Главным управляющим компании «Роснефть» назначен Иван Петров.", "Иван Петров", "главный управляющий",
     "Роснефть"),
    ("Он встретился с заведующим отделением Иваном Петровым.", "Иван Петров", "заведующий", None),
]  # fmt: skip

# (sentence, person): a verb or a past participle of a title's verb is no title
NOT_WORDS = [
    ("Крессида Дик командовала спецоперацией в Лондоне.", "Крессида Дик"),
    ("Нападавший по имени Иван Петров задержан.", "Иван Петров"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), WORDS)
def test_a_position_word_from_nerel(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))


@pytest.mark.parametrize(("text", "person"), NOT_WORDS)
def test_a_verb_of_a_title_is_no_position(text: str, person: str) -> None:
    assert all(p != person for p, _, _ in jobs(extract(text)))
