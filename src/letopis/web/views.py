"""What each page shows, as plain data: the page renders it, its JSON twin (`/api` + the same path and
query) returns it through a response model. Everything is read through the `Store`'s functions."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from letopis.model import Extraction
from letopis.store import EventFilters, Store
from letopis.store.filters import MAX_SEARCH_LIMIT
from letopis.store.filters import pair as country_pair
from letopis.web import paging

Row = dict[str, Any]


def page(found: list[Row], offset: int, size: int, path: str, query: dict[str, Any]) -> Row:
    """One page of rows fetched with one extra row, and the link to the next page."""
    more = len(found) > size
    return {"items": found[:size], "next": paging.next_link(path, query, offset, size, more)}


def counts(rows: list[Row], name: str) -> list[Row]:
    return [{"name": row[name], "events": row["events"]} for row in rows]


def summary(store: Store) -> Row:
    found = store.summary()
    return {**found, "events_by_type": counts(found["events_by_type"], "type"),
            "top_country_pairs": counts(found["top_country_pairs"], "pair"),
            "by_month_and_type": store.by_month_and_type(),
            "countries": counts(store.countries(), "country")}  # fmt: skip


def search(store: Store, q: str, filters: EventFilters, cursor: str | None, limit: int, path: str,
           query: dict[str, Any]) -> Row:  # fmt: skip
    """Documents found by words, those reporting an event kept by `filters` only (when there are any)."""
    offset, size = paging.decode(cursor), paging.page_size(limit)
    if offset + size >= MAX_SEARCH_LIMIT:
        raise ValueError(f"search shows the first {MAX_SEARCH_LIMIT} documents only")
    if filters == EventFilters():
        hits = store.search(q, offset + size + 1)
    else:
        kept = store.event_documents(filters)
        hits = [hit for hit in store.search(q, MAX_SEARCH_LIMIT) if hit["document"] in kept]
    return {"query": q, **page(hits[offset:], offset, size, path, query)}


def documents(store: Store, cursor: str | None, limit: int, path: str, query: dict[str, Any]) -> Row:
    offset, size = paging.decode(cursor), paging.page_size(limit)
    return page(store.documents(offset, size + 1), offset, size, path, query)


def document(store: Store, key: str) -> tuple[Extraction, str] | None:
    doc_hash = store.document_hash(key)
    return None if doc_hash is None else (store.extraction(doc_hash), doc_hash)


def detail(extraction: Extraction, doc_hash: str | None) -> Row:
    """An extraction as the API gives it: the text and its records, every one with offsets."""
    doc = extraction.document
    return {"document": doc.id, "hash": doc_hash, "stored": doc_hash is not None, "title": doc.title,
            "published": doc.published, "source": doc.source, "url": doc.url, "language": doc.language,
            "text": doc.text, "entities": [asdict(e) for e in extraction.entities],
            "occupations": [asdict(o) for o in extraction.occupations],
            "events": [asdict(e) for e in extraction.events]}  # fmt: skip


def events(store: Store, filters: EventFilters, cursor: str | None, limit: int, path: str,
           query: dict[str, Any]) -> Row:  # fmt: skip
    offset, size = paging.decode(cursor), paging.page_size(limit)
    found = store.events(limit=offset + size + 1, filters=filters)
    return page(found[offset:], offset, size, path, query)


def entities(store: Store, kind: str | None, cursor: str | None, limit: int, path: str,
             query: dict[str, Any]) -> Row:  # fmt: skip
    offset, size = paging.decode(cursor), paging.page_size(limit)
    return page(store.entities(kind, offset, size + 1), offset, size, path, query)


def timeline(events: list[Row]) -> list[Row]:
    """Events counted by month and type."""
    found = Counter((e["date"].strftime("%Y-%m"), e["type"]) for e in events if e["date"] is not None)
    return [{"month": month, "type": kind, "events": n} for (month, kind), n in sorted(found.items())]


def entity(store: Store, name: str) -> Row | None:
    found = store.entity(name)
    return None if found is None else {**found, "timeline": timeline(found["events"])}


def pair(store: Store, pair: str) -> Row:
    found = store.pair(*country_pair(pair))
    by_type = counts(found["by_type"], "type")
    return {"pair": found["pair"], "events": sum(row["events"] for row in by_type), "by_type": by_type,
            "by_topic": counts(found["by_topic"], "topic"), "by_month_and_type": found["by_month_and_type"],
            "top_actors": found["top_actors"], "network": found["network"], "places": found["places"]}  # fmt: skip


def pairs(store: Store, cursor: str | None, limit: int, path: str, query: dict[str, Any]) -> Row:
    offset, size = paging.decode(cursor), paging.page_size(limit)
    return page(counts(store.pairs(offset, size + 1), "pair"), offset, size, path, query)
