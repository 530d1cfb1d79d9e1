"""HTML article pages: the main text, title, date and URL (trafilatura), the page decoded by its declared
charset (the HTTP header, then `<meta charset>`), else by the detector of `decode`.

trafilatura gives the article's paragraphs one a line; they become blank-line blocks, the headline the
first of them, so the units and offsets are those of a plain text with the same content.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from datetime import date

from letopis.model import Document, Failure
from letopis.read.decode import decode
from letopis.read.language import detect_language
from letopis.read.sources import Origin
from letopis.read.text import parse_text

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
SNIFF = 4096  # the meta tag must be in the page's head: the first bytes
NO_TEXT = "HTML page: no article text found"


def html_text(data: bytes, declared: str | None = None) -> str:
    """The page's text: by the charset the server `declared`, else by its `<meta charset>`, else detected.
    A declared charset the bytes do not fit (`utf-8` on a Windows-1251 page) is passed over."""
    found = META_CHARSET.search(data[:SNIFF])
    for name in (declared, found[1].decode("ascii") if found else None):
        if name:
            try:
                return data.decode(codecs.lookup(name).name)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(data)


def read_html(data: bytes, where: Origin, url: str | None = None, declared: str | None = None,
              given: tuple[str | None, date | None] = (None, None)) -> Document | Failure:  # fmt: skip
    """The article of an HTML page, or why there is none (no known encoding, no main text). `given`: the
    title and date a feed gave, for a page that states none."""
    from trafilatura import bare_extraction

    try:
        page = html_text(data, declared)
    except ValueError as error:
        return Failure(where.source, str(error), source_id=where.source_id)
    found = bare_extraction(page, url=url, with_metadata=True, include_tables=False, include_comments=False)
    body = found.text if found is not None and not isinstance(found, dict) else None
    if found is None or isinstance(found, dict) or not body or not body.strip():
        return Failure(where.source, NO_TEXT, source_id=where.source_id)
    title = (found.title or "").strip() or given[0]
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines[0] != title:
        lines.insert(0, title)
    text = "\n\n".join(lines)
    doc = parse_text(text, where.source, where.stem, day(found.date) or given[1], title, found.url or url)
    return replace(doc, source_id=where.source_id, language=detect_language(text))


def day(value: str | None) -> date | None:
    """trafilatura's `YYYY-MM-DD`, None when it found no date."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
