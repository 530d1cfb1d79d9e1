"""Pure functions below the models, table by table: dates, names, the gazetteer's adjectives and the
store's alias keys. None of these loads natasha, so they run in milliseconds."""

from __future__ import annotations

from datetime import date

import pytest

from letopis.extractors.dates import find_date
from letopis.lexicon.dates import year_of
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import acronym, fold, key
from letopis.model import Entity, Mention
from letopis.store.identity import alias_keys, initial_key

REFERENCE = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Встреча прошла 2 декабря.", False, date(2025, 12, 2)),  # December in a January article: last year
        ("Встреча пройдёт 2 декабря.", True, date(2026, 12, 2)),  # a future statement keeps the year
        ("2 декабря 2024 года", False, date(2024, 12, 2)),
        ("Соглашение от 02.12.2025", False, date(2025, 12, 2)),
        ("вчера", False, date(2026, 1, 4)),
        ("Накануне министр заявил", False, date(2026, 1, 4)),
        ("В пятницу полиция задержала троих", False, date(2026, 1, 2)),  # the last Friday up to a Monday
        ("В минувшую субботу прогремели взрывы", False, date(2026, 1, 3)),
        ("В понедельник министр заявил", False, date(2026, 1, 5)),  # the reference's own weekday
        ("Переговоры пройдут в среду", True, date(2026, 1, 7)),  # a future statement: the next Wednesday
        ("30 миллионов человек", False, None),  # a bare number is no date
        ("31 февраля 2024 года", False, None),  # an impossible day is no date
    ],
)
def test_find_date(text: str, future: bool, expected: date | None) -> None:
    assert find_date(text, REFERENCE, future) == expected


def test_a_date_without_a_reference_has_no_year() -> None:
    assert year_of(12, 2, None) is None
    assert find_date("2 декабря", None) is None


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Министерство иностранных дел РК", "МИД РК"),
        ("Федеральная антимонопольная служба", "ФАС"),
        ("Газпром", "Газпром"),
    ],
)
def test_acronym(name: str, short: str) -> None:
    assert acronym(name) == short


@pytest.mark.parametrize(("text", "folded"), [("Ёлкин", "елкин"), ("«Яблоко»", "«яблоко»")])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "keyed"), [("Ёлкин", "елкин"), ("«Яблоко»", "яблоко"),
                                             ('Партия  "Единая  Россия"', "партия единая россия")])  # fmt: skip
def test_key(text: str, keyed: str) -> None:
    assert key(text) == keyed


@pytest.mark.parametrize(
    ("adjective", "place"),
    [
        ("казахстанский", ("Казахстан", "KAZ", "country")),
        ("японский", ("Япония", "JPN", "country")),
        ("лондонский", ("Лондон", "GBR", "city")),
        ("московский", ("Москва", "RUS", "city")),
        ("хмельницкий", ("Хмельницкий", "UKR", "city")),
        ("красивый", None),
    ],
)
def test_gazetteer_adjective_place(adjective: str, place: tuple[str, str, str] | None) -> None:
    found = gazetteer().adjective_place(adjective)
    assert (found and (found.name, found.country, found.kind)) == place


DOC_HASH = "ab" * 32


@pytest.mark.parametrize(
    ("entity", "keys"),
    [
        (Entity("e1", "PER", "Наото Кан", mentions=(Mention(0, 9, "Наото Кан"),)),
         [("PER:кан наото", "same full name"), ("PERI:кан|н", "same surname and initial")]),
        (Entity("e1", "PER", "Кан"), [("PER:кан@abababababababab", "single name: kept to its document")]),
        (Entity("e2", "ORG", "Министерство иностранных дел РК"),
         [("ORG:министерство иностранных дел рк", "same name"), ("ORGA:мидрк", "same acronym")]),
        (Entity("e3", "LOC", "Карачи", country="PAK", kind="city"),
         [("LOC:PAK:city:карачи", "same place in the gazetteer")]),
    ],
)  # fmt: skip
def test_alias_keys(entity: Entity, keys: list[tuple[str, str]]) -> None:
    assert alias_keys(entity, DOC_HASH) == keys


@pytest.mark.parametrize(
    ("words", "expected"), [(["н.", "кан"], "кан|н"), (["наото", "кан"], "кан|н"), (["н."], None)]
)
def test_initial_key(words: list[str], expected: str | None) -> None:
    assert initial_key(words) == expected
