"""The DuckDB schema of a letopis corpus (docs/store.md). Bump VERSION when it changes.

`COLUMNS` names each table's columns in order: rows are written and read back by these names.
"""

from __future__ import annotations

VERSION = 6

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    hash VARCHAR PRIMARY KEY,          -- sha256 of the text: one stored text, whatever its sources
    doc_key VARCHAR NOT NULL,          -- the reader's short id of its first source (file stem, JSONL id)
    source VARCHAR, title VARCHAR, published DATE, url VARCHAR,
    dateline_place VARCHAR, dateline_date DATE, agency VARCHAR,
    units VARCHAR NOT NULL,            -- JSON [[kind, start, end], ...]: headline, credit, dateline, body blocks
    minhash UINTEGER[] NOT NULL,       -- MinHash signature of word 5-gram shingles (datasketch)
    duplicate_of VARCHAR, similarity DOUBLE,  -- the earlier stored document this one reprints
    text VARCHAR NOT NULL, language VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    source_id VARCHAR PRIMARY KEY,     -- path relative to the ingest root (+ :line or #id in JSONL)
    hash VARCHAR NOT NULL,             -- the text it holds now: a changed text replaces the old one
    source VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS rejects (
    source_id VARCHAR PRIMARY KEY,     -- the identity it would have had (the path when even that is unknown)
    source VARCHAR NOT NULL, stage VARCHAR NOT NULL, reason VARCHAR NOT NULL, rejected_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS search_queue (
    hash VARCHAR PRIMARY KEY           -- a document whose search entry is still to be written or deleted
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,            -- corpus-wide id, stable across ingests
    type VARCHAR NOT NULL, name VARCHAR NOT NULL, country VARCHAR, sector VARCHAR,
    kind VARCHAR, lat DOUBLE, lon DOUBLE,
    generic BOOLEAN NOT NULL,          -- a group or authority named by a common noun (`полиция (Россия)`)
    country_from VARCHAR               -- text, list or setting (model.Entity); a text's country replaces the others
);
CREATE TABLE IF NOT EXISTS aliases (
    key VARCHAR PRIMARY KEY,           -- a normalised name, acronym or surname+initial (identity.alias_keys)
    entity VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_entities (
    hash VARCHAR NOT NULL, local_id VARCHAR NOT NULL, entity VARCHAR NOT NULL,
    name VARCHAR NOT NULL, merge_reason VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    hash VARCHAR NOT NULL, entity VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, anaphor BOOLEAN
);
CREATE TABLE IF NOT EXISTS occupations (
    hash VARCHAR NOT NULL, person VARCHAR NOT NULL, position VARCHAR NOT NULL, "where" VARCHAR,
    accredited_to VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, date DATE,
    where_from VARCHAR NOT NULL        -- text: stated with the position; document: the document's most-named place
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL,
    event_key VARCHAR NOT NULL,        -- the same event in several articles: type, mode, modality, date, parties
    type VARCHAR NOT NULL, mode VARCHAR, quad INTEGER,
    intensity DOUBLE, modality VARCHAR, contexts VARCHAR[], topics VARCHAR[], actor VARCHAR[],
    recipient VARCHAR[], actor_countries VARCHAR[], recipient_countries VARCHAR[], place VARCHAR,
    date DATE, confidence DOUBLE, start INTEGER, -- start: offset of the first evidence, for reading order
    date_precision VARCHAR NOT NULL    -- day, or month / year for a stated period (`в мае 1981 года`)
);
CREATE TABLE IF NOT EXISTS evidence (
    event VARCHAR NOT NULL, hash VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR
);
-- Derived from the events in the same transaction (derived.py): what lists and dashboards read.
CREATE TABLE IF NOT EXISTS event_index (
    term VARCHAR NOT NULL,             -- `*`, `pair:KAZ-PAK` (codes in order) or `entity:ID`: what finds the row
    event_key VARCHAR NOT NULL, id VARCHAR NOT NULL, -- the event and its first report
    hash VARCHAR NOT NULL, doc_key VARCHAR NOT NULL, date DATE, type VARCHAR NOT NULL, mode VARCHAR,
    modality VARCHAR, place VARCHAR, actor VARCHAR[], recipient VARCHAR[], actor_countries VARCHAR[],
    recipient_countries VARCHAR[], contexts VARCHAR[], topics VARCHAR[], confidence DOUBLE, start INTEGER,
    sources BIGINT NOT NULL,           -- documents reporting the event
    evidence VARCHAR,                  -- the first report's first evidence span
    pairs VARCHAR[], parties VARCHAR[], -- the country pairs and the entities it is found under
    actor_names VARCHAR[], recipient_names VARCHAR[], place_name VARCHAR -- the names of its parties and place
);
CREATE TABLE IF NOT EXISTS pair_months (pair VARCHAR, month VARCHAR, type VARCHAR, events BIGINT);
CREATE TABLE IF NOT EXISTS pair_topics (pair VARCHAR, topic VARCHAR, events BIGINT);
CREATE TABLE IF NOT EXISTS pair_actors (
    pair VARCHAR, entity VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR, events BIGINT
);
CREATE TABLE IF NOT EXISTS pair_links (
    pair VARCHAR, actor VARCHAR, recipient VARCHAR, actor_name VARCHAR, actor_country VARCHAR,
    recipient_name VARCHAR, recipient_country VARCHAR, events BIGINT
);
CREATE TABLE IF NOT EXISTS pair_places (
    pair VARCHAR, place VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, events BIGINT
);
CREATE TABLE IF NOT EXISTS counterparts (
    entity VARCHAR, other VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR, events BIGINT
);
-- The entities' names as the documents give them, folded as names.key() folds them; events: how many
-- documents' entities are so named (the count column of every table of counts).
CREATE TABLE IF NOT EXISTS entity_names (folded VARCHAR, entity VARCHAR, name VARCHAR, events BIGINT);
-- A pair's dashboard as it is shown, made from the counts above: each table a list of its rows, in order.
CREATE TABLE IF NOT EXISTS pair_pages (
    pair VARCHAR, by_month STRUCT(month VARCHAR, events BIGINT)[],
    by_type STRUCT(type VARCHAR, events BIGINT)[], by_topic STRUCT(topic VARCHAR, events BIGINT)[],
    top_actors STRUCT(name VARCHAR, type VARCHAR, country VARCHAR, events BIGINT)[],
    by_month_and_type STRUCT(month VARCHAR, type VARCHAR, events BIGINT)[],
    network STRUCT(actor VARCHAR, actor_country VARCHAR, recipient VARCHAR, recipient_country VARCHAR,
                   events BIGINT)[],
    places STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, events BIGINT)[]
);
-- An entity's page: the entity's row, its aliases, positions and counterparts (pages.py).
CREATE TABLE IF NOT EXISTS entity_pages (
    id VARCHAR, type VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, lat DOUBLE,
    lon DOUBLE, generic BOOLEAN, country_from VARCHAR,
    documents BIGINT,                  -- documents naming it
    aliases VARCHAR[],
    positions STRUCT(position VARCHAR, "where" VARCHAR, where_from VARCHAR, accredited_to VARCHAR, month VARCHAR,
                     date DATE)[],
    counterparts STRUCT(other VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR, events BIGINT)[]
);
CREATE INDEX IF NOT EXISTS entity_pages_id ON entity_pages (id); -- a page is read by its id: 6 -> 3 ms at 1M
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS sources_hash ON sources (hash);
"""

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("hash", "doc_key", "source", "title", "published", "url", "dateline_place", "dateline_date",
                  "agency", "units", "minhash", "duplicate_of", "similarity", "text", "language", "ingested_at"),
    "sources": ("source_id", "hash", "source", "ingested_at"),
    "rejects": ("source_id", "source", "stage", "reason", "rejected_at"),
    "entities": ("id", "type", "name", "country", "sector", "kind", "lat", "lon", "generic", "country_from"),
    "aliases": ("key", "entity"),
    "doc_entities": ("hash", "local_id", "entity", "name", "merge_reason"),
    "mentions": ("hash", "entity", "start", "end", "text", "anaphor"),
    "occupations": ("hash", "person", "position", "where", "accredited_to", "start", "end", "text", "date",
                    "where_from"),
    "events": ("id", "hash", "event_key", "type", "mode", "quad", "intensity", "modality", "contexts", "topics",
               "actor", "recipient", "actor_countries", "recipient_countries", "place", "date", "confidence",
               "start", "date_precision"),
    "evidence": ("event", "hash", "start", "end", "text"),
}  # fmt: skip

DERIVED = ("event_index", "pair_months", "pair_topics", "pair_actors", "pair_links", "pair_places", "counterparts",
           "pair_pages", "entity_pages", "entity_names")
# The tables holding one document's facts, deleted with it.
FACT_TABLES = ("doc_entities", "mentions", "occupations", "events", "evidence")
# The order a batch is inserted in.
INSERT_ORDER = ("documents", "entities", "aliases", *FACT_TABLES)
