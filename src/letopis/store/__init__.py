"""The corpus store: extractions in DuckDB, entities shared across documents, lemma search in tantivy.

Writes are idempotent: a document is keyed by the sha256 of its text, so ingesting it again adds
nothing, and a document whose text changed (same reader id) has its old facts replaced.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
from datasketch import MinHash, MinHashLSH

from letopis.extractors.entities import acronym
from letopis.lexicon import key
from letopis.model import Dateline, Document, Entity, Event, Extraction, Mention, Occupation, Span, Unit
from letopis.store.schema import DDL, FACT_TABLES, VERSION
from letopis.store.search import WORD, SearchIndex, snippet


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_keys(entity: Entity, doc_hash: str) -> list[tuple[str, str]]:
    """The keys under which a document's entity can meet the same entity in other documents, first the
    one that names it, each with the reason a match on it joins them. Merges are conservative: a
    person joins by full name (any order), or by surname and initial (`Н. Кан` / `Наото Кан`); a name
    of one word stays with its document; an organisation joins by name or by its acronym (`МИД РК` /
    `Министерство иностранных дел Республики Казахстан`)."""
    if entity.type == "LOC" and entity.kind is not None:
        return [(f"LOC:{entity.country}:{entity.kind}:{key(entity.name)}", "same place in the gazetteer")]
    if entity.type == "PER":
        names = [entity.name, *(m.text for m in entity.mentions if not m.anaphor and not m.text[:1].islower())]
        full = [key(n).split() for n in names if len(key(n).split()) > 1]
        if not full:
            return [(f"PER:{key(entity.name)}@{doc_hash[:16]}", "single name: kept to its document")]
        keys = [("PER:" + " ".join(sorted(words)), "same full name") for words in full]
        keys += [(f"PERI:{k}", "same surname and initial") for words in full if (k := initial_key(words))]
        return list(dict.fromkeys(keys))
    keys = [(f"{entity.type}:{key(entity.name)}", "same name")]
    short = acronym(entity.name).replace(" ", "").lower()
    if entity.type == "ORG" and len(short) > 2 and short != key(entity.name).replace(" ", ""):
        keys.append((f"ORGA:{short}", "same acronym"))
    elif entity.type == "ORG" and entity.name.replace(" ", "").isupper():
        keys.append((f"ORGA:{entity.name.replace(' ', '').lower()}", "same acronym"))
    return keys


def initial_key(words: list[str]) -> str | None:
    """`наото кан` and `н. кан` -> `кан|н`: the surname (the word that is not an initial, the last one
    when there are several) and the first letter of the first other word."""
    initials = [w for w in words if len(w.rstrip(".")) == 1]
    names = [w for w in words if len(w.rstrip(".")) > 1]
    if not names:
        return None
    surname = names[-1]
    first = (initials or [w for w in words if w != surname] or [""])[0]
    return f"{surname}|{first[:1]}" if first else None


def entity_id(global_key: str) -> str:
    return "E" + hashlib.sha1(global_key.encode("utf-8")).hexdigest()[:12]


PERMUTATIONS = 64
SHINGLE = 5
BATCH = 200  # documents per write
INSERT_ORDER = ("entities", "aliases", "doc_entities", "mentions", "occupations", "events", "evidence")
ENTITY_UPSERT = (
    " ON CONFLICT (id) DO UPDATE SET country = coalesce(entities.country, excluded.country),"
    " sector = coalesce(entities.sector, excluded.sector)"
)
SCHEME = "affine32"  # datasketch's hashing scheme: signatures are stored, so it is pinned
NEAR_DUPLICATE = 0.8  # estimated Jaccard similarity of shingles above which an article is a reprint


@cache
def permutations() -> Any:
    """The hash permutations of every signature, computed once (datasketch builds them per MinHash)."""
    return MinHash(num_perm=PERMUTATIONS, scheme=SCHEME).permutations


def stored_signature(values: list[int]) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, hashvalues=values, permutations=permutations(), scheme=SCHEME)


def signature(text: str) -> MinHash:
    words = WORD.findall(text.lower())
    minhash = MinHash(num_perm=PERMUTATIONS, permutations=permutations(), scheme=SCHEME)
    minhash.update_batch(
        [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))]
    )
    return minhash


def event_key(event: Event, ids: dict[str, str], event_id: str) -> str:
    """Articles that report the same event give it the same key: type, mode, modality, date and parties.
    An event with fewer than two parties is too vague to be matched and keeps a key of its own."""
    if len(event.actor) + len(event.recipient) < 2:
        return event_id
    parties = "|".join(sorted(ids[a] for a in event.actor)) + ">" + "|".join(sorted(ids[r] for r in event.recipient))
    raw = f"{event.type}/{event.mode}/{event.modality}/{event.date}/{parties}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = duckdb.connect(str(path))
        self.db.execute(DDL)
        found = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(VERSION)])
        elif int(found[0]) != VERSION:
            raise ValueError(f"{path}: schema version {found[0]}, this letopis reads version {VERSION}")
        self.index = SearchIndex(path.with_name(path.name + ".search"))
        self.lsh: MinHashLSH | None = None
        self.pending: dict[str, list[list[Any]]] = {table: [] for table in ("documents", *INSERT_ORDER)}
        self.new_entities: set[str] = set()
        self.signatures: dict[str, MinHash] = {}
        self.aliases: dict[str, str] = {}
        self.aliases_loaded = False

    def alias_index(self) -> dict[str, str]:
        """Alias key -> corpus entity, loaded on first use and kept up to date by `insert`."""
        if not self.aliases_loaded:
            self.aliases.update(dict(self.db.execute("SELECT key, entity FROM aliases").fetchall()))
            self.aliases_loaded = True
        return self.aliases

    def near_duplicates(self) -> MinHashLSH:
        """The LSH index of the stored documents' signatures, built on first use."""
        if self.lsh is None:
            self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
            for doc_hash, values in self.db.execute("SELECT hash, minhash FROM documents").fetchall():
                self.lsh.insert(doc_hash, stored_signature(values))
        return self.lsh

    def close(self) -> None:
        self.db.close()

    def ingest(self, results: Iterable[Extraction]) -> IngestReport:
        """Store extractions; rows are written in batches of BATCH documents (one statement per table)."""
        report = IngestReport()
        for result in results:
            doc = result.document
            doc_hash = text_hash(doc.text)
            if (
                doc_hash in self.signatures
                or self.db.execute("SELECT 1 FROM documents WHERE hash = ?", [doc_hash]).fetchone()
            ):
                report.unchanged += 1
                continue
            if any(row[1] == doc.id for row in self.pending["documents"]):
                self.flush()
            old = [r[0] for r in self.db.execute("SELECT hash FROM documents WHERE doc_key = ?", [doc.id]).fetchall()]
            for old_hash in old:
                self.remove(old_hash)
            report.replaced += bool(old)
            report.added += not old
            self.insert(result, doc_hash)
            if len(self.signatures) >= BATCH:
                self.flush()
        self.flush()
        self.index.commit()
        return report

    def flush(self) -> None:
        """Write the pending rows, one statement per table, column by column (`unnest` of each column's
        values is ten times faster than binding a row of parameters at a time)."""
        for table, rows in self.pending.items():
            if not rows:
                continue
            suffix = ENTITY_UPSERT if table == "entities" else ""
            columns = [list(column) for column in zip(*rows, strict=True)]
            select = ", ".join(["unnest(?)"] * len(columns))
            self.db.execute(f"INSERT INTO {table} SELECT * FROM (SELECT {select}){suffix}", columns)
        self.pending = {table: [] for table in self.pending}
        self.new_entities.clear()
        self.signatures.clear()

    def remove(self, doc_hash: str) -> None:
        if self.lsh is not None and doc_hash in self.lsh.keys:
            self.lsh.remove(doc_hash)
        for table in FACT_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE hash = ?", [doc_hash])
        self.db.execute("DELETE FROM documents WHERE hash = ?", [doc_hash])
        self.index.delete(doc_hash)

    def similar(self, minhash: MinHash) -> tuple[float, str] | None:
        """The most similar stored or pending document above the near-duplicate threshold."""
        candidates = self.near_duplicates().query(minhash)
        found = [(minhash.jaccard(self.signatures[h]), h) for h in candidates if h in self.signatures]
        stored = [h for h in candidates if h not in self.signatures]
        if stored:
            rows = self.db.execute("SELECT hash, minhash FROM documents WHERE hash IN (SELECT unnest(?))", [stored])
            found += [(minhash.jaccard(stored_signature(v)), h) for h, v in rows.fetchall()]
        return max(found, default=None)

    def insert(self, result: Extraction, doc_hash: str) -> None:
        doc = result.document
        line = doc.dateline
        minhash = signature(doc.text)
        original = self.similar(minhash)
        self.pending["documents"].append(
            [doc_hash, doc.id, doc.source, doc.title, doc.published, doc.url, line.place if line else None,
             line.date if line else None, line.agency if line else None,
             json.dumps([[u.kind, u.start, u.end] for u in doc.units]), [int(v) for v in minhash.hashvalues],
             original[1] if original else None, round(original[0], 3) if original else None, doc.text,
             datetime.now()]
        )  # fmt: skip
        ids: dict[str, str] = {}
        countries: dict[str, str | None] = {}
        for entity in result.entities:
            keys = alias_keys(entity, doc_hash)
            known = next(((self.alias_index()[k], why) for k, why in keys if k in self.alias_index()), None)
            ids[entity.id], reason = known or (entity_id(keys[0][0]), "first seen here")
            for alias, _ in keys:
                if alias not in self.alias_index():
                    self.aliases[alias] = ids[entity.id]
                    self.pending["aliases"].append([alias, ids[entity.id]])
            countries[entity.id] = entity.country
            if ids[entity.id] not in self.new_entities:
                self.new_entities.add(ids[entity.id])
                self.pending["entities"].append(
                    [ids[entity.id], entity.type, entity.name, entity.country, entity.sector, entity.kind,
                     entity.lat, entity.lon]
                )  # fmt: skip
            self.pending["doc_entities"].append([doc_hash, entity.id, ids[entity.id], entity.name, reason])
            self.pending["mentions"] += [
                [doc_hash, ids[entity.id], m.start, m.end, m.text, m.anaphor] for m in entity.mentions
            ]
        when = line.date if line and line.date else doc.published
        for job in result.occupations:
            self.pending["occupations"].append(
                [doc_hash, ids[job.person], job.position, ids.get(job.where or ""), ids.get(job.accredited_to or ""),
                 job.evidence.start, job.evidence.end, job.evidence.text, when, job.where_from]
            )  # fmt: skip
        for event in result.events:
            event_id = f"{doc_hash[:16]}-{event.id}"
            self.pending["events"].append(
                [event_id, doc_hash, event_key(event, ids, event_id), event.type, event.mode, event.quad,
                 event.intensity, event.modality, list(event.contexts), list(event.topics),
                 [ids[a] for a in event.actor], [ids[r] for r in event.recipient],
                 sorted({c for a in event.actor if (c := countries[a])}),
                 sorted({c for r in event.recipient if (c := countries[r])}), ids.get(event.place or ""),
                 event.date, event.confidence, event.evidence[0].start if event.evidence else 0]
            )  # fmt: skip
            self.pending["evidence"] += [[event_id, doc_hash, s.start, s.end, s.text] for s in event.evidence]
        self.index.add(doc_hash, doc.text)
        self.near_duplicates().insert(doc_hash, minhash)
        self.signatures[doc_hash] = minhash

    def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        found = []
        for doc_hash, score in self.index.query(query, limit):
            doc = self.rows("SELECT doc_key, title, published, source, text FROM documents WHERE hash = ?", [doc_hash])
            if doc:
                row = doc[0]
                found.append({"document": row["doc_key"], "score": round(score, 3), "title": row["title"],
                              "published": row["published"], "source": row["source"],
                              "snippet": snippet(row["text"], query)})  # fmt: skip
        return found

    def find_entities(self, name: str) -> list[str]:
        """Corpus ids of the entities called `name` (compared as the gold rules do: case, ё, quotes)."""
        wanted = key(name)
        rows = self.db.execute("SELECT DISTINCT entity, name FROM doc_entities").fetchall()
        return sorted({entity for entity, found in rows if key(found) == wanted})

    def events(self, limit: int = 100, **filters: Any) -> list[dict[str, Any]]:
        """Events matching the filters of `event_query`, ordered by date and document. The page is picked
        first; names and evidence are then looked up for its events only."""
        picked, params = self.event_query(lean=True, **filters)
        page = self.rows(
            f"SELECT p.*, e.place, e.actor_countries, e.recipient_countries, e.contexts, e.confidence FROM ({picked}) p"
            f" JOIN events e ON e.id = p.id ORDER BY p.date, p.doc_key, p.start LIMIT {int(limit)}",
            params,
        )
        ids = sorted({i for row in page for i in [*row["actor"], *row["recipient"], row["place"]] if i})
        names = dict(self.db.execute("SELECT id, name FROM entities WHERE id IN (SELECT unnest(?))", [ids]).fetchall())
        evidence: dict[str, str] = {}
        for event, text in self.db.execute(
            "SELECT event, text FROM evidence WHERE event IN (SELECT unnest(?)) ORDER BY start DESC",
            [[row["id"] for row in page]],
        ).fetchall():
            evidence[event] = text
        return [
            {"id": row["id"], "hash": row["hash"], "date": row["date"], "type": row["type"], "mode": row["mode"],
             "modality": row["modality"], "place": names.get(row["place"] or ""),
             "actor": [names[a] for a in row["actor"]], "recipient": [names[r] for r in row["recipient"]],
             "actor_countries": row["actor_countries"], "recipient_countries": row["recipient_countries"],
             "contexts": row["contexts"], "topics": row["topics"], "confidence": row["confidence"],
             "sources": row["sources"], "document": row["doc_key"], "evidence": evidence.get(row["id"])}
            for row in page
        ]  # fmt: skip

    def event_query(
        self,
        lean: bool = False,
        limit: int | None = None,
        entity: str | None = None,
        pair: tuple[str, str] | None = None,
        type: str | None = None,
        context: str | None = None,
        topic: str | None = None,
        place: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> tuple[str, list[Any]]:
        """SQL and parameters of the events filtered by entity, country pair (either direction), type,
        context, topic, place and date range; one row per event (`event_key`). `lean` leaves out the names
        and the evidence, for aggregates."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if entity is not None:
            where.append("(list_has_any(e.actor, ?) OR list_has_any(e.recipient, ?))")
            ids = self.find_entities(entity)
            params += [ids, ids]
        if pair is not None:
            where.append(
                "((list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?))"
                " OR (list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?))"
                " OR (list_contains(e.actor_countries, ?) AND list_contains(e.actor_countries, ?)))"
            )
            params += [pair[0], pair[1], pair[1], pair[0], pair[0], pair[1]]
        for column, value in (("type", type), ("context", context), ("topic", topic)):
            if value is not None:
                if column == "type":
                    where.append("e.type = ?")
                else:
                    where.append(f"list_contains(e.{column}s, ?)")
                params.append(value.upper() if column == "type" else value)
        if place is not None:
            where.append("e.place IN (SELECT id FROM entities WHERE lower(name) = ?)")
            params.append(key(place))
        if since is not None:
            where.append("e.date >= ?")
            params.append(since)
        if until is not None:
            where.append("e.date <= ?")
            params.append(until)
        picked = f"""
            SELECT e.id, e.hash, e.date, e.type, e.mode, e.modality, e.topics, e.actor, e.recipient, e.start,
                   d.doc_key, count(DISTINCT e.hash) OVER (PARTITION BY e.event_key) AS sources
            FROM events e JOIN documents d ON d.hash = e.hash
            WHERE {" AND ".join(where)}
            QUALIFY row_number() OVER (PARTITION BY e.event_key ORDER BY d.ingested_at, e.id) = 1"""
        if lean:
            return picked, params
        cut = f"ORDER BY e.date, d.doc_key, e.start LIMIT {int(limit)}" if limit is not None else ""
        sql = f"""
            WITH p AS ({picked} {cut})
            SELECT p.id, p.hash, p.date, p.type, p.mode, p.modality, pl.name AS place,
                   (SELECT list(n.name) FROM (SELECT unnest(p.actor) AS x) u JOIN entities n ON n.id = u.x) AS actor,
                   (SELECT list(n.name) FROM (SELECT unnest(p.recipient) AS x) u JOIN entities n ON n.id = u.x)
                       AS recipient,
                   e.actor_countries, e.recipient_countries, e.contexts, e.topics, e.confidence, p.sources,
                   p.doc_key AS document,
                   (SELECT text FROM evidence v WHERE v.event = p.id ORDER BY v.start LIMIT 1) AS evidence
            FROM p JOIN events e ON e.id = p.id LEFT JOIN entities pl ON pl.id = e.place
            ORDER BY p.date, p.doc_key, p.start"""
        return sql, params

    def entity(self, name: str) -> dict[str, Any] | None:
        ids = self.find_entities(name)
        if not ids:
            return None
        info = self.rows("SELECT * FROM entities WHERE id IN (SELECT unnest(?))", [ids])[0]
        aliases = self.rows(
            "SELECT DISTINCT text FROM mentions WHERE entity IN (SELECT unnest(?)) ORDER BY text", [ids]
        )
        positions = self.rows(
            "SELECT o.position, w.name AS where, o.where_from, a.name AS accredited_to,"
            " strftime(o.date, '%Y-%m') AS month"
            " FROM occupations o LEFT JOIN entities w ON w.id = o.where"
            " LEFT JOIN entities a ON a.id = o.accredited_to"
            " WHERE o.person IN (SELECT unnest(?)) ORDER BY o.date",
            [ids],
        )
        counterparts = self.rows(
            "SELECT c.name, c.type, c.country, count(*) AS events FROM events e,"
            " unnest(list_concat(e.actor, e.recipient)) AS t(other) JOIN entities c ON c.id = t.other"
            " WHERE (list_has_any(e.actor, ?) OR list_has_any(e.recipient, ?)) AND NOT list_contains(?, t.other)"
            " GROUP BY ALL ORDER BY events DESC, c.name",
            [ids, ids, ids],
        )
        return {**info, "aliases": [a["text"] for a in aliases], "positions": positions,
                "counterparts": counterparts, "events": self.events(entity=name)}  # fmt: skip

    def summary(self) -> dict[str, Any]:
        def count(table: str) -> int:
            found = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
            return int(found[0]) if found else 0

        types = self.rows(
            "SELECT type, count(DISTINCT event_key) AS events FROM events GROUP BY type ORDER BY events DESC, type", []
        )
        pairs = self.rows(
            "SELECT a || '-' || r AS pair, count(DISTINCT event_key) AS events FROM events,"
            " unnest(actor_countries) AS x(a), unnest(recipient_countries) AS y(r) WHERE a <> r"
            " GROUP BY pair ORDER BY events DESC, pair LIMIT 10",
            [],
        )
        distinct = self.db.execute("SELECT count(DISTINCT event_key) FROM events").fetchone()
        reprints = self.db.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()
        return {"documents": count("documents"), "near_duplicates": int(reprints[0]) if reprints else 0,
                "entities": count("entities"), "events": int(distinct[0]) if distinct else 0,
                "event_reports": count("events"), "occupations": count("occupations"),
                "events_by_type": types, "top_country_pairs": pairs}  # fmt: skip

    def extraction(self, doc_hash: str) -> Extraction:
        """A stored document's extraction, with corpus-wide entity ids (for PLOVER and GDELT exports)."""
        row = self.rows("SELECT * FROM documents WHERE hash = ?", [doc_hash])[0]
        units = tuple(Unit(kind, start, end) for kind, start, end in json.loads(row["units"]))
        text = row["text"]
        line = next((u for u in units if u.kind == "dateline"), None)
        dateline = None
        if row["dateline_place"] is not None and line is not None:
            span = Span(line.start, line.end, text[line.start : line.end])
            dateline = Dateline(row["dateline_place"], row["dateline_date"], row["agency"], span)
        doc = Document(row["doc_key"], row["source"], text, units, row["title"], row["published"], row["url"], dateline)
        mentions: dict[str, list[Mention]] = {}
        for m in self.rows('SELECT entity, start, "end", text, anaphor FROM mentions WHERE hash = ? ORDER BY start',
                           [doc_hash]):  # fmt: skip
            mentions.setdefault(m["entity"], []).append(Mention(m["start"], m["end"], m["text"], m["anaphor"]))
        entities = tuple(
            Entity(
                e["id"],
                e["type"],
                e["name"],
                e["country"],
                e["sector"],
                e["kind"],
                e["lat"],
                e["lon"],
                tuple(mentions.get(e["id"], [])),
            )
            for e in self.rows(
                "SELECT DISTINCT n.* FROM doc_entities d JOIN entities n ON n.id = d.entity WHERE d.hash = ?"
                " ORDER BY n.id",
                [doc_hash],
            )
        )
        jobs = tuple(
            Occupation(
                o["person"],
                o["position"],
                o["where"],
                o["accredited_to"],
                Span(o["start"], o["end"], o["text"]),
                o["where_from"],
            )
            for o in self.rows("SELECT * FROM occupations WHERE hash = ? ORDER BY start", [doc_hash])
        )
        evidence: dict[str, list[Span]] = {}
        for v in self.rows("SELECT * FROM evidence WHERE hash = ? ORDER BY start", [doc_hash]):
            evidence.setdefault(v["event"], []).append(Span(v["start"], v["end"], v["text"]))
        events = tuple(
            Event(
                e["id"],
                e["type"],
                e["mode"],
                e["quad"],
                e["intensity"],
                e["modality"],
                tuple(e["contexts"]),
                tuple(e["topics"]),
                tuple(e["actor"]),
                tuple(e["recipient"]),
                e["place"],
                e["date"],
                tuple(evidence.get(e["id"], [])),
                e["confidence"],
            )
            for e in self.rows("SELECT * FROM events WHERE hash = ? ORDER BY start", [doc_hash])
        )
        return Extraction(doc, entities, jobs, events)

    def pair(self, first: str, second: str) -> dict[str, Any]:
        """Relations of two countries: events by month, type and topic, and the most active people and
        organisations on both sides."""
        sql, params = self.event_query(lean=True, pair=(first, second))
        base = f"WITH p AS MATERIALIZED ({sql})"
        by_month = self.rows(
            f"{base} SELECT strftime(date, '%Y-%m') AS month, count(*) AS events FROM p GROUP BY month ORDER BY month",
            params,
        )
        by_type = self.rows(f"{base} SELECT type, count(*) AS events FROM p GROUP BY type ORDER BY events DESC, type",
                            params)  # fmt: skip
        by_topic = self.rows(
            f"{base} SELECT t AS topic, count(*) AS events FROM p, unnest(p.topics) AS x(t)"
            " GROUP BY t ORDER BY events DESC, t",
            params,
        )
        people = self.rows(
            f"{base} SELECT n.name, n.type, n.country, count(*) AS events FROM p,"
            " unnest(list_concat(p.actor, p.recipient)) AS x(id) JOIN entities n ON n.id = x.id"
            " WHERE n.type IN ('PER', 'ORG') AND n.country IN (?, ?)"
            " GROUP BY ALL ORDER BY events DESC, n.name LIMIT 20",
            [*params, first, second],
        )
        return {"pair": f"{first}-{second}", "by_month": by_month, "by_type": by_type, "by_topic": by_topic,
                "top_actors": people}  # fmt: skip

    def export_parquet(self, path: Path, **filters: Any) -> int:
        sql, params = self.event_query(**filters)
        target = str(path).replace("'", "''")
        self.db.execute(f"COPY ({sql}) TO '{target}' (FORMAT PARQUET)", params)
        found = self.db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        return int(found[0]) if found else 0
