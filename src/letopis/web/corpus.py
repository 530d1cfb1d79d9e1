"""The app's one corpus: a few read-only `Store`s lent to one request at a time. Storing a pasted article
takes them all back and closes them, writes through a writing `Store`, and opens them again; its
`version` then moves on, as it does when another process writes the file or its search index."""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from letopis.model import Document, Extraction, Failure, Limits
from letopis.pipeline import process
from letopis.read import from_text, read_bytes
from letopis.read.jsonl import read_jsonl
from letopis.read.sources import Origin
from letopis.store import Store
from letopis.store.search import index_path

MAX_UPLOAD = 200_000  # bytes of a pasted or uploaded article
LIMITS = Limits(max_chars=MAX_UPLOAD, max_seconds=60.0)
READERS = 4  # connections to the corpus (DuckDB runs their queries in parallel)
# Threads DuckDB gives one query: requests run side by side, and a query of a page is small, so a thread
# each saves the cost of sharing one out (about a third of a small query's time).
QUERY_THREADS = 2


class Corpus:
    """The corpus at `path`, opened read-only; `reading()` lends a store to one request at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writing = threading.Lock()
        self.extracting = threading.Lock()
        self.readers: queue.Queue[Store] = queue.Queue()
        self.writes = 0
        for _ in range(READERS):
            self.readers.put(reader(path))

    @contextmanager
    def reading(self) -> Iterator[Store]:
        store = self.readers.get()
        try:
            yield store
        finally:
            self.readers.put(store)

    def add(self, extraction: Extraction) -> str | None:
        """Store one extraction and give its text hash; the readers wait while it is written."""
        with self.writing:
            for store in [self.readers.get() for _ in range(READERS)]:
                store.close()
            try:
                writer = Store(self.path, write=True)
                try:
                    writer.ingest([extraction])
                finally:
                    writer.close()
            finally:
                self.writes += 1
                for _ in range(READERS):
                    self.readers.put(reader(self.path))
        with self.reading() as store:
            return store.document_hash(extraction.document.id)

    def version(self) -> tuple[int, tuple[int, int] | None, tuple[int, int] | None]:
        """What identifies the corpus as it is now: the writes through this app, and when the file and its
        search index were last changed (by any process)."""
        search = index_path(self.path) / "meta.json"
        return self.writes, changed(self.path), changed(search)

    def extract(self, doc: Document) -> Extraction:
        """The extraction of a pasted or uploaded document; a failure is a ValueError saying why."""
        with self.extracting:
            found = process(doc, LIMITS)
        if isinstance(found, Failure):
            raise ValueError(found.reason)
        return found


def reader(path: Path) -> Store:
    store = Store(path)
    store.db.execute(f"SET threads = {QUERY_THREADS}")
    return store


def changed(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size (None when it is not there)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def pasted(text: str) -> Document:
    """A document of pasted text, named by its hash (`web-1a2b3c4d5e6f`)."""
    if not text.strip():
        raise ValueError("the text is empty")
    name = "web-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return from_text(text, f"web/{name}", name, source_id=f"web/{name}")


def uploaded(filename: str, data: bytes) -> Document:
    """The document of an uploaded .txt or .jsonl file (the first record of a JSONL file); only the
    file's bytes are read, never a path."""
    if not data.strip():
        raise ValueError("the file is empty")
    name = "web-" + hashlib.sha256(data).hexdigest()[:12]
    where = Origin(f"web/{name}", f"web/{name}", name)
    if filename.lower().endswith((".jsonl", ".ndjson")):
        found = next(islice(read_jsonl(data, where), 1), None)
        if found is None:
            raise ValueError("the JSONL file holds no record")
    elif filename.lower().endswith((".txt", ".text", ".md")) or "." not in filename:
        found = read_bytes(data, where)
    else:
        raise ValueError(f"{filename!r} is not a .txt or .jsonl file")
    if isinstance(found, Failure):
        raise ValueError(found.reason)
    return found
