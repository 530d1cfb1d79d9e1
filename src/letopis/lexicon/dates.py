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

# Month names in the prepositional case (`в мае`).
MONTHS_IN = {
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6,
    "июле": 7, "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip

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
