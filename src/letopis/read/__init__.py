"""Readers: files and folders to `Document`s, keeping the text exactly as decoded so offsets hold."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from letopis.model import Document, Failure
from letopis.read.jsonl import read_jsonl
from letopis.read.seed import is_seed, parse_seed
from letopis.read.text import parse_text

SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ""}


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-8 at byte {error.start}") from None


def from_text(text: str, source: str, doc_id: str, published: date | None = None) -> Document:
    if is_seed(text):
        return parse_seed(text, source, doc_id)
    return parse_text(text, source, doc_id, published=published)


def read_file(path: Path) -> Iterator[Document | Failure]:
    source = str(path)
    try:
        content = decode(path.read_bytes())
    except (OSError, ValueError) as error:
        yield Failure(source, str(error))
        return
    if path.suffix in {".jsonl", ".ndjson"}:
        yield from read_jsonl(content, source)
        return
    if not content.strip():
        yield Failure(source, "empty document")
        return
    try:
        yield from_text(content, source, path.stem)
    except ValueError as error:
        yield Failure(source, str(error))


def walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix in SUFFIXES and not child.name.startswith("."):
                yield child
    else:
        yield path


def read_paths(paths: Iterable[Path]) -> Iterator[Document | Failure]:
    """Every document under `paths` (files or folders, read recursively); unreadable ones as `Failure`."""
    for path in paths:
        if not path.exists():
            yield Failure(str(path), "no such file or directory")
            continue
        for file in walk(path):
            yield from read_file(file)
