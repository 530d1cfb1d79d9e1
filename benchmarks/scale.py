"""Scale-out throughput and peak memory per worker (issue 16): 1 and 2 local worker processes
(`letopis.scale.pool`) and a Dask local cluster of 1 and 2 workers (`letopis.scale.cluster`, writing the
Parquet dataset), all in one run so the ratios share the machine's load; then a projection for
1,000,000 articles on 32 cores and the Parquet and store sizes per article.

The corpus is the bundled real articles (the sample and the factRuEval-2016 devset) repeated with
varied ids up to N documents: the same texts, so the rate is that of real news, not of new news.
Each timed run starts after its workers have loaded the models; the start-up is reported apart.

    OPENBLAS_NUM_THREADS=1 python benchmarks/scale.py [--documents 300] [--large] [--rounds 2]
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import json
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from letopis.model import Document, Extraction, Limits
from letopis.read import read_paths
from letopis.scale.cluster import connect, run
from letopis.scale.pool import Pool
from letopis.store import Store
from letopis.store.parquet import extractions

ROOT = Path(__file__).parent.parent
TEXTS = [ROOT / "samples", ROOT / "tests" / "data" / "factRuEval-2016" / "devset"]
ARTICLES = 1_000_000
CORES = 32


def corpus(size: int) -> list[Document]:
    """`size` documents: the bundled articles in turn, each copy with its own id and source."""
    base = [d for d in read_paths(TEXTS, ROOT) if isinstance(d, Document)]
    return [replace(base[n % len(base)], id=f"{base[n % len(base)].id}-{n}", source_id=f"copy-{n:07d}")
            for n in range(size)]  # fmt: skip


def peak_mb() -> float:
    """This process's peak resident memory (Linux: ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peaks(pids: list[int]) -> list[float]:
    """Peak resident memory (VmHWM) of processes still alive, in MB."""
    found = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                found.append(int(line.split()[1]) / 1024)
    return found


def local(docs: list[Document], workers: int) -> dict[str, Any]:
    started = time.perf_counter()
    pool = Pool(workers)
    try:
        list(pool.map(docs[:workers]))  # every worker up, the models loaded
        ready = time.perf_counter()
        done = sum(isinstance(r, Extraction) for r in pool.map(docs))
        elapsed = time.perf_counter() - ready
        peaks = worker_peaks(list(pool.executor._processes))  # benchmark only: the executor's own table
    finally:
        pool.close()
    return {"mode": "local processes", "workers": workers, "documents": done, "seconds": round(elapsed, 1),
            "rate": round(len(docs) / elapsed, 2), "startup_s": round(ready - started, 1),
            "peak_mb_per_worker": round(max(peaks), 0)}  # fmt: skip


def dask(docs: list[Document], workers: int, out: Path) -> dict[str, Any]:
    started = time.perf_counter()
    client = connect(None, workers)
    try:
        client.run(lambda: None)
        ready = time.perf_counter()
        done = sum(run(client, iter(docs), out, Limits(), size=25))
        elapsed = time.perf_counter() - ready
        peaks = client.run(peak_mb)
    finally:
        client.close()
        client.cluster.close()
    return {"mode": "dask local cluster", "workers": workers, "documents": done, "seconds": round(elapsed, 1),
            "rate": round(len(docs) / elapsed, 2), "startup_s": round(ready - started, 1),
            "peak_mb_per_worker": round(max(peaks.values()), 0)}  # fmt: skip


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--large", action="store_true", help="2,000 documents, the issue's size")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the four runs, alternating; medians")
    parser.add_argument("--json", type=Path, help="write the results here too")
    options = parser.parse_args()
    docs = corpus(2_000 if options.large else options.documents)
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        for number in range(options.rounds):
            for workers in (1, 2):
                runs.append(local(docs, workers))
                print(json.dumps(runs[-1]), flush=True)
                runs.append(dask(docs, workers, Path(scratch) / f"dask{workers}-{number}"))
                print(json.dumps(runs[-1]), flush=True)
        dataset = Path(scratch) / "dask2-0"
        stored = Path(scratch) / "store"
        stored.mkdir()
        store = Store(stored / "corpus.duckdb", write=True)
        store.ingest(extractions(dataset))
        store.close()
        sizes = {"parquet_kb_per_article": round(size_mb(dataset) * 1000 / len(docs), 1),
                 "store_kb_per_article": round(size_mb(stored) * 1000 / len(docs), 1)}  # fmt: skip
    summary = report(runs, sizes, len(docs))
    print(json.dumps(summary, indent=2))
    if options.json:
        options.json.write_text(json.dumps({"runs": runs, "summary": summary}, indent=2), encoding="utf-8")


def report(results: list[dict[str, Any]], sizes: dict[str, float], documents: int) -> dict[str, Any]:
    """The ratios of the median rates of one run, and the projection for a million articles on 32 cores
    (at the per-core rate of one worker, scaled by the efficiency measured at two)."""
    rates: dict[tuple[str, int], list[float]] = {}
    for measured in results:
        rates.setdefault((measured["mode"], measured["workers"]), []).append(measured["rate"])
    rate = {key: statistics.median(values) for key, values in rates.items()}
    one, two = rate[("local processes", 1)], rate[("local processes", 2)]
    summary = {
        "documents": documents,
        "median_rates": {f"{mode}, {workers}": value for (mode, workers), value in rate.items()},
        "peak_mb_per_worker": max(r["peak_mb_per_worker"] for r in results),
        "local_2_over_1": round(two / one, 2),
        "dask_over_local_1": round(rate[("dask local cluster", 1)] / one, 2),
        "dask_over_local_2": round(rate[("dask local cluster", 2)] / two, 2),
        "projection_hours_1M_on_32_cores": round(ARTICLES / (CORES * one * min(1.0, two / one / 2)) / 3600, 1),
        "projection_parquet_gb_1M": round(sizes["parquet_kb_per_article"] * ARTICLES / 1e6, 1),
        "projection_store_gb_1M": round(sizes["store_kb_per_article"] * ARTICLES / 1e6, 1),
        **sizes,
    }
    return summary


if __name__ == "__main__":
    main()
