"""Plain text: blank-line blocks, an optional photo credit and dateline at the top."""

from __future__ import annotations

import re
from datetime import date

from letopis.model import Document
from letopis.read.blocks import layout

HTML_PAGE = re.compile(r"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
HTML_IN_TEXT = "HTML page in a text file: name it .html or .htm to read its article"


def parse_text(
    text: str,
    source: str,
    doc_id: str,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Document:
    units, dateline = layout(text, 0, published)
    return Document(
        id=doc_id,
        source=source,
        text=text,
        units=tuple(units),
        title=title,
        published=published,
        url=url,
        dateline=dateline,
    )


def unreadable(text: str) -> str | None:
    """Why a decoded text is no document: nothing but whitespace, or an HTML page (`<!DOCTYPE html>`)."""
    if not text.strip():
        return "empty document"
    if HTML_PAGE.match(text):
        return HTML_IN_TEXT
    return None
