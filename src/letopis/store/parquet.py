"""A Parquet dataset of extractions (docs/scale.md): the tables `documents`, `entities`, `mentions`,
`occupations`, `events`, `evidence` and `rejects`, partitioned by publication month (`month=2011-05`,
`month=unknown`), written one partition of the input at a time (`part`) and read back as the records
the store's one writer takes.

The columns are the store's (`schema.COLUMNS`) where a fact is the same; entity and event ids are the
document's own (`e1`, `ev1`) and `seq` (the input position) keys a document, since the corpus-wide ids
are only given when the writer joins entities across documents. A partition is complete when its marker
`_done/part-NNNNN` exists: a partition cut short is written again whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from letopis.model import Document, Entity, Event, Extraction, Failure, Mention, Occupation, Span
from letopis.store.records import document_of

DDL = {
    "documents": "seq BIGINT, source_id VARCHAR, doc_key VARCHAR, source VARCHAR, title VARCHAR, published DATE, "
                 "url VARCHAR, dateline_place VARCHAR, dateline_date DATE, agency VARCHAR, units VARCHAR, "
                 "text VARCHAR, language VARCHAR",
    "entities": "seq BIGINT, id VARCHAR, type VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, "
                "lat DOUBLE, lon DOUBLE, generic BOOLEAN, country_from VARCHAR",
    "mentions": 'seq BIGINT, entity VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, anaphor BOOLEAN',
    "occupations": 'seq BIGINT, person VARCHAR, position VARCHAR, "where" VARCHAR, accredited_to VARCHAR, '
                   'start INTEGER, "end" INTEGER, text VARCHAR, where_from VARCHAR',
    "events": "seq BIGINT, id VARCHAR, type VARCHAR, mode VARCHAR, quad INTEGER, intensity DOUBLE, modality VARCHAR, "
              "contexts VARCHAR[], topics VARCHAR[], actor VARCHAR[], recipient VARCHAR[], place VARCHAR, "
              "date DATE, confidence DOUBLE, date_precision VARCHAR",
    "evidence": 'seq BIGINT, event VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR',
    "rejects": "seq BIGINT, source_id VARCHAR, source VARCHAR, stage VARCHAR, reason VARCHAR",
}  # fmt: skip
COLUMNS = {table: [c.split()[0].strip('"') for c in ddl.split(", ")] for table, ddl in DDL.items()}
DONE = "_done"
CHUNK = 1_000  # documents read back at a time


def month(doc: Document) -> str:
    return doc.published.strftime("%Y-%m") if doc.published else "unknown"


def rows(seq: int, result: Extraction | Failure) -> dict[str, list[dict[str, Any]]]:
    """The rows of one input document, by table and column name."""
    found: dict[str, list[dict[str, Any]]] = {table: [] for table in DDL}
    if isinstance(result, Failure):
        found["rejects"].append({"seq": seq, "source_id": result.source_id, "source": result.source, "n": 0,
                                 "stage": result.stage, "reason": result.reason, "month": "unknown"})  # fmt: skip
        return found
    doc, when = result.document, month(result.document)
    line = doc.dateline
    found["documents"].append({"seq": seq, "source_id": doc.source_id, "doc_key": doc.id, "source": doc.source,
        "title": doc.title, "published": doc.published, "url": doc.url, "dateline_place": line and line.place,
        "dateline_date": line and line.date, "agency": line and line.agency, "text": doc.text,
        "units": json.dumps([[u.kind, u.start, u.end] for u in doc.units]), "language": doc.language})  # fmt: skip
    for e in result.entities:
        found["entities"].append({"seq": seq, "id": e.id, "type": e.type, "name": e.name, "country": e.country,
                                  "sector": e.sector, "kind": e.kind, "lat": e.lat, "lon": e.lon,
                                  "generic": e.generic, "country_from": e.country_from})  # fmt: skip
        found["mentions"] += [{"seq": seq, "entity": e.id, "start": m.start, "end": m.end, "text": m.text,
                               "anaphor": m.anaphor} for m in e.mentions]  # fmt: skip
    found["occupations"] += [{"seq": seq, "person": o.person, "position": o.position, "where": o.where,
                              "accredited_to": o.accredited_to, "start": o.evidence.start, "end": o.evidence.end,
                              "text": o.evidence.text, "where_from": o.where_from}
                             for o in result.occupations]  # fmt: skip
    for v in result.events:
        found["events"].append({"seq": seq, "id": v.id, "type": v.type, "mode": v.mode, "quad": v.quad,
            "intensity": v.intensity, "modality": v.modality, "contexts": list(v.contexts), "topics": list(v.topics),
            "actor": list(v.actor), "recipient": list(v.recipient), "place": v.place, "date": v.date,
            "confidence": v.confidence, "date_precision": v.date_precision})  # fmt: skip
        found["evidence"] += [{"seq": seq, "event": v.id, "start": s.start, "end": s.end, "text": s.text}
                              for s in v.evidence]  # fmt: skip
    for table in found:
        for number, row in enumerate(found[table]):
            row["n"], row["month"] = number, when  # `n`: the order of the facts within the document
    return found


def write_part(out: Path, part: int, results: list[tuple[int, Extraction | Failure]]) -> None:
    """Write one partition of the input (`(seq, result)` pairs) and mark it complete."""
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in DDL}
    for seq, result in results:
        for table, found in rows(seq, result).items():
            tables[table] += found
    db = duckdb.connect(config={"threads": 1})  # a worker's one core
    try:
        for table, found in tables.items():
            if not found:
                continue
            names = [*COLUMNS[table], "n", "month"]
            db.execute(f"CREATE TABLE {table} ({DDL[table]}, n INTEGER, month VARCHAR)")
            quoted, select = ", ".join(f'"{n}"' for n in names), ", ".join(["unnest(?)"] * len(names))
            db.execute(f"INSERT INTO {table} ({quoted}) SELECT * FROM (SELECT {select})",
                       [[row[n] for row in found] for n in names])  # fmt: skip
            (out / table).mkdir(parents=True, exist_ok=True)
            db.execute(f"COPY {table} TO '{out / table}' (FORMAT parquet, PARTITION_BY (month), "
                       f"FILENAME_PATTERN 'part-{part:05d}-{{i}}', OVERWRITE_OR_IGNORE)")  # fmt: skip
    finally:
        db.close()
    (out / DONE).mkdir(exist_ok=True)
    (out / DONE / f"part-{part:05d}").write_text(str(len(results)), encoding="utf-8")


def done(out: Path) -> set[int]:
    """The partitions written whole."""
    return {int(path.name.split("-")[1]) for path in (out / DONE).glob("part-*")}


def extractions(out: Path) -> Iterator[Extraction | Failure]:
    """The records of the complete partitions of the dataset at `out`, in input order."""
    if not (out / DONE).is_dir():
        raise ValueError(f"{out} holds no letopis Parquet dataset (no {DONE} folder): run letopis process first")
    db = duckdb.connect()
    try:
        listed = ", ".join(str(part) for part in sorted(done(out))) or "NULL"  # integers, safe to inline
        for table, ddl in DDL.items():
            if any((out / table).rglob("*.parquet")):
                db.execute(f"CREATE VIEW {table} AS SELECT * EXCLUDE (filename) FROM read_parquet("
                           f"'{out / table}/**/*.parquet', hive_partitioning = true, filename = true) "
                           f"WHERE regexp_extract(filename, 'part-(\\d+)-', 1)::INTEGER IN ({listed})")  # fmt: skip
            else:
                db.execute(f"CREATE TABLE {table} ({ddl}, n INTEGER, month VARCHAR)")
        numbers = [row[0] for row in db.execute(
            "SELECT seq FROM documents UNION ALL SELECT seq FROM rejects ORDER BY seq").fetchall()]  # fmt: skip
        for start in range(0, len(numbers), CHUNK):
            yield from chunk(db, numbers[start : start + CHUNK])
    finally:
        db.close()


def chunk(db: duckdb.DuckDBPyConnection, numbers: list[int]) -> Iterator[Extraction | Failure]:
    found: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for table in DDL:
        result = db.execute(f"SELECT * FROM {table} WHERE seq IN (SELECT unnest(?)) ORDER BY seq, n", [numbers])
        names = [d[0] for d in result.description]
        by_seq: dict[int, list[dict[str, Any]]] = {}
        for values in result.fetchall():
            row = dict(zip(names, values, strict=True))
            by_seq.setdefault(row["seq"], []).append(row)
        found[table] = by_seq
    for seq in numbers:
        if seq in found["rejects"]:
            r = found["rejects"][seq][0]
            yield Failure(r["source"], r["reason"], r["stage"], r["source_id"])
        else:
            yield extraction({table: found[table].get(seq, []) for table in DDL})


def extraction(rows: dict[str, list[dict[str, Any]]]) -> Extraction:
    """One document's records back from its rows (facts in their written order)."""
    mentions: dict[str, list[Mention]] = {}
    for m in rows["mentions"]:
        mentions.setdefault(m["entity"], []).append(Mention(m["start"], m["end"], m["text"], m["anaphor"]))
    entities = tuple(Entity(id=e["id"], type=e["type"], name=e["name"], country=e["country"], sector=e["sector"],
                            kind=e["kind"], lat=e["lat"], lon=e["lon"], mentions=tuple(mentions.get(e["id"], [])),
                            generic=e["generic"], country_from=e["country_from"])
                     for e in rows["entities"])  # fmt: skip
    jobs = tuple(Occupation(o["person"], o["position"], o["where"], o["accredited_to"],
                            Span(o["start"], o["end"], o["text"]), o["where_from"])
                 for o in rows["occupations"])  # fmt: skip
    evidence: dict[str, list[Span]] = {}
    for v in rows["evidence"]:
        evidence.setdefault(v["event"], []).append(Span(v["start"], v["end"], v["text"]))
    events = tuple(Event(id=e["id"], type=e["type"], mode=e["mode"], quad=e["quad"], intensity=e["intensity"],
                         modality=e["modality"], contexts=tuple(e["contexts"]), topics=tuple(e["topics"]),
                         actor=tuple(e["actor"]), recipient=tuple(e["recipient"]), place=e["place"], date=e["date"],
                         evidence=tuple(evidence.get(e["id"], [])), confidence=e["confidence"],
                         date_precision=e["date_precision"])
                   for e in rows["events"])  # fmt: skip
    return Extraction(document_of(rows["documents"][0]), entities, jobs, events)
