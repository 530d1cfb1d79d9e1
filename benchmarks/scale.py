"""Scale-out throughput and peak memory per worker (issue 16): 1 and 2 local worker processes
(`letopis.scale.pool`) and a Dask local cluster of 1 and 2 workers (`letopis.scale.cluster`, writing the
Parquet dataset), all in one run so the ratios share the machine's load; then a projection for
1,000,000 articles on 32 cores and the Parquet and store sizes per article (the store's from the
distinct articles only, since it keeps one copy of a text).

The corpus is the 123 bundled real articles (the sample and the factRuEval-2016 devset; `--texts` adds
others, such as the 840 news texts of NEREL v1.1) repeated with varied ids and sources up to N documents
(default 2,000, the issue's size): the same texts again, so the rate is that of real news, not of new
news. Each timed run starts after its workers have loaded the models;
the start-up is reported apart. Beside the rate (articles per second of the clock) each run reports the
workers' CPU time per article and their share of a core (CPU seconds / clock seconds / workers): on a
shared machine the rates follow the load, the CPU time per article much less. The load average and the
CPU time the hypervisor stole (/proc/stat) during each run are printed with it.

    OPENBLAS_NUM_THREADS=1 python benchmarks/scale.py [--documents 2000] [--rounds 2] [--partition 100]
        [--texts samples tests/data/factRuEval-2016/devset ../shared/benchmarks/NEREL-v1.1]
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
from itertools import islice
from pathlib import Path
from typing import Any

from letopis.model import Document, Extraction, Limits
from letopis.read import read_paths
from letopis.scale.cluster import PARTITION, connect, run
from letopis.scale.pool import Pool
from letopis.store import Store
from letopis.store.parquet import extractions

ROOT = Path(__file__).parent.parent
TEXTS = [ROOT / "samples", ROOT / "tests" / "data" / "factRuEval-2016" / "devset"]
ARTICLES = 1_000_000
CORES = 32
TICKS = os.sysconf("SC_CLK_TCK")


def corpus(size: int, texts: list[Path] = TEXTS) -> list[Document]:
    """`size` documents: the articles under `texts` in turn, each copy with its own id and source."""
    base = [d for d in read_paths(texts, ROOT) if isinstance(d, Document)]
    return [replace(base[n % len(base)], id=f"{base[n % len(base)].id}-{n}", source_id=f"copy-{n:07d}")
            for n in range(size)]  # fmt: skip


def usage() -> tuple[float, float]:
    """This process's peak resident memory in MB (Linux: ru_maxrss in KiB) and CPU seconds."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_maxrss / 1024, used.ru_utime + used.ru_stime


def process_usage(pid: int) -> tuple[float, float]:
    """Peak resident memory (VmHWM, MB) and CPU seconds of a live process."""
    peak = next(int(line.split()[1]) / 1024 for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                if line.startswith("VmHWM:"))  # fmt: skip
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return peak, (int(fields[11]) + int(fields[12])) / TICKS  # utime and stime


def stolen() -> float:
    """Seconds of CPU time the hypervisor took from this machine's CPUs since boot (/proc/stat)."""
    return int(Path("/proc/stat").read_text().split()[8]) / TICKS


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def measured(mode: str, workers: int, docs: int, elapsed: float, startup: float, cpu: float,
             peaks: list[float], load_before: float, steal: float) -> dict[str, Any]:  # fmt: skip
    return {"mode": mode, "workers": workers, "documents": docs, "seconds": round(elapsed, 1),
            "rate": round(docs / elapsed, 2), "cpu_ms_per_article": round(cpu * 1000 / docs, 1),
            "core_share": round(cpu / elapsed / workers, 2), "startup_s": round(startup, 1),
            "peak_mb_per_worker": round(max(peaks)), "load_before": load_before,
            "stolen_s": round(steal, 1)}  # fmt: skip


def local(docs: list[Document], workers: int) -> dict[str, Any]:
    started, load_before = time.perf_counter(), load()
    pool = Pool(workers)
    try:
        list(pool.map(docs[:workers]))  # every worker up, the models loaded
        pids = list(pool.executor._processes)  # benchmark only: the executor's own table
        cpu_before, steal_before = sum(process_usage(pid)[1] for pid in pids), stolen()
        ready = time.perf_counter()
        done = sum(isinstance(r, Extraction) for r in pool.map(docs))
        elapsed = time.perf_counter() - ready
        after = [process_usage(pid) for pid in pids]
        steal = stolen() - steal_before
    finally:
        pool.close()
    cpu = sum(c for _, c in after) - cpu_before
    return measured("local processes", workers, done, elapsed, ready - started, cpu, [p for p, _ in after],
                    load_before, steal)  # fmt: skip


def dask(docs: list[Document], workers: int, out: Path, partition: int) -> dict[str, Any]:
    started, load_before = time.perf_counter(), load()
    client = connect(None, workers)
    try:
        before = client.run(usage)
        steal_before = stolen()
        ready = time.perf_counter()
        done = sum(run(client, iter(docs), out, Limits(), size=partition))
        elapsed = time.perf_counter() - ready
        after = client.run(usage)
        steal = stolen() - steal_before
    finally:
        client.close()
        client.cluster.close()
    cpu = sum(after[w][1] - before[w][1] for w in after)
    return measured("dask local cluster", workers, done, elapsed, ready - started, cpu,
                    [peak for peak, _ in after.values()], load_before, steal)  # fmt: skip


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def distinct(docs: list[Document]) -> int:
    """How many documents come before the first repeated text (the corpus cycles through the articles)."""
    texts = [d.text for d in docs]
    return next((n for n, text in enumerate(texts) if text in texts[:n]), len(texts))


def store_kb(dataset: Path, scratch: Path, articles: int) -> float:
    """The store's growth per article (DuckDB and its search index), from half of the first `articles`
    records of the dataset to all of them: the writer keeps one copy of a text, so only distinct
    articles count, and the growth leaves out the size of an empty store."""
    sizes = []
    for count in (articles // 2, articles):
        folder = scratch / f"store-{count}"
        folder.mkdir()
        store = Store(folder / "corpus.duckdb", write=True)
        store.ingest(islice(extractions(dataset), count))
        store.close()
        sizes.append(size_mb(folder))
    return round((sizes[1] - sizes[0]) * 1000 / (articles - articles // 2), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2_000, help="documents per run (the issue's 2,000)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the four runs, alternating; medians")
    parser.add_argument("--partition", type=int, default=PARTITION, help="documents per Dask task")
    parser.add_argument(
        "--texts",
        type=Path,
        nargs="+",
        default=TEXTS,
        help="folders of real articles (default: the bundled ones; NEREL v1.1 adds 840)",
    )
    parser.add_argument("--json", type=Path, help="write the results here too")
    options = parser.parse_args()
    docs = corpus(options.documents, options.texts)
    print(json.dumps({"documents": len(docs), "distinct_texts": distinct(docs),
                      "mean_chars": round(statistics.mean(len(d.text) for d in docs)),
                      "loadavg": Path("/proc/loadavg").read_text().strip()}), flush=True)  # fmt: skip
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        for number in range(options.rounds):
            for workers in (1, 2):
                runs.append(local(docs, workers))
                print(json.dumps(runs[-1]), flush=True)
                runs.append(dask(docs, workers, Path(scratch) / f"dask{workers}-{number}", options.partition))
                print(json.dumps(runs[-1]), flush=True)
        dataset = Path(scratch) / "dask2-0"
        sizes = {"parquet_kb_per_article": round(size_mb(dataset) * 1000 / len(docs), 1),
                 "store_kb_per_article": store_kb(dataset, Path(scratch), distinct(docs))}  # fmt: skip
    summary = report(runs, sizes, len(docs))
    summary["loadavg_after"] = Path("/proc/loadavg").read_text().strip()
    print(json.dumps(summary, indent=2))
    if options.json:
        options.json.write_text(json.dumps({"runs": runs, "summary": summary}, indent=2), encoding="utf-8")


def report(results: list[dict[str, Any]], sizes: dict[str, float], documents: int) -> dict[str, Any]:
    """The ratios of the median rates of one run, and the projection for a million articles on 32 cores
    (at the per-core rate of one worker, scaled by the efficiency measured at two)."""
    rates: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    for entry in results:
        rates.setdefault((entry["mode"], entry["workers"]), []).append(entry["rate"])
        cpu.setdefault((entry["mode"], entry["workers"]), []).append(entry["cpu_ms_per_article"])
    rate = {key: statistics.median(values) for key, values in rates.items()}
    one, two = rate[("local processes", 1)], rate[("local processes", 2)]
    efficiency = min(1.0, two / one / 2)
    cpu_ms = {f"{mode}, {workers}": statistics.median(values) for (mode, workers), values in cpu.items()}
    peaks = {mode: max(r["peak_mb_per_worker"] for r in results if r["mode"] == mode)
             for mode in ("local processes", "dask local cluster")}  # fmt: skip
    return {
        "documents": documents,
        "median_rates": {f"{mode}, {workers}": value for (mode, workers), value in rate.items()},
        "median_cpu_ms_per_article": cpu_ms,
        "peak_mb_per_worker": peaks,
        "local_2_over_1": round(two / one, 2),
        "dask_over_local_1": round(rate[("dask local cluster", 1)] / one, 2),
        "dask_over_local_2": round(rate[("dask local cluster", 2)] / two, 2),
        "projection_hours_1M_on_32_cores": round(ARTICLES / (CORES * one * efficiency) / 3600, 2),
        "projection_hours_1M_on_32_cores_linear": round(ARTICLES / (CORES * one) / 3600, 2),
        "projection_parquet_gb_1M": round(sizes["parquet_kb_per_article"] * ARTICLES / 1e6, 1),
        "projection_store_gb_1M": round(sizes["store_kb_per_article"] * ARTICLES / 1e6, 1),
        **sizes,
    }


if __name__ == "__main__":
    main()
