"""Queries over a corpus: search, events, an entity, the summary, the rejects, exports.

Each is a function of a DuckDB connection; `Store` hands them on. Rows come back as dicts by column name.
Rows of a list of keys are read with `list_contains(?, key)`, a filter on the scan: over a million
entities it took 6 ms where `key IN (SELECT unnest(?))`, a join, took 130 ms.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from letopis.lexicon.names import key
from letopis.store.filters import EventFilters
from letopis.store.lookup import find_entities
from letopis.store.opening import first_line
from letopis.store.search import SearchIndex, snippet


def rows(db: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | dict[str, Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(db: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    found = db.execute(sql, params or []).fetchone()
    return int(found[0]) if found and found[0] is not None else 0


PAGE_ONLY = ("documents", "aliases", "positions", "counterparts")  # what an entity's page holds beside its row
SEARCH_COLUMNS = ("document", "score", "title", "published", "source", "snippet")


def search(db: duckdb.DuckDBPyConnection, index: SearchIndex | None, query: str, limit: int,
           any_word: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    """The documents the index finds, best first, read in one query."""
    hits = index.query(query, limit, any_word) if index is not None else []
    if not hits:
        return []
    sql = "SELECT hash, doc_key, title, published, source, text FROM documents WHERE list_contains(?, hash)"
    stored = {row["hash"]: row for row in rows(db, sql, [[doc_hash for doc_hash, _ in hits]])}
    return [{"document": row["doc_key"], "score": round(score, 3), "title": row["title"],
             "published": row["published"], "source": row["source"], "snippet": snippet(row["text"], query)}
            for doc_hash, score in hits if (row := stored.get(doc_hash)) is not None]  # fmt: skip


def events(db: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int,
           ids: list[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Events matching `filters`, ordered by date and document (`ids`: the entity's, looked up already).
    The page is picked first: from the event index with its names and evidence, or from the reports, whose
    names and evidence are then looked up for the page's events only (`named`)."""
    picked, params = event_query(db, filters, lean=True, ids=ids, listed=True)
    page = rows(db, f"SELECT * FROM ({picked}) p ORDER BY p.date, p.doc_key, p.start, p.id LIMIT {int(limit)}", params)
    return [
        {"id": row["id"], "hash": row["hash"], "date": row["date"], "type": row["type"], "mode": row["mode"],
         "modality": row["modality"], "place": row["place_name"], "actor": row["actor_names"],
         "recipient": row["recipient_names"], "actor_countries": row["actor_countries"],
         "recipient_countries": row["recipient_countries"], "contexts": row["contexts"], "topics": row["topics"],
         "confidence": row["confidence"], "sources": row["sources"], "document": row["doc_key"],
         "evidence": row["evidence"]}
        for row in (page if indexed(filters) else named(db, page))
    ]  # fmt: skip


def named(db: duckdb.DuckDBPyConnection, page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of events read from the reports with the names of their parties and place and their first
    evidence, as the event index keeps them."""
    ids = sorted({i for row in page for i in [*row["actor"], *row["recipient"], row["place"]] if i})
    names = dict(db.execute("SELECT id, name FROM entities WHERE list_contains(?, id)", [ids]).fetchall())
    evidence: dict[str, str] = {}
    for event, text in db.execute(
        "SELECT event, text FROM evidence WHERE event IN (SELECT unnest(?)) ORDER BY start DESC",
        [[row["id"] for row in page]],
    ).fetchall():
        evidence[event] = text
    return [{**row, "actor_names": [names[a] for a in row["actor"]],
             "recipient_names": [names[r] for r in row["recipient"]], "place_name": names.get(row["place"] or ""),
             "evidence": evidence.get(row["id"])} for row in page]  # fmt: skip


def count_events(db: duckdb.DuckDBPyConnection, filters: EventFilters) -> int:
    picked, params = event_query(db, filters, lean=True)
    return scalar(db, f"SELECT count(*) FROM ({picked})", params)


def indexed(filters: EventFilters) -> bool:
    """Whether every filter given is one that all reports of an event share (its parties, their countries,
    its type and date), so that the event index, the first report of each event, answers the query."""
    return filters.context is None and filters.topic is None and filters.place is None \
        and filters.min_confidence is None  # fmt: skip


def event_query(
    db: duckdb.DuckDBPyConnection, filters: EventFilters, lean: bool = False, limit: int | None = None,
    ids: list[str] | None = None, listed: bool = False,
) -> tuple[str, list[Any]]:
    """SQL and parameters of the events kept by `filters`; one row per event (`event_key`), the columns of
    a list of events but names and evidence (`lean`, for aggregates), or with them. `ids` are the entity
    filter's, when the caller has looked them up; `listed`: from the event index, its names of the parties
    and not their ids (three list columns fewer to read: 13 -> 11 ms at 1M events)."""
    found = (find_entities(db, filters.entity) if ids is None else ids) if filters.entity is not None else []
    if indexed(filters):
        picked, params = index_query(filters, found, LISTED if listed else COLUMNS)
    else:
        picked, params = report_query(filters, found)
    if lean:
        return picked, params
    cut = f"ORDER BY date, doc_key, start, id LIMIT {int(limit)}" if limit is not None else ""
    sql = f"""
        WITH p AS ({picked} {cut})
        SELECT p.id, p.hash, p.date, p.type, p.mode, p.modality, pl.name AS place,
               (SELECT list(n.name) FROM (SELECT unnest(p.actor) AS x) u JOIN entities n ON n.id = u.x) AS actor,
               (SELECT list(n.name) FROM (SELECT unnest(p.recipient) AS x) u JOIN entities n ON n.id = u.x)
                   AS recipient,
               p.actor_countries, p.recipient_countries, p.contexts, p.topics, p.confidence, p.sources,
               p.doc_key AS document,
               (SELECT text FROM evidence v WHERE v.event = p.id ORDER BY v.start LIMIT 1) AS evidence
        FROM p LEFT JOIN entities pl ON pl.id = p.place
        ORDER BY p.date, p.doc_key, p.start, p.id"""
    return sql, params


COLUMNS = ("e.id, e.hash, e.date, e.type, e.mode, e.modality, e.topics, e.actor, e.recipient, e.start, e.place,"
           " e.actor_countries, e.recipient_countries, e.contexts, e.confidence")  # fmt: skip
LISTED = ", ".join(c for c in COLUMNS.split(", ") if c not in ("e.actor", "e.recipient", "e.place"))


def index_query(filters: EventFilters, ids: list[str], columns: str = COLUMNS) -> tuple[str, list[Any]]:
    """The events kept by filters that all reports of an event share, from the event index: the rows of
    the entity's terms (else of the pair's, else of every event), then the other filters on those rows."""
    where: list[str] = []
    params: list[Any] = []
    pair = "-".join(sorted(filters.pair)) if filters.pair is not None else None
    if filters.entity is not None:
        where.append(f"e.term IN ({', '.join('?' for _ in ids)})" if ids else "FALSE")
        params += [f"entity:{i}" for i in ids]
        if pair is not None:
            where.append("list_contains(e.pairs, ?)")
            params.append(pair)
    else:
        where.append("e.term = ?")
        params.append("*" if pair is None else f"pair:{pair}")
    type_and_dates(filters, where, params)
    once = "QUALIFY row_number() OVER (PARTITION BY e.event_key ORDER BY e.term) = 1" if len(ids) > 1 else ""
    picked = f"""
        SELECT {columns}, e.doc_key, e.sources, e.evidence, e.actor_names, e.recipient_names, e.place_name
        FROM event_index e WHERE {" AND ".join(where)} {once}"""
    return picked, params


def type_and_dates(filters: EventFilters, where: list[str], params: list[Any]) -> None:
    """Add the type and date-range conditions of `filters`, which the event index and the reports share."""
    if filters.type is not None:
        where.append(f"e.type IN ({', '.join('?' for _ in filters.type)})")
        params += filters.type
    for op, value in ((">=", filters.since), ("<=", filters.until)):
        if value is not None:
            where.append(f"e.date {op} ?")
            params.append(value)


def report_query(filters: EventFilters, ids: list[str]) -> tuple[str, list[Any]]:
    """The events kept by `filters` read from every report: of each event, the first report the filters
    keep (`ids`: the entity filter's)."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if filters.entity is not None:
        where.append("(list_has_any(e.actor, ?) OR list_has_any(e.recipient, ?))")
        params += [ids, ids]
    if filters.pair is not None:
        first, second = filters.pair
        where.append(
            "((list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?))"
            " OR (list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?))"
            " OR (list_contains(e.actor_countries, ?) AND list_contains(e.actor_countries, ?)))"
        )
        params += [first, second, second, first, first, second]
    type_and_dates(filters, where, params)
    for column, value in (("contexts", filters.context), ("topics", filters.topic)):
        if value is not None:
            where.append(f"list_contains(e.{column}, ?)")
            params.append(value)
    if filters.place is not None:
        where.append("e.place IN (SELECT id FROM entities WHERE lower(name) = ?)")
        params.append(key(filters.place))
    if filters.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(filters.min_confidence)
    picked = f"""
        SELECT {COLUMNS}, d.doc_key, count(DISTINCT e.hash) OVER (PARTITION BY e.event_key) AS sources
        FROM events e JOIN documents d ON d.hash = e.hash
        WHERE {" AND ".join(where)}
        QUALIFY row_number() OVER (PARTITION BY e.event_key ORDER BY d.ingested_at, e.id) = 1"""
    return picked, params


def entity(db: duckdb.DuckDBPyConnection, name: str) -> dict[str, Any] | None:
    """An entity across the corpus (every entity of the name `find_entities` finds): the row of the one named
    in the most documents, the aliases, positions and counterparts of all their pages (`pages.py`), their
    events."""
    ids = find_entities(db, name)
    if not ids:
        return None
    listed = ", ".join("?" for _ in ids)
    found = rows(db, f"SELECT * FROM entity_pages WHERE id IN ({listed}) ORDER BY documents DESC, id", ids)
    if not found:
        return None
    positions = [p for page in found for p in page["positions"]]
    if len(found) > 1:
        positions.sort(key=lambda p: (p["date"] is None, p["date"] or date.min))
    counted: Counter[tuple[str, str, str | None]] = Counter()
    for other in (c for page in found for c in page["counterparts"] if c["other"] not in ids):
        counted[other["name"], other["type"], other["country"]] += other["events"]
    counterparts = [{"name": n, "type": t, "country": c, "events": k}
                    for (n, t, c), k in sorted(counted.items(), key=lambda item: (-item[1], item[0][0]))]  # fmt: skip
    return {**{k: v for k, v in found[0].items() if k not in PAGE_ONLY},
            "aliases": sorted({alias for page in found for alias in page["aliases"]}),
            "positions": [{k: v for k, v in p.items() if k != "date"} for p in positions],
            "counterparts": counterparts, "events": events(db, EventFilters(entity=name), 100, ids)}  # fmt: skip


def summary(db: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    types = rows(
        db, "SELECT type, count(DISTINCT event_key) AS events FROM events GROUP BY type ORDER BY events DESC, type", []
    )
    pairs = rows(
        db,
        "SELECT a || '-' || r AS pair, count(DISTINCT event_key) AS events FROM events,"
        " unnest(actor_countries) AS x(a), unnest(recipient_countries) AS y(r) WHERE a <> r"
        " GROUP BY pair ORDER BY events DESC, pair LIMIT 10",
        [],
    )
    return {"documents": scalar(db, "SELECT count(*) FROM documents"),
            "sources": scalar(db, "SELECT count(*) FROM sources"),
            "near_duplicates": scalar(db, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "rejects": scalar(db, "SELECT count(*) FROM rejects"),
            "not_searchable": scalar(db, "SELECT count(*) FROM search_queue"),
            "entities": scalar(db, "SELECT count(*) FROM entities"),
            "events": scalar(db, "SELECT count(DISTINCT event_key) FROM events"),
            "event_reports": scalar(db, "SELECT count(*) FROM events"),
            "occupations": scalar(db, "SELECT count(*) FROM occupations"),
            "events_by_type": types, "top_country_pairs": pairs}  # fmt: skip


def rejects(db: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return rows(db, "SELECT source, stage, reason, rejected_at FROM rejects ORDER BY source", [])


def export_parquet(db: duckdb.DuckDBPyConnection, path: Path, filters: EventFilters) -> int:
    sql, params = event_query(db, filters)
    target = str(path).replace("'", "''")
    try:
        db.execute(f"COPY ({sql}) TO '{target}' (FORMAT PARQUET)", params)
    except duckdb.Error as error:
        raise ValueError(f"cannot write {path}: {first_line(error)}") from None
    return scalar(db, f"SELECT count(*) FROM ({sql})", params)
