"""`Store`: one corpus file and its search index, opened for reading (queries) or for writing (ingest)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

import duckdb

from letopis.frames import frame, require
from letopis.markup import Events
from letopis.model import Document, Extraction
from letopis.store import aggregates, browse, lookup, queries, records
from letopis.store import filters as check
from letopis.store.filters import EventFilters
from letopis.store.ingest import IngestReport, Item, Process, Writer
from letopis.store.opening import open_for_reading, open_for_writing
from letopis.store.search import SearchIndex, index_path

if TYPE_CHECKING:
    import pandas as pd


class Store:
    """A letopis corpus. `Store(path)` opens an existing corpus read-only and refuses a missing file or
    one that is not a letopis corpus (`StoreError`); `Store(path, write=True)` creates it if need be and
    can `ingest`. Bad query arguments raise ValueError. `events` and `search` give a pandas DataFrame with
    `as_frame=True` (`events` also the DuckDB relation with `as_relation=True`), `pair` and `entity`
    their tables as DataFrames; `with Store(path) as store:` closes it."""

    def __init__(self, path: str | Path, write: bool = False) -> None:
        if not isinstance(path, str | Path):
            raise TypeError(f"a corpus path is a str or a Path, not {type(path).__name__}")
        self.path = Path(path)
        self.writer = Writer(self.path) if write else None
        self.connection: duckdb.DuckDBPyConnection | None = (
            open_for_writing(self.path) if write else open_for_reading(self.path)
        )
        self.index = self.writer.index if self.writer else SearchIndex(index_path(self.path), create=False)

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        if self.connection is None:
            self.connection = open_for_writing(self.path) if self.writer else open_for_reading(self.path)
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}{', write=True' if self.writer else ''})"

    def ingest(self, items: Iterable[Item], process: Process | None = None) -> IngestReport:
        """Store documents, extracted by `process` (or extractions), and record failures as rejects; see
        `ingest.Writer`. The file is held only while a batch is written."""
        if self.writer is None:
            raise ValueError(f"{self.path} was opened for reading: use Store(path, write=True) to ingest")
        self.close()
        return self.writer.ingest(items, process)

    def fresh(self, doc: Document) -> bool:
        """Whether `doc`'s text is not stored yet, so it needs extracting (known while an ingest runs)."""
        return self.writer is not None and self.writer.fresh(doc)

    def source_ids(self) -> set[str]:
        """The identities of every stored source (paths, URLs)."""
        return {row[0] for row in self.db.execute("SELECT source_id FROM sources").fetchall()}

    @overload
    def search(self, query: str, limit: int = ..., *, any_word: bool = ...,
               as_frame: Literal[False] = ...) -> list[dict[str, Any]]: ...
    @overload
    def search(self, query: str, limit: int = ..., *, any_word: bool = ...,
               as_frame: Literal[True]) -> pd.DataFrame: ...

    def search(self, query: str, limit: int = 10, *, any_word: bool = False,
               as_frame: bool = False) -> list[dict[str, Any]] | pd.DataFrame:
        """Documents holding every word of `query` in any form (`any_word`: one of them), a phrase in quotes
        as a phrase, best first."""
        wanted = check.text("query", query)
        found = queries.search(self.db, self.index, wanted, check.limit(limit, check.MAX_SEARCH_LIMIT), any_word)
        return frame(found, list(queries.SEARCH_COLUMNS)) if as_frame else found

    @overload
    def events(self, limit: int = ..., filters: EventFilters | None = ..., *, as_frame: Literal[False] = ...,
               as_relation: Literal[False] = ..., **given: Any) -> Events: ...
    @overload
    def events(self, limit: int = ..., filters: EventFilters | None = ..., *, as_frame: Literal[True],
               as_relation: Literal[False] = ..., **given: Any) -> pd.DataFrame: ...
    @overload
    def events(self, limit: int = ..., filters: EventFilters | None = ..., *, as_frame: Literal[False] = ...,
               as_relation: Literal[True], **given: Any) -> duckdb.DuckDBPyRelation: ...

    def events(self, limit: int = 100, filters: EventFilters | None = None, *, as_frame: bool = False,
               as_relation: bool = False, **given: Any) -> Events | pd.DataFrame | duckdb.DuckDBPyRelation:
        """Events kept by `filters` (or by the same filters given as keywords: `pair="KAZ-PAK"`), as a list
        of dicts (which a notebook shows as a table), a DataFrame or a DuckDB relation to query on."""
        wanted = filters or EventFilters.parse(**given)
        most = check.limit(limit, check.MAX_LIMIT)
        if not (as_frame or as_relation):
            return Events(queries.events(self.db, wanted, most))
        if as_frame:
            require()
        sql, params = queries.event_query(self.db, wanted, limit=most)
        relation = self.db.cursor().sql(sql, params=params)  # a cursor of its own, free of earlier results
        return relation.df() if as_frame else relation

    def count_events(self, filters: EventFilters | None = None, **given: Any) -> int:
        """How many events `filters` keep (the same filters as `events`)."""
        return queries.count_events(self.db, filters or EventFilters.parse(**given))

    def count_documents(self, query: str, any_word: bool = False) -> int:
        """How many documents `search` finds for `query`, beyond its limit."""
        return self.index.count(check.text("query", query), any_word)

    def find_entities(self, name: str) -> list[str]:
        """Corpus ids of the entities called `name`, or mentioned so, or named by some of its words in any
        form (`Путина`, `Кистафина`): `lookup.find_entities`."""
        return lookup.find_entities(self.db, check.text("name", name))

    def entity(self, name: str, as_frame: bool = False) -> dict[str, Any] | None:
        """An entity across the corpus; with `as_frame`, its positions, counterparts and events as DataFrames."""
        found = queries.entity(self.db, check.text("name", name))
        return tables(found, ("positions", "counterparts", "events")) if found and as_frame else found

    def summary(self) -> dict[str, Any]:
        return queries.summary(self.db)

    def rejects(self) -> list[dict[str, Any]]:
        return queries.rejects(self.db)

    def pair(self, first: str | tuple[str, str], second: str | None = None, as_frame: bool = False) -> dict[str, Any]:
        """Relations of two countries (`pair("KAZ", "PAK")`, `pair("KAZ-PAK")`): events by month, type and
        topic, top actors, events by month and type, network, places; with `as_frame`, each table of them as
        a DataFrame."""
        found = aggregates.pair(self.db, *check.pair(first if second is None else (str(first), second)))
        return tables(found, tuple(aggregates.PAIR)) if as_frame else found

    def extraction(self, doc_hash: str) -> Extraction:
        return records.extraction(self.db, doc_hash)

    def export_parquet(self, path: Path, filters: EventFilters | None = None) -> int:
        return queries.export_parquet(self.db, path, filters or EventFilters())

    def documents(self, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        return browse.documents(self.db, check.offset(offset), check.limit(limit, check.MAX_SEARCH_LIMIT))

    def document_hash(self, key: str) -> str | None:
        """The text hash of a document named by its key (file stem, JSONL id) or by its hash."""
        return browse.document_hash(self.db, check.text("document", key))

    def entities(self, kind: str | None = None, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        wanted = check.choice("type", kind, frozenset({"PER", "ORG", "LOC"}), fold=True) if kind else None
        return browse.entities(self.db, wanted, check.offset(offset), check.limit(limit, check.MAX_SEARCH_LIMIT))

    def event(self, event_id: str) -> dict[str, Any] | None:
        return browse.event(self.db, check.text("event", event_id))

    def event_documents(self, filters: EventFilters) -> set[str]:
        """The keys of the documents that report an event kept by `filters`."""
        return browse.event_documents(self.db, filters)

    def by_month_and_type(self, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        return aggregates.aggregate(self.db, aggregates.BY_MONTH_AND_TYPE, filters or EventFilters())

    def network(self, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        return aggregates.aggregate(self.db, aggregates.NETWORK, filters or EventFilters())

    def places(self, filters: EventFilters | None = None) -> list[dict[str, Any]]:
        return aggregates.aggregate(self.db, aggregates.PLACES, filters or EventFilters())

    def pairs(self, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        return browse.pairs(self.db, check.offset(offset), check.limit(limit, check.MAX_SEARCH_LIMIT))

    def countries(self) -> list[dict[str, Any]]:
        return browse.countries(self.db)


def tables(found: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """`found` with its lists of rows `names` as DataFrames."""
    return {key: frame(value) if key in names else value for key, value in found.items()}
