"""Month names and the rule that gives a day and month without a year its year."""

from __future__ import annotations

from datetime import date, timedelta

MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

# A date written in December in an article published in January belongs to the previous year.
MAX_LEAD = timedelta(days=31)


def year_of(month: int, day: int, reference: date | None) -> date | None:
    """`2 декабря` in an article of 2026-01-05 -> 2025-12-02: the reference's year, or the year before
    when the date would lie more than a month after the reference. ValueError for an impossible day."""
    if reference is None:
        return None
    candidate = date(reference.year, month, day)
    if candidate - reference > MAX_LEAD:
        candidate = date(reference.year - 1, month, day)
    return candidate
