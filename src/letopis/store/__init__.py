"""The corpus store: extractions in DuckDB, entities shared across documents, lemma search in tantivy
(docs/store.md). Rooms: `schema` (tables and their columns), `opening` (what a file is, locks),
`identity` (hashes, alias and event keys), `dedup` (reprints), `ingest` (the one writer, atomic
batches), `facts` (an extraction as rows by column name), `filters` (checked query filters), `lookup`
(entities by a name as typed), `queries`, `records` (rows back to records), `browse` (the web pages'
queries), `aggregates` (counts of the events a filter keeps; a pair's dashboard), `corpus` (`Store`)."""

from letopis.store.corpus import Store
from letopis.store.filters import EventFilters
from letopis.store.identity import alias_keys, text_hash
from letopis.store.ingest import IngestReport
from letopis.store.opening import StoreError

__all__ = ["EventFilters", "IngestReport", "Store", "StoreError", "alias_keys", "text_hash"]
