"""JSON Lines: one article per line with `text` and optional `id`, `title`, `published`, `url`.

Lines are split on `\\n` only, so a U+2028 inside a JSON string neither breaks a record nor shifts the line
numbers. A UTF-8 file is decoded line by line: a line that is not UTF-8 fails alone. Every field is
checked before a record leaves the reader, and each bad record is one `Failure`; the rest of the file is
read. Unknown fields are ignored.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from letopis.model import Document, Failure
from letopis.read.decode import decode, is_binary
from letopis.read.language import detect_language
from letopis.read.sources import Origin
from letopis.read.text import parse_text, unreadable

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
}


def read_jsonl(data: bytes, origin: Origin) -> Iterator[Document | Failure]:
    """Documents of a JSONL file's bytes, one `Failure` per bad line, or one for a file that is not decoded
    or has no record."""
    try:
        numbered = list(lines(data))
    except ValueError as error:
        yield Failure(origin.source, str(error), source_id=origin.source_id)
        return
    if all(isinstance(line, str) and not line.strip() for _, line in numbered):
        yield Failure(origin.source, "empty document", source_id=origin.source_id)
        return
    for number, line in numbered:
        if isinstance(line, ValueError):
            yield line_failure(origin, number, line)
        elif line.strip():
            try:
                yield parse_line(line, number, origin)
            except ValueError as error:
                yield line_failure(origin, number, error)


def line_failure(origin: Origin, number: int, error: ValueError) -> Failure:
    return Failure(f"{origin.source}:{number}", str(error), source_id=f"{origin.source_id}:{number}")


def lines(data: bytes) -> Iterator[tuple[int, str | ValueError]]:
    """Lines numbered from 1 without `\\r\\n`; a line of a UTF-8 file that is not UTF-8 as its error."""
    text = whole(data)
    if text is not None:
        for number, line in enumerate(text.split("\n"), 1):
            yield number, line.removesuffix("\r")
        return
    for number, raw in enumerate(data.removeprefix(codecs.BOM_UTF8).split(b"\n"), 1):
        try:
            yield number, raw.removesuffix(b"\r").decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, ValueError(f"not valid UTF-8 at byte {error.start} of the line")


def whole(data: bytes) -> str | None:
    """The file decoded whole; None for a UTF-8 file with bad lines (one line beyond ASCII is UTF-8, another
    is not), which is decoded line by line. `ValueError` when the file cannot be decoded at all."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not is_binary(data):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if any(not raw.isascii() and valid_utf8(raw) for raw in data.split(b"\n")):
                return None
    return decode(data)


def valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_line(line: str, number: int, origin: Origin) -> Document:
    record = parse_object(line)
    text = record_text(record)
    doc_id = record_id(record)
    where = f"{origin.source}:{number}"
    doc = parse_text(
        text,
        source=where,
        doc_id=doc_id or where,
        published=published(record),
        title=optional_string(record, "title"),
        url=optional_string(record, "url"),
    )
    source_id = f"{origin.source_id}#{doc_id}" if doc_id else f"{origin.source_id}:{number}"
    return replace(doc, source_id=source_id, language=detect_language(text))


def parse_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg} at column {error.colno}") from None
    except (ValueError, RecursionError) as error:  # an integer too long, arrays nested too deep
        raise ValueError(f"not JSON: {error}") from None
    if not isinstance(record, dict):
        raise ValueError(f"a line must hold a JSON object, not {json_type(record)}")
    return record


def record_text(record: dict[str, Any]) -> str:
    if "text" not in record:
        raise ValueError("no field 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise ValueError(f"field 'text' must be a string, not {json_type(text)}")
    problem = unreadable(text)
    if problem is not None:
        raise ValueError(f"field 'text': {problem}")
    return clean(text)


def record_id(record: dict[str, Any]) -> str | None:
    """The record's own `id` (a string or an integer); None when it has none or an empty one."""
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"field 'id' must be a string or an integer, not {json_type(value)}")
    return clean(str(value))


def optional_string(record: dict[str, Any], field: str) -> str | None:
    value = record.get(field)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"field {field!r} must be a string or null, not {json_type(value)}")
    return clean(value) if value is not None else None


def published(record: dict[str, Any]) -> date | None:
    """`2025-01-02` or `2025-01-02T10:00:00+03:00` as a date; null or an empty string as none."""
    value = optional_string(record, "published")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise ValueError(f"field 'published' is not an ISO date: {value[:40]!r}") from None


def clean(value: str) -> str:
    """A JSON string with lone surrogates (`"\\ud800"`) made U+FFFD, so it can be written as UTF-8;
    one character for one keeps the offsets."""
    return LONE_SURROGATE.sub("\ufffd", value)


def json_type(value: object) -> str:
    return JSON_TYPES[type(value)]
