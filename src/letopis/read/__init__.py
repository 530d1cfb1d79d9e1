"""Readers: files, folders, web pages and feeds to `Document`s, keeping the text exactly as decoded so offsets hold.

Nothing read is lost without a word: a file or record that cannot be read is a `Failure` with the reason,
a file in a folder that is not read is `Skipped` with the reason, and a document that is not Russian is a
`Failure` at the `language` stage unless every language is asked for.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from letopis.model import Document, Failure, Skipped
from letopis.read.decode import decode
from letopis.read.html import read_html
from letopis.read.jsonl import read_jsonl
from letopis.read.language import detect_language
from letopis.read.seed import is_seed, parse_seed
from letopis.read.sources import Origin, kind, origin, resolve, walk
from letopis.read.text import parse_text, unreadable
from letopis.read.web import as_url, feed_items, read_items, read_url

STDIN = "-"  # the path that reads standard input
STDIN_ORIGIN = Origin("<stdin>", "<stdin>", "stdin")


def from_text(text: str, source: str, doc_id: str, published: date | None = None, source_id: str = "") -> Document:
    """A document of a decoded text: a seed file (`date 2025-12-03 <headline>` first) or plain text."""
    doc = parse_seed(text, source, doc_id) if is_seed(text) else parse_text(text, source, doc_id, published)
    return replace(doc, source_id=source_id, language=detect_language(text))


def read_bytes(data: bytes, where: Origin) -> Document | Failure:
    """The document of a text file's bytes, or why there is none (binary, no known encoding, empty, HTML)."""
    try:
        text = decode(data)
    except ValueError as error:
        return Failure(where.source, str(error), source_id=where.source_id)
    problem = unreadable(text)
    if problem is not None:
        return Failure(where.source, problem, source_id=where.source_id)
    return from_text(text, where.source, where.stem, source_id=where.source_id)


def read_file(path: Path, root: Path) -> Iterator[Document | Failure]:
    where = origin(path, root)
    file_kind = kind(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Failure(where.source, error.strerror or str(error), source_id=where.source_id)
        return
    modified = file_date(path)
    for item in file_items(data, where, file_kind):
        yield replace(item, file_date=modified) if isinstance(item, Document) else item


def file_items(data: bytes, where: Origin, file_kind: str | None) -> Iterator[Document | Failure]:
    if file_kind == "jsonl":
        yield from read_jsonl(data, where)
    elif file_kind == "html":
        yield read_html(data, where)
    elif file_kind == "feed":
        yield from read_items(feed_items(data))
    else:
        yield read_bytes(data, where)


def stdin_kind(data: bytes) -> str:
    """JSON Lines when the first line that is not blank starts an object, else text (`-` has no suffix)."""
    first = next((line for line in data.lstrip(b"\xef\xbb\xbf").splitlines() if line.strip()), b"")
    return "jsonl" if first.lstrip().startswith(b"{") else "text"


def read_stdin() -> Iterator[Document | Failure]:
    """The documents of standard input: plain text (or the seed format) or JSON Lines, told by content."""
    data = sys.stdin.buffer.read()
    yield from file_items(data, STDIN_ORIGIN, stdin_kind(data))


def file_date(path: Path) -> date | None:
    """The day (UTC) a file was last modified."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    except OSError:
        return None


def files(path: Path, root: Path, seen: set[str]) -> Iterator[Path | Failure | Skipped]:
    """The files to read for one path given: itself, or those in the folder; a `Failure` when there is
    nothing there to read."""
    where = origin(path, root)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        yield Failure(where.source, "no such file or directory", source_id=where.source_id)
        return
    except OSError as error:
        yield Failure(where.source, error.strerror or str(error), source_id=where.source_id)
        return
    if stat.S_ISREG(mode):
        yield path
    elif not stat.S_ISDIR(mode):
        yield Failure(where.source, "not a regular file or folder", source_id=where.source_id)
    else:
        try:
            yield from walk(path, seen)
        except OSError as error:
            yield Failure(where.source, f"cannot read folder: {error.strerror or error}", source_id=where.source_id)


def admit(doc: Document, any_language: bool) -> Document | Failure:
    """The document, or a `language` failure when it is not Russian and only Russian is asked for."""
    if doc.language == "ru" or any_language:
        return doc
    reason = f"language is {doc.language}, not Russian (use --lang any to process it)"
    return Failure(doc.source, reason, stage="language", source_id=doc.source_id)


def read_paths(
    paths: Iterable[Path], root: Path | None = None, any_language: bool = False
) -> Iterator[Document | Failure | Skipped]:
    """Every document under `paths` (files or folders, read recursively), keyed by `source_id` relative
    to `root` (the current folder by default); what cannot be read as `Failure`, what is not read as
    `Skipped`. Only Russian documents are yielded unless `any_language`; the path `-` reads standard input."""
    base = resolve(root if root is not None else Path.cwd())
    seen: set[str] = set()
    for path in paths:
        url = as_url(str(path))
        found = read_stdin() if str(path) == STDIN else read_url(url) if url else files(path, base, seen)
        for item in found:
            if isinstance(item, Document):
                yield admit(item, any_language)
                continue
            if not isinstance(item, Path):
                yield item
                continue
            for read in read_file(item, base):
                yield admit(read, any_language) if isinstance(read, Document) else read
