"""The letopis seed format: `date YYYY-MM-DD <headline>` on the first line, then blank-line blocks.

Example: corpus/seed/000_f9e879b08a32d2e4.txt. The headline, an optional photo credit (`Фото: ...`)
and the dateline (`Исламабад. 2 декабря. KAZAKHSTAN TODAY - `) become units of their own.
"""

from __future__ import annotations

import re
from datetime import date

from letopis.model import Document, Unit
from letopis.read.blocks import layout, trim

HEADER = re.compile(r"\s*date (?P<date>\d{4}-\d{2}-\d{2})[ \t]+(?P<title>[^\n]*)")


def is_seed(text: str) -> bool:
    """A first line `date YYYY-MM-DD <headline>` with a real date; `date 2024-02-30 ...` is plain text."""
    header = HEADER.match(text)
    return header is not None and publication_date(header["date"]) is not None


def publication_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_seed(text: str, source: str, doc_id: str) -> Document:
    header = HEADER.match(text)
    if header is None:
        raise ValueError("no 'date YYYY-MM-DD <headline>' header on the first line")
    published = publication_date(header["date"])
    if published is None:
        raise ValueError(f"bad publication date {header['date']!r}")
    title_start, title_end = trim(text, header.start("title"), header.end("title"))
    units = [Unit("headline", title_start, title_end)] if title_start < title_end else []
    body, dateline = layout(text, header.end(), published)
    return Document(
        id=doc_id,
        source=source,
        text=text,
        units=(*units, *body),
        title=text[title_start:title_end] or None,
        published=published,
        dateline=dateline,
    )
