"""Plain UTF-8 text: blank-line blocks, an optional photo credit and dateline at the top."""

from __future__ import annotations

from datetime import date

from letopis.model import Document
from letopis.read.blocks import layout


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
