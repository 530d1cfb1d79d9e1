"""JSON Lines: one article per line with `text` and optional `id`, `title`, `published`, `url`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from letopis.model import Document, Failure
from letopis.read.text import parse_text


def parse_line(line: str, source: str) -> Document:
    record: Any = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a line must hold a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no non-empty string field 'text'")
    published = record.get("published")
    return parse_text(
        text,
        source=source,
        doc_id=str(record.get("id") or source),
        published=date.fromisoformat(published[:10]) if published else None,
        title=record.get("title"),
        url=record.get("url"),
    )


def read_jsonl(content: str, source: str) -> Iterator[Document | Failure]:
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield parse_line(line, where)
        except (ValueError, TypeError) as error:
            yield Failure(where, f"{type(error).__name__}: {error}")
