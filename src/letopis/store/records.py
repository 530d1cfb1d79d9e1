"""Stored rows back to records: a document's `Extraction` with corpus-wide entity ids (for the PLOVER
and GDELT exports). Rows are read by column name and records rebuilt by keyword."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import duckdb

from letopis.lexicon import office_sector
from letopis.model import Dateline, Document, Entity, Event, Extraction, Mention, Occupation, Span, Unit
from letopis.store.queries import rows


def document(db: duckdb.DuckDBPyConnection, doc_hash: str) -> Document:
    return document_of(rows(db, "SELECT * FROM documents WHERE hash = ?", [doc_hash])[0])


def document_of(row: dict[str, Any]) -> Document:
    """A document back from its row (of the store's `documents` table or of a Parquet dataset's)."""
    units = tuple(Unit(kind, start, end) for kind, start, end in json.loads(row["units"]))
    text = row["text"]
    line = next((u for u in units if u.kind == "dateline"), None)
    dateline = None
    if row["dateline_place"] is not None and line is not None:
        span = Span(line.start, line.end, text[line.start : line.end])
        dateline = Dateline(place=row["dateline_place"], date=row["dateline_date"], agency=row["agency"], span=span)
    return Document(id=row["doc_key"], source=row["source"], text=text, units=units, title=row["title"],
                    published=row["published"], url=row["url"], dateline=dateline,
                    source_id=row.get("source_id") or "", language=row["language"])  # fmt: skip


def extraction(db: duckdb.DuckDBPyConnection, doc_hash: str) -> Extraction:
    mentions: dict[str, list[Mention]] = {}
    for m in rows(db, 'SELECT entity, start, "end", text, anaphor FROM mentions WHERE hash = ? ORDER BY start',
                  [doc_hash]):  # fmt: skip
        mentions.setdefault(m.pop("entity"), []).append(Mention(**m))
    sql = "SELECT DISTINCT n.* FROM doc_entities d JOIN entities n ON n.id = d.entity WHERE d.hash = ? ORDER BY n.id"
    entities = tuple(Entity(**e, mentions=tuple(mentions.get(e["id"], []))) for e in rows(db, sql, [doc_hash]))
    jobs = tuple(
        Occupation(person=o["person"], position=o["position"], where=o["where"], accredited_to=o["accredited_to"],
                   evidence=Span(o["start"], o["end"], o["text"]), where_from=o["where_from"])
        for o in rows(db, "SELECT * FROM occupations WHERE hash = ? ORDER BY start", [doc_hash])
    )  # fmt: skip
    evidence: dict[str, list[Span]] = {}
    for v in rows(db, 'SELECT event, start, "end", text FROM evidence WHERE hash = ? ORDER BY start', [doc_hash]):
        evidence.setdefault(v.pop("event"), []).append(Span(**v))
    events = tuple(
        Event(id=e["id"], type=e["type"], mode=e["mode"], quad=e["quad"], intensity=e["intensity"],
              modality=e["modality"], contexts=tuple(e["contexts"]), topics=tuple(e["topics"]),
              actor=tuple(e["actor"]), recipient=tuple(e["recipient"]), place=e["place"], date=e["date"],
              evidence=tuple(evidence.get(e["id"], [])), confidence=e["confidence"],
              date_precision=e["date_precision"])
        for e in rows(db, "SELECT * FROM events WHERE hash = ? ORDER BY start", [doc_hash])
    )  # fmt: skip
    doc = document(db, doc_hash)
    return Extraction(doc, dated(db, doc_hash, doc.day, entities, jobs), jobs, events)


HELD = """
SELECT o.person, o.position, w.type, w.country, w.sector FROM occupations o LEFT JOIN entities w ON w.id = o.where
WHERE o.person IN (SELECT unnest(?)) AND o.hash <> ? AND o.date <= ?
QUALIFY row_number() OVER (PARTITION BY o.person ORDER BY o.date DESC, o.start) = 1"""


def dated(
    db: duckdb.DuckDBPyConnection, doc_hash: str, day: date | None, entities: tuple[Entity, ...],
    jobs: tuple[Occupation, ...],
) -> tuple[Entity, ...]:  # fmt: skip
    """The persons a document names without a position, coded by the position the corpus last states
    for them on or before the document's day (`Обама заявил` in 2012: the president of the USA an article
    of 2011 names): its country and sector, `country_from` `corpus`. A person whose position the
    document states, or who holds none stated by then, keeps the code of the corpus entity."""
    holders = {job.person for job in jobs}
    bare = [e.id for e in entities if e.type == "PER" and not e.generic and e.id not in holders]
    if day is None or not bare:
        return entities
    held = db.execute(HELD, [bare, doc_hash, day]).fetchall()
    codes = {person: (country, office_sector(position, where_type, where_sector))
             for person, position, where_type, country, where_sector in held}  # fmt: skip
    return tuple(
        replace(e, country=codes[e.id][0] or e.country, sector=codes[e.id][1] or e.sector, country_from="corpus")
        if e.id in codes else e
        for e in entities
    )  # fmt: skip
