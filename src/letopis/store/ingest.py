"""The one writer of a corpus: batches of documents, each stored in one transaction with its facts.

A document is stored only when all its rows are: a batch commits whole or not at all, so an ingest
killed at any point (SIGKILL, Ctrl-C, a full disk) leaves the documents of the batches committed before
it, and running it again stores the rest. The search index lives outside DuckDB: every stored or
removed document is queued in `search_queue` in the same transaction, and the queue is applied to the
index and emptied after the commit, and again at the start of the next ingest if that was cut short.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from letopis.model import Document, Extraction, Failure, Skipped
from letopis.store import derived
from letopis.store.dedup import Reprints, signature
from letopis.store.facts import document_row, fact_rows, insert, recode_events, uncoded
from letopis.store.faults import failpoint
from letopis.store.identity import text_hash
from letopis.store.opening import IngestLock, StoreError, first_line, open_for_writing
from letopis.store.schema import FACT_TABLES, INSERT_ORDER
from letopis.store.search import SearchIndex, index_path

if TYPE_CHECKING:
    from datasketch import MinHash

BATCH = 200  # documents per transaction
# A country stated in a text wins over one from the package's lists, which wins over a document's setting.
RANK = "CASE {0}.country_from WHEN 'text' THEN 0 WHEN 'list' THEN 1 WHEN 'setting' THEN 2 ELSE 3 END"
BETTER = f"{RANK.format('excluded')} < {RANK.format('entities')}"
ENTITY_UPSERT = (
    f" ON CONFLICT (id) DO UPDATE SET country = CASE WHEN {BETTER} THEN excluded.country ELSE entities.country END,"
    f" country_from = CASE WHEN {BETTER} THEN excluded.country_from ELSE entities.country_from END,"
    " sector = coalesce(entities.sector, excluded.sector)"
)

Process = Callable[[Document], Extraction | Failure]
Item = Document | Extraction | Failure | Skipped


@dataclass(slots=True)
class IngestReport:
    """`added`: sources new to the corpus; `replaced`: sources whose text changed; `unchanged`: sources
    stored with the same text (not extracted again); `rejected`: documents that could not be stored
    (`store_rejects`: those refused by the store itself, which no reader or extraction reported)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    store_rejects: list[Failure] = field(default_factory=list)  # the rejects the store itself made


@dataclass(slots=True)
class Batch:
    extractions: list[tuple[Extraction, str]] = field(default_factory=list)  # (extraction, text hash)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # source id -> (text hash, source)
    removals: set[str] = field(default_factory=set)  # text hashes no source holds any more
    rejects: dict[str, Failure] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.sources) + len(self.rejects)


def identity(item: Document | Failure) -> str:
    """The source identity a document or a reject is stored under (its path when it has no other)."""
    return item.source_id or item.source


class Writer:
    """Stores documents in the corpus at `path`. Between batches the file is closed, so other processes
    can query it while a long ingest runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index = SearchIndex(index_path(path))
        self.reprints = Reprints()
        self.aliases: dict[str, str] = {}
        self.sources: dict[str, str] = {}  # source id -> text hash, stored or queued
        self.holders: Counter[str] = Counter()  # text hash -> how many sources hold it
        self.loaded = False

    def load(self, db: duckdb.DuckDBPyConnection) -> None:
        """What the corpus holds, read once per ingest (and again after a rolled-back batch)."""
        if self.loaded:
            return
        self.aliases = dict(db.execute("SELECT key, entity FROM aliases").fetchall())
        self.sources = dict(db.execute("SELECT source_id, hash FROM sources").fetchall())
        self.holders = Counter(self.sources.values())
        self.loaded = True

    def forget(self) -> None:
        self.loaded = False
        self.reprints.forget()

    def ingest(self, items: Iterable[Item], process: Process | None) -> IngestReport:
        """Store documents (extracted with `process` unless already extracted) and record failures as
        rejects; skipped files are passed over. A source stored with the same text is not extracted again."""
        report = IngestReport()
        with IngestLock(self.path):
            db = open_for_writing(self.path)
            try:
                self.load(db)
                self.sync_index(db)
            finally:
                db.close()
            try:
                batch = Batch()
                for item in items:
                    if isinstance(item, Skipped):
                        continue
                    batch = self.take(item, batch, report, process)
                    if len(batch) >= BATCH:
                        batch = self.flush(batch)
                self.flush(batch)
                sort_derived(self.path)
            except BaseException:
                self.forget()  # what was queued but not written must not count as stored next time
                raise
        return report

    def take(self, item: Document | Extraction | Failure, batch: Batch, report: IngestReport,
             process: Process | None) -> Batch:  # fmt: skip
        """Queue one item in `batch` (or in a new one, when it touches a source or text queued already)."""
        if isinstance(item, Failure):
            if identity(item) in batch.sources:
                batch = self.flush(batch)
            batch.rejects[identity(item)] = item
            report.rejected += 1
            if item.stage == "store":
                report.store_rejects.append(item)
            return batch
        doc = item.document if isinstance(item, Extraction) else item
        source_id = identity(doc)
        try:
            doc_hash = text_hash(doc.text)
        except UnicodeEncodeError:
            reason = "the text holds a lone surrogate (an unpaired \\ud800-\\udfff escape), not valid Unicode"
            return self.take(Failure(doc.source, reason, "store", source_id), batch, report, process)
        held = self.sources.get(source_id)
        if held == doc_hash:
            report.unchanged += 1
            return batch
        if source_id in batch.sources or source_id in batch.rejects or doc_hash in batch.removals:
            batch = self.flush(batch)
        if not self.holders[doc_hash]:
            extraction = item if isinstance(item, Extraction) else self.extract(doc, process)
            if isinstance(extraction, Failure):
                return self.take(extraction, batch, report, process)
            batch.extractions.append((extraction, doc_hash))
        batch.sources[source_id] = (doc_hash, doc.source)
        self.sources[source_id] = doc_hash
        self.holders[doc_hash] += 1
        if held is None:
            report.added += 1
            return batch
        report.replaced += 1
        self.holders[held] -= 1
        if not self.holders[held]:
            batch.removals.add(held)
        return batch

    def fresh(self, doc: Document) -> bool:
        """Whether no source holds `doc`'s text yet (a text that is no valid Unicode is a reject, not work)."""
        try:
            return not self.holders[text_hash(doc.text)]
        except UnicodeEncodeError:
            return False

    @staticmethod
    def extract(doc: Document, process: Process | None) -> Extraction | Failure:
        if process is None:
            raise TypeError("documents that are not extracted yet need a `process` function")
        return process(doc)

    def flush(self, batch: Batch) -> Batch:
        """Write `batch` in one transaction, then bring the search index up to date."""
        if not len(batch):
            return batch
        db = open_for_writing(self.path)
        try:
            self.write(db, batch)
            failpoint("batch-committed")
            self.sync_index(db, {h: result.document.text for result, h in batch.extractions})
            failpoint("batch-done")
        finally:
            db.close()
        return Batch()

    def write(self, db: duckdb.DuckDBPyConnection, batch: Batch) -> None:
        now = datetime.now()
        removed, stored = sorted(batch.removals), [h for _, h in batch.extractions]
        db.execute("BEGIN TRANSACTION")
        try:
            stale = derived.forget(db, removed)
            for doc_hash in removed:
                self.remove(db, doc_hash)
            rows = self.rows(db, batch.extractions, now)
            waiting = uncoded(db, [row["id"] for row in rows["entities"]])
            for table in INSERT_ORDER:
                insert(db, table, rows[table], ENTITY_UPSERT if table == "entities" else "")
                if table == "entities":
                    failpoint("batch-inserted")
            derived.update(db, stale, stored, recode_events(db, stored, waiting))
            insert(db, "sources", [{"source_id": s, "hash": h, "source": src, "ingested_at": now}
                                   for s, (h, src) in batch.sources.items()], replace=True)  # fmt: skip
            queued = stored + removed
            db.execute("INSERT OR IGNORE INTO search_queue SELECT unnest(?)", [queued])
            if batch.sources:
                db.execute("DELETE FROM rejects WHERE source_id IN (SELECT unnest(?))", [list(batch.sources)])
            insert(db, "rejects", [{"source_id": s, "source": f.source, "stage": f.stage, "reason": f.reason,
                                    "rejected_at": now} for s, f in batch.rejects.items()], replace=True)  # fmt: skip
            db.execute("COMMIT")
        except BaseException as error:
            self.forget()
            with suppress(duckdb.Error):  # a connection lost with the failure has dropped the transaction
                db.execute("ROLLBACK")
            if isinstance(error, (duckdb.Error, OSError)):
                raise StoreError(
                    f"cannot write to {self.path}: {first_line(error)}; nothing of the last batch was stored,"
                    " run the ingest again to finish"
                ) from None
            raise

    def remove(self, db: duckdb.DuckDBPyConnection, doc_hash: str) -> None:
        self.reprints.remove(doc_hash)
        for table in FACT_TABLES:
            db.execute(f"DELETE FROM {table} WHERE hash = ?", [doc_hash])
        db.execute("DELETE FROM documents WHERE hash = ?", [doc_hash])

    def rows(self, db: duckdb.DuckDBPyConnection, extractions: list[tuple[Extraction, str]],
             now: datetime) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
        """Rows of every table for a batch, entities joined to the corpus by their alias keys."""
        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in INSERT_ORDER}
        signatures: dict[str, MinHash] = {}
        new_entities: set[str] = set()
        for result, doc_hash in extractions:
            minhash = signature(result.document.text)
            original = self.reprints.original(db, minhash, signatures)
            rows["documents"].append(document_row(result.document, doc_hash, minhash, original, now))
            fact_rows(result, doc_hash, self.aliases, rows, new_entities)
            self.reprints.add(db, doc_hash, minhash)
            signatures[doc_hash] = minhash
        return rows

    def sync_index(self, db: duckdb.DuckDBPyConnection, known: dict[str, str] | None = None) -> None:
        """Write the queued documents' search entries (a stored document's entry replaces any earlier one;
        a removed document's is deleted), then empty the queue. `known`: texts at hand, by hash (the
        others are read from the store)."""
        queued = [row[0] for row in db.execute("SELECT hash FROM search_queue ORDER BY hash").fetchall()]
        if not queued:
            return
        pending = set(queued)
        texts = {h: text for h, text in (known or {}).items() if h in pending}
        wanted = [h for h in queued if h not in texts]
        if wanted:
            found = db.execute("SELECT hash, text FROM documents WHERE hash IN (SELECT unnest(?))", [wanted])
            texts.update(found.fetchall())
        for doc_hash in queued:
            self.index.delete(doc_hash)
            if doc_hash in texts:
                self.index.add(doc_hash, texts[doc_hash])
        self.index.commit()
        failpoint("index-committed")
        db.execute("DELETE FROM search_queue WHERE hash IN (SELECT unnest(?))", [queued])


def sort_derived(path: Path) -> None:
    """Sort the derived tables once the rows written since they were last sorted are many."""
    db = open_for_writing(path)
    try:
        if derived.unclustered(db) > derived.UNCLUSTERED:
            db.execute("BEGIN TRANSACTION")
            derived.cluster(db)
            db.execute("COMMIT")
    finally:
        db.close()
