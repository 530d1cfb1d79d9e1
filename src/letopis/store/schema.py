"""The DuckDB schema of a letopis corpus (docs/store.md). Bump VERSION when it changes."""

from __future__ import annotations

VERSION = 2

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    hash VARCHAR PRIMARY KEY,          -- sha256 of the text: the document's identity
    doc_key VARCHAR NOT NULL,          -- the reader's id (file stem, JSONL id): a changed text replaces its facts
    source VARCHAR, title VARCHAR, published DATE, url VARCHAR,
    dateline_place VARCHAR, dateline_date DATE, agency VARCHAR,
    units VARCHAR NOT NULL,            -- JSON [[kind, start, end], ...]: headline, credit, dateline, body blocks
    minhash UINTEGER[] NOT NULL,       -- MinHash signature of word 5-gram shingles (datasketch)
    duplicate_of VARCHAR, similarity DOUBLE,  -- the earlier stored document this one reprints
    text VARCHAR NOT NULL, ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,            -- corpus-wide id, stable across ingests
    type VARCHAR NOT NULL, name VARCHAR NOT NULL, country VARCHAR, sector VARCHAR,
    kind VARCHAR, lat DOUBLE, lon DOUBLE
);
CREATE TABLE IF NOT EXISTS aliases (
    key VARCHAR PRIMARY KEY,           -- a normalised name, acronym or surname+initial (store.alias_keys)
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
    date DATE, confidence DOUBLE, start INTEGER  -- start: offset of the first evidence, for reading order
);
CREATE TABLE IF NOT EXISTS evidence (
    event VARCHAR NOT NULL, hash VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR
);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
"""

FACT_TABLES = ("doc_entities", "mentions", "occupations", "events", "evidence")
