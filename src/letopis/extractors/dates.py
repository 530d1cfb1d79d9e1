"""Dates in a sentence, resolved against a reference date (the dateline's, else the publication's).

Only real date expressions count: `2 декабря`, `2 декабря 2025 года`, `02.12.2025`, and the relative
words `сегодня`, `вчера`, `накануне`, `позавчера`, `завтра`, and a weekday (`в пятницу`). A bare number
(`30 миллионов`) is never a date.
A period is a month or a year: `в мае 1981 года`, `в мае`, `в 2009 году`, `в прошлом году`, `год назад`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from letopis.lexicon.dates import MONTHS, MONTHS_IN, year_of

DAY_MONTH = re.compile(
    r"\b(?P<day>\d{1,2})(?:-го)?\s+(?P<month>" + "|".join(MONTHS) + r")(?:\s+(?P<year>\d{4})\s*(?:года|г\.|г\b)?)?",
    re.IGNORECASE,
)
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
RELATIVE = {"сегодня": 0, "вчера": -1, "накануне": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2}
RELATIVE_WORD = re.compile(r"\b(" + "|".join(RELATIVE) + r")\b", re.IGNORECASE)
# `в пятницу`, `в минувшую субботу`: the last such day up to the reference, or the next for the future
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6}
WEEKDAY = re.compile(r"\bво?\s+(?:(?:минувш|прошл)\w*\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, reference: date | None, future: bool = False) -> date | None:
    """The first date `text` states, resolved against `reference` (a date without a year takes the
    reference's year, or the year before when it would lie more than a month ahead, unless the
    statement is about the future)."""
    numeric = NUMERIC.search(text)
    if numeric is not None:
        return safe_date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))
    found = DAY_MONTH.search(text)
    if found is not None:
        month, day = MONTHS[found["month"].lower()], int(found["day"])
        if found["year"]:
            return safe_date(int(found["year"]), month, day)
        if reference is None:
            return None
        if future:
            return safe_date(reference.year, month, day)
        try:
            return year_of(month, day, reference)
        except ValueError:
            return None
    relative = RELATIVE_WORD.search(text)
    if relative is not None and reference is not None:
        return reference + timedelta(days=RELATIVE[relative.group(1).lower()])
    weekday = WEEKDAY.search(text)
    if weekday is not None and reference is not None:
        days = (WEEKDAYS[weekday["day"].lower()] - reference.weekday()) % 7
        return reference + timedelta(days=days) if future else reference - timedelta(days=(7 - days) % 7)
    return None


MONTH_YEAR = re.compile(
    r"\bв\s+(?P<month>" + "|".join(MONTHS_IN) + r")(?:\s+(?P<year>\d{4})\s*(?:года|г\.|г\b))?", re.IGNORECASE
)
YEAR = re.compile(r"\bв\s+(?P<year>\d{4})\s*(?:году|г\.|г\b)", re.IGNORECASE)
LAST_YEAR = re.compile(r"\b(?:в\s+прошлом\s+году|год\s+назад)\b", re.IGNORECASE)


def find_period(text: str, reference: date | None) -> tuple[date, str] | None:
    """The first month or year `text` states, as its first day and `month` or `year`; a month without a
    year is its last occurrence up to `reference`."""
    found = MONTH_YEAR.search(text)
    if found is not None:
        month = MONTHS_IN[found["month"].lower()]
        if found["year"]:
            return date(int(found["year"]), month, 1), "month"
        if reference is not None:
            return date(reference.year - (month > reference.month), month, 1), "month"
    year = YEAR.search(text)
    if year is not None and 1800 <= int(year["year"]) <= 2200:
        return date(int(year["year"]), 1, 1), "year"
    if LAST_YEAR.search(text) is not None and reference is not None:
        return date(reference.year - 1, 1, 1), "year"
    return None
