"""Store benchmarks: ingest throughput against plain extraction, and query latencies at scale.

1. Ingest: the bundled articles, extracted only vs extracted and ingested into a fresh store, in
   alternating rounds in one process; the ratio of medians counts (target >= 0.9).
2. Scale: the real extracted records are multiplied into SCALE_DOCS documents and SCALE_EVENTS events
   with varied dates and entity names (SQL over the stored rows), and the search index into as many
   documents; then `search`, filtered `events` and `pair` run QUERIES times each, p95 printed (targets
   50 ms, 100 ms, 300 ms).

    OPENBLAS_NUM_THREADS=1 python benchmarks/store.py [--docs 100000] [--events 1000000]
    OPENBLAS_NUM_THREADS=1 python benchmarks/store.py --rounds 0 --keep .letopis/scale.duckdb  # for load.py
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import tantivy

from letopis.model import Document, Extraction
from letopis.pipeline import extract_document
from letopis.read import read_paths
from letopis.store import Store, derived, text_hash
from letopis.store.search import lemma_text

ROOT = Path(__file__).parent.parent
ARTICLES = [ROOT / "samples", ROOT / "tests" / "data" / "factRuEval-2016" / "devset"]
QUERIES = 200
WORDS = ["Казахстан", "переговоры", "министр", "Пакистан", "санкции", "президент", "банк", "выборы", "Москва",
         "соглашение", "компания", "полиция", "визит", "нефть", "суд"]  # fmt: skip
PAIRS = [("KAZ", "PAK"), ("RUS", "USA"), ("RUS", "UKR"), ("USA", "CHN"), ("JPN", "RUS"), ("RUS", "BLR")]
TYPES = ["CONSULT", "AGREE", "COERCE", "PROTEST", "ACCUSE", "SUPPORT"]


def ingest_throughput(docs: list[Document], rounds: int) -> None:
    extract_only: list[float] = []
    with_store: list[float] = []
    for number in range(rounds):
        start = time.perf_counter()
        for doc in docs:
            extract_document(doc)
        extract_only.append(len(docs) / (time.perf_counter() - start))
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / f"round{number}.duckdb", write=True)
            start = time.perf_counter()
            store.ingest(docs, extract_document)
            with_store.append(len(docs) / (time.perf_counter() - start))
            store.close()
    plain, stored = statistics.median(extract_only), statistics.median(with_store)
    print(f"extract only:             {plain:7.1f} articles/s")
    print(f"extract + ingest:         {stored:7.1f} articles/s")
    print(f"ratio ingest / extract:   {stored / plain:7.2f}  (target >= 0.90)")


def scale_up(store: Store, results: list[Extraction], docs: int, events: int) -> None:
    """Multiply the stored rows: each copy gets new hashes, dates shifted over ten years, and entity
    names varied by a copy number, so queries see realistic spread."""
    db = store.db
    have_docs = db.execute("SELECT count(*) FROM documents").fetchone()
    have_events = db.execute("SELECT count(*) FROM events").fetchone()
    assert have_docs and have_events
    doc_copies = max(1, docs // int(have_docs[0]))
    event_copies = max(1, events // int(have_events[0]))
    db.execute(
        """INSERT INTO entities SELECT id || ':' || i, type, name || ' ' || i, country, sector, kind, lat, lon,
           generic, country_from FROM entities, range(1, 1000) t(i)"""
    )
    db.execute(
        f"""INSERT INTO documents SELECT md5(hash || i), doc_key || ':' || i, source, title,
           published - to_days(CAST(i % 3650 AS INTEGER)), url, dateline_place,
           dateline_date - to_days(CAST(i % 3650 AS INTEGER)), agency, units, minhash, NULL, NULL, text,
           language, current_timestamp FROM documents, range(1, {doc_copies}) t(i)"""
    )
    db.execute(
        f"""INSERT INTO events SELECT id || ':' || i, md5(hash || (i % {doc_copies})), md5(event_key || i),
           type, mode, quad, intensity, modality, contexts, topics,
           list_transform(actor, lambda x: x || ':' || (i % 999 + 1)),
           list_transform(recipient, lambda x: x || ':' || (i % 999 + 1)),
           actor_countries, recipient_countries, place, date - to_days(CAST(i % 3650 AS INTEGER)), confidence, start,
           date_precision FROM events, range(1, {event_copies}) t(i)"""
    )
    db.execute(
        f"""INSERT INTO evidence SELECT v.event || ':' || i, md5(v.hash || (i % {doc_copies})), v.start, v."end", v.text
           FROM evidence v, range(1, {event_copies}) t(i)"""
    )
    db.execute("BEGIN TRANSACTION")
    derived.rebuild(db)  # the tables the ingest derives from the events, made again from the copies
    db.execute("COMMIT")
    assert store.index.index is not None
    writer = store.index.index.writer(heap_size=200_000_000, num_threads=1)
    for result in results:
        body = lemma_text(result.document.text)
        original = text_hash(result.document.text)
        for i in range(1, doc_copies):
            copy = hashlib.md5((original + str(i)).encode()).hexdigest()
            writer.add_document(tantivy.Document(hash=copy, body=f"{body} копия{i % 997}"))
    writer.commit()
    writer.wait_merging_threads()
    store.index.index.reload()


def p95(job: Callable[[random.Random], object]) -> float:
    rng = random.Random(7)
    timings = []
    for _ in range(QUERIES):
        start = time.perf_counter()
        job(rng)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(timings, n=20)[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="Ingest rounds (0 leaves the ingest benchmark out)")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Build the scaled store at this new path and keep it")
    args = parser.parse_args()
    if args.keep is not None and (args.keep.exists() or args.keep.with_name(args.keep.name + ".search").exists()):
        parser.error(f"{args.keep} exists: --keep builds a new store")
    docs = [d for d in read_paths(ARTICLES) if isinstance(d, Document)]
    extract_document(docs[0])
    if args.rounds > 0:
        print(f"{len(docs)} articles, {args.rounds} rounds")
        ingest_throughput(docs, args.rounds)
    with tempfile.TemporaryDirectory() as folder:
        scale(args.keep or Path(folder) / "scale.duckdb", docs, args.docs, args.events)


def scale(path: Path, docs: list[Document], doc_count: int, event_count: int) -> None:
    store = Store(path, write=True)
    results = [extract_document(doc) for doc in docs]
    store.ingest(results)
    start = time.perf_counter()
    scale_up(store, results, doc_count, event_count)
    counts = store.db.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").fetchone()
    assert counts
    print(f"scaled to {counts[0]:,} documents and {counts[1]:,} events in {time.perf_counter() - start:.0f} s")
    day = date(2016, 1, 1)
    search = p95(lambda rng: store.search(rng.choice(WORDS), limit=10))
    filtered = p95(lambda rng: store.events(limit=100, pair=rng.choice(PAIRS), type=rng.choice(TYPES),
                                            since=day + timedelta(days=rng.randrange(3000)),
                                            until=day + timedelta(days=rng.randrange(3000, 3650))))  # fmt: skip
    pair = p95(lambda rng: store.pair(*rng.choice(PAIRS)))
    print(f"search p95:               {search:7.1f} ms  (target <= 50)")
    print(f"filtered events p95:      {filtered:7.1f} ms  (target <= 100)")
    print(f"pair p95:                 {pair:7.1f} ms  (target <= 300)")
    store.close()


if __name__ == "__main__":
    main()
