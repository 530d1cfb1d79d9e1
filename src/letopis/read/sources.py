"""Which files to read and what to call them: the kind by suffix, the source identity, the folder walk.

A document's `source_id` is its path relative to the ingest root in POSIX form (`2024/01/news.txt`), so
`2024/01/news.txt` and `2024/02/news.txt` stay two documents; a file outside the root keeps its absolute
path. File names that are not UTF-8 are shown with `\\xNN` for each undecodable byte, so the name can be
written anywhere later.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from letopis.model import Skipped

Kind = Literal["text", "jsonl", "html", "feed"]

KINDS: dict[str, Kind] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document comes from: `source` is the path as given, `source_id` its identity under the
    root, `stem` the file's short name (the `Document.id` of a text file)."""

    source: str
    source_id: str
    stem: str


def origin(path: Path, root: Path) -> Origin:
    return Origin(readable_name(str(path)), readable_name(identity(path, root)), readable_name(path.stem))


def readable_name(name: str) -> str:
    """`name` with every byte that was not UTF-8 in the file system (a surrogate escape) as `\\xNN`."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def identity(path: Path, root: Path) -> str:
    """`path` relative to `root` (already resolved) in POSIX form, or absolute when outside it."""
    resolved = resolve(path)
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.as_posix()


def resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return Path(os.path.abspath(path))


def kind(path: Path) -> Kind | None:
    """How a file is read, by its suffix in any case (`.TXT` is text); None for a kind not read."""
    return KINDS.get(path.suffix.lower())


def entries(folder: Path) -> list[os.DirEntry[str]]:
    """The folder's entries by name; `OSError` when it cannot be listed."""
    with os.scandir(folder) as found:
        return sorted(found, key=lambda entry: entry.name)


def walk(folder: Path, seen: set[str]) -> Iterator[Path | Skipped]:
    """Files to read under `folder`, depth first by name, and what is left out with the reason. `seen`
    holds the real paths of folders already walked, so a symbolic link loop is walked once."""
    seen.add(os.path.realpath(folder))
    for entry in entries(folder):
        path = Path(entry.path)
        if entry.name.startswith("."):
            yield Skipped(readable_name(entry.path), "hidden folder" if is_dir(entry) else "hidden file")
        elif is_dir(entry):
            yield from subfolder(path, seen)
        elif not is_file(entry):
            yield Skipped(readable_name(entry.path), "not a regular file (a broken link, a device or a pipe)")
        elif kind(path) is None:
            yield Skipped(readable_name(entry.path), f"not a kind of file letopis reads ({path.suffix})")
        else:
            yield path


def subfolder(path: Path, seen: set[str]) -> Iterator[Path | Skipped]:
    if os.path.realpath(path) in seen:
        yield Skipped(readable_name(str(path)), "folder already read (reached again through a symbolic link)")
        return
    try:
        yield from walk(path, seen)
    except OSError as error:
        yield Skipped(readable_name(str(path)), f"cannot read folder: {error.strerror or error}")


def is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
