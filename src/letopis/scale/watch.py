"""`letopis watch`: feeds polled, the pages of their new items fetched and stored. What is seen is kept
in the store itself, so a restarted watch goes on where it stopped: an item whose URL is a stored source
is not fetched again, and a page whose text is stored already (under another URL) is not extracted
again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from letopis.model import Document, Extraction, Failure
from letopis.read import admit
from letopis.read.web import Item, feed_items, fetch, read_item
from letopis.store import IngestReport, Store

Process = Callable[[Document], Extraction | Failure]


def feed_list(path: Path) -> list[str]:
    """The feed URLs of a file: one a line; blank lines and `#` comments are passed over."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def items(feeds: list[str], problems: list[str]) -> list[Item]:
    """The items of every feed, each URL once; a feed that cannot be fetched is noted in `problems`."""
    found: dict[str, Item] = {}
    for url in feeds:
        try:
            page = fetch(url)
        except OSError as error:
            problems.append(f"{url}: {error}")
            continue
        found.update((item.url, item) for item in feed_items(page.data) if item.url not in found)
    return list(found.values())


def pages(new: list[Item], any_language: bool) -> Iterator[Document | Failure]:
    for item in new:
        read = read_item(item)
        yield admit(read, any_language) if isinstance(read, Document) else read


def poll(store: Store, feeds: list[str], process: Process,
         any_language: bool = False) -> tuple[IngestReport, list[str]]:  # fmt: skip
    """One round: the new items of `feeds` fetched, extracted and stored; with what could not be fetched."""
    problems: list[str] = []
    seen = store.source_ids()
    new = [item for item in items(feeds, problems) if item.url not in seen]
    return store.ingest(pages(new, any_language), process), problems
