"""Queries the web app's pages need beyond the CLI's: documents and entities by page, one event with all
its reports, and the counts of the overview (country pairs, countries). Each is a function of a DuckDB
connection; `Store` hands them on."""

from __future__ import annotations

from typing import Any

import duckdb

from letopis.store.filters import EventFilters
from letopis.store.queries import event_query, rows, scalar


def documents(db: duckdb.DuckDBPyConnection, offset: int, limit: int) -> list[dict[str, Any]]:
    """Stored documents, newest publication first, with their counts of entities and events."""
    return rows(
        db,
        "SELECT d.doc_key AS document, d.hash, d.title, d.published, d.source,"
        " (SELECT count(DISTINCT entity) FROM doc_entities x WHERE x.hash = d.hash) AS entities,"
        " (SELECT count(*) FROM events e WHERE e.hash = d.hash) AS events"
        " FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_key, d.hash LIMIT ? OFFSET ?",
        [limit, offset],
    )


def document_hash(db: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The text hash of a document named by its key (the latest stored under it) or by its hash."""
    found = db.execute(
        "SELECT hash FROM documents WHERE doc_key = ? OR hash = ? ORDER BY ingested_at DESC LIMIT 1", [key, key]
    ).fetchone()
    return str(found[0]) if found else None


def entities(db: duckdb.DuckDBPyConnection, kind: str | None, offset: int, limit: int) -> list[dict[str, Any]]:
    """Entities with the number of documents naming them, the most named first."""
    return rows(
        db,
        "SELECT n.id, n.type, n.name, n.country, n.sector, n.kind, n.lat, n.lon,"
        " count(DISTINCT d.hash) AS documents FROM entities n JOIN doc_entities d ON d.entity = n.id"
        " WHERE ? IS NULL OR n.type = ? GROUP BY ALL ORDER BY documents DESC, n.name, n.id LIMIT ? OFFSET ?",
        [kind, kind, limit, offset],
    )


def event(db: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its parties' names and every report of it: the evidence spans and their documents."""
    found = rows(db, "SELECT * FROM events WHERE id = ?", [event_id])
    if not found:
        return None
    row = found[0]
    ids = [*row["actor"], *row["recipient"], *([row["place"]] if row["place"] else [])]
    names = dict(db.execute("SELECT id, name FROM entities WHERE list_contains(?, id)", [ids]).fetchall())
    reports = rows(
        db,
        'SELECT d.doc_key AS document, d.title, v.start, v."end", v.text FROM events e'
        " JOIN evidence v ON v.event = e.id JOIN documents d ON d.hash = e.hash"
        " WHERE e.event_key = ? ORDER BY d.doc_key, v.start",
        [row["event_key"]],
    )
    sources = scalar(db, "SELECT count(DISTINCT hash) FROM events WHERE event_key = ?", [row["event_key"]])
    return {"id": row["id"], "type": row["type"], "mode": row["mode"], "modality": row["modality"],
            "quad": row["quad"], "date": row["date"], "place": names.get(row["place"] or ""),
            "actor": [names[a] for a in row["actor"]], "recipient": [names[r] for r in row["recipient"]],
            "actor_countries": row["actor_countries"], "recipient_countries": row["recipient_countries"],
            "contexts": row["contexts"], "topics": row["topics"], "confidence": row["confidence"],
            "sources": sources, "evidence": reports}  # fmt: skip


def event_documents(db: duckdb.DuckDBPyConnection, filters: EventFilters) -> set[str]:
    """The keys of the documents that report an event kept by `filters` (any report of it)."""
    sql, params = event_query(db, filters, lean=True)
    found = db.execute(
        f"SELECT DISTINCT d.doc_key FROM ({sql}) p JOIN events e1 ON e1.id = p.id"
        " JOIN events e2 ON e2.event_key = e1.event_key JOIN documents d ON d.hash = e2.hash",
        params,
    ).fetchall()
    return {row[0] for row in found}


def pairs(db: duckdb.DuckDBPyConnection, offset: int, limit: int) -> list[dict[str, Any]]:
    """Country pairs (actor-recipient, two countries) by their number of events, the most first."""
    return rows(
        db,
        "SELECT a || '-' || r AS pair, count(DISTINCT event_key) AS events FROM events,"
        " unnest(actor_countries) AS x(a), unnest(recipient_countries) AS y(r) WHERE a <> r"
        " GROUP BY pair ORDER BY events DESC, pair LIMIT ? OFFSET ?",
        [limit, offset],
    )


def countries(db: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Events by country taking part (as actor or recipient), the most first."""
    return rows(
        db,
        "SELECT c AS country, count(DISTINCT event_key) AS events FROM events,"
        " unnest(list_distinct(list_concat(actor_countries, recipient_countries))) AS x(c)"
        " GROUP BY c ORDER BY events DESC, c",
        [],
    )
