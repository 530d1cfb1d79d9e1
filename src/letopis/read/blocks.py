"""Shared layout helpers for readers: blank-line blocks and the news dateline, all as offsets."""

from __future__ import annotations

import re
from datetime import date

from letopis.lexicon.dates import MONTHS, year_of
from letopis.model import Dateline, Span, Unit

BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# "Исламабад. 2 декабря. KAZAKHSTAN TODAY - ", "МОСКВА, 2 декабря. /ТАСС/. ", "Астана. 5 мая. Интерфакс-Казахстан - "
DATELINE = re.compile(
    r"(?P<place>[А-ЯЁA-Z][А-ЯЁа-яёA-Za-z\- ]{1,40}?)\s*[.,]\s+"
    r"(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")(?:\s+(?P<year>\d{4}))?\s*(?:г\.)?[.,]?\s+"
    r"(?:/(?P<agency_slash>[^/\n]{2,40})/\.?\s*|(?P<agency>[^\n.]{2,60}?)\s+[-–—]\s+)",
)
PHOTO_CREDIT = re.compile(r"(?:Фото|Фотография|Photo)\s*:", re.IGNORECASE)


def blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty blocks of text[start:end] separated by one or more blank lines, trimmed."""
    result = []
    cursor = start
    for gap in BLANK_LINES.finditer(text, start, end):
        result.append((cursor, gap.start()))
        cursor = gap.end()
    result.append((cursor, end))
    return [trimmed for s, e in result if (trimmed := trim(text, s, e))[0] < trimmed[1]]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_dateline(text: str, start: int, published: date | None) -> Dateline | None:
    match = DATELINE.match(text, start)
    if match is None:
        return None
    month, day = MONTHS[match["month"]], int(match["day"])
    try:
        when = date(int(match["year"]), month, day) if match["year"] else year_of(month, day, published)
    except ValueError:
        return None
    place = match["place"].strip()
    if place.isupper():
        place = place.title()
    agency = (match["agency"] or match["agency_slash"] or "").strip() or None
    return Dateline(place, when, agency, Span(match.start(), match.end(), match.group()))


def layout(text: str, start: int, published: date | None) -> tuple[list[Unit], Dateline | None]:
    """Units of the body from `start`: photo credit blocks, the dateline, body blocks."""
    units: list[Unit] = []
    dateline = None
    for block_start, block_end in blocks(text, start, len(text)):
        if not units and dateline is None and PHOTO_CREDIT.match(text, block_start):
            units.append(Unit("credit", block_start, block_end))
            continue
        if dateline is None and not any(u.kind == "body" for u in units):
            dateline = find_dateline(text, block_start, published)
            if dateline is not None:
                units.append(Unit("dateline", dateline.span.start, dateline.span.end))
                block_start = dateline.span.end
        if block_start < block_end:
            units.append(Unit("body", block_start, block_end))
    return units, dateline
