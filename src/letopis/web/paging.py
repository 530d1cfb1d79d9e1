"""Cursor pagination: a cursor is an opaque token for the offset of the next page."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import urlencode

MAX_PAGE = 200
MAX_OFFSET = 100_000


def encode(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    """The offset a cursor stands for (0 for none); a cursor this app did not make is a ValueError."""
    if not cursor:
        return 0
    try:
        found = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = found["offset"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise ValueError(f"cursor {cursor[:40]!r} is not a cursor of this app: use the `next` link") from None
    if not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise ValueError(f"cursor {cursor[:40]!r} is not a cursor of this app: use the `next` link")
    return offset


def page_size(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit is a number from 1 to {MAX_PAGE}, not {limit}")
    return limit


def next_link(path: str, query: dict[str, Any], offset: int, size: int, more: bool) -> str | None:
    """The link to the next page (the same query with the next cursor), or None on the last page."""
    if not more or offset + size > MAX_OFFSET:
        return None
    kept = {k: v for k, v in query.items() if k != "cursor" and v not in (None, "")}
    return f"{path}?{urlencode({**kept, 'cursor': encode(offset + size)})}"
