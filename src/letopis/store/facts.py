"""The rows of the corpus tables for one extraction, by column name (`schema.COLUMNS`), and the one
insert of such rows."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

import duckdb

from letopis.model import Document, Extraction
from letopis.store.identity import alias_keys, entity_id, event_key
from letopis.store.schema import COLUMNS

if TYPE_CHECKING:
    from datasketch import MinHash


def document_row(doc: Document, doc_hash: str, minhash: MinHash, original: tuple[float, str] | None,
                 now: datetime) -> dict[str, Any]:  # fmt: skip
    line = doc.dateline
    return {"hash": doc_hash, "doc_key": doc.id, "source": doc.source, "title": doc.title,
            "published": doc.published, "url": doc.url, "dateline_place": line.place if line else None,
            "dateline_date": line.date if line else None, "agency": line.agency if line else None,
            "units": json.dumps([[u.kind, u.start, u.end] for u in doc.units]),
            "minhash": [int(v) for v in minhash.hashvalues], "duplicate_of": original[1] if original else None,
            "similarity": round(original[0], 3) if original else None, "text": doc.text,
            "language": doc.language, "ingested_at": now}  # fmt: skip


def fact_rows(result: Extraction, doc_hash: str, aliases: dict[str, str], rows: dict[str, list[dict[str, Any]]],
              new_entities: set[str]) -> None:  # fmt: skip
    """Append the rows of `result`'s facts to `rows`, its entities joined to the corpus by their alias keys
    (`aliases`: alias key -> corpus entity, extended with the keys new here; `new_entities`: the corpus
    entities that have a row in `rows` already)."""
    ids: dict[str, str] = {}
    countries: dict[str, str | None] = {}
    for entity in result.entities:
        keys = alias_keys(entity, doc_hash)
        known = next(((aliases[k], why) for k, why in keys if k in aliases), None)
        corpus_id, reason = known or (entity_id(keys[0][0]), "first seen here")
        ids[entity.id] = corpus_id
        for alias, _ in keys:
            if alias not in aliases:
                aliases[alias] = corpus_id
                rows["aliases"].append({"key": alias, "entity": corpus_id})
        countries[entity.id] = entity.country
        if corpus_id not in new_entities:
            new_entities.add(corpus_id)
            rows["entities"].append({"id": corpus_id, "type": entity.type, "name": entity.name,
                                     "country": entity.country, "sector": entity.sector, "kind": entity.kind,
                                     "lat": entity.lat, "lon": entity.lon, "generic": entity.generic,
                                     "country_from": entity.country_from})  # fmt: skip
        rows["doc_entities"].append({"hash": doc_hash, "local_id": entity.id, "entity": corpus_id,
                                     "name": entity.name, "merge_reason": reason})  # fmt: skip
        rows["mentions"] += [{"hash": doc_hash, "entity": corpus_id, "start": m.start, "end": m.end,
                              "text": m.text, "anaphor": m.anaphor} for m in entity.mentions]  # fmt: skip
    when = result.document.day
    for job in result.occupations:
        rows["occupations"].append({"hash": doc_hash, "person": ids[job.person], "position": job.position,
                                    "where": ids.get(job.where or ""),
                                    "accredited_to": ids.get(job.accredited_to or ""),
                                    "start": job.evidence.start, "end": job.evidence.end,
                                    "text": job.evidence.text, "date": when,
                                    "where_from": job.where_from})  # fmt: skip
    for event in result.events:
        event_id = f"{doc_hash[:16]}-{event.id}"
        rows["events"].append({
            "id": event_id, "hash": doc_hash, "event_key": event_key(event, ids, event_id), "type": event.type,
            "mode": event.mode, "quad": event.quad, "intensity": event.intensity, "modality": event.modality,
            "contexts": list(event.contexts), "topics": list(event.topics),
            "actor": [ids[a] for a in event.actor], "recipient": [ids[r] for r in event.recipient],
            "actor_countries": sorted({c for a in event.actor if (c := countries[a])}),
            "recipient_countries": sorted({c for r in event.recipient if (c := countries[r])}),
            "place": ids.get(event.place or ""), "date": event.date, "confidence": event.confidence,
            "start": event.evidence[0].start if event.evidence else 0, "date_precision": event.date_precision,
        })  # fmt: skip
        rows["evidence"] += [{"event": event_id, "hash": doc_hash, "start": s.start, "end": s.end,
                              "text": s.text} for s in event.evidence]  # fmt: skip


def insert(db: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], suffix: str = "",
           replace: bool = False) -> None:  # fmt: skip
    """Insert rows (dicts by column name) in one statement, column by column (`unnest` of each column's
    values is ten times faster than binding a row of parameters at a time)."""
    if not rows:
        return
    names = COLUMNS[table]
    columns = [[row[name] for row in rows] for name in names]
    quoted = ", ".join(f'"{name}"' for name in names)
    select = ", ".join(["unnest(?)"] * len(names))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    db.execute(f"{verb} INTO {table} ({quoted}) SELECT * FROM (SELECT {select}){suffix}", columns)


RECODE = """
UPDATE events SET
  actor_countries = (SELECT coalesce(list_sort(list_distinct(list(n.country))), []) FROM entities n
                     WHERE list_contains(events.actor, n.id) AND n.country IS NOT NULL),
  recipient_countries = (SELECT coalesce(list_sort(list_distinct(list(n.country))), []) FROM entities n
                         WHERE list_contains(events.recipient, n.id) AND n.country IS NOT NULL)
WHERE hash IN (SELECT unnest(?)) OR list_has_any(list_concat(actor, recipient), ?)"""


def uncoded(db: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """The stored entities among `ids` whose country is not stated by any text yet, with what they hold."""
    sql = ("SELECT id, country, country_from FROM entities WHERE id IN (SELECT unnest(?))"
           " AND coalesce(country_from, '') <> 'text'")  # fmt: skip
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, [ids]).fetchall()}


def recode_events(
    db: duckdb.DuckDBPyConnection, hashes: list[str], waiting: dict[str, tuple[str | None, str | None]]
) -> list[str]:
    """The countries of the parties of the events of documents `hashes`, and of every stored event of an
    entity among `waiting` whose country changed, from the corpus entities: what one article states of a
    person (`посол Японии ...`) codes him in the articles that name him without a title. Gives the
    entities whose country changed."""
    now = uncoded(db, list(waiting))
    changed = [i for i, held in waiting.items() if now.get(i) != held]
    db.execute(RECODE, [hashes, changed])
    return changed
