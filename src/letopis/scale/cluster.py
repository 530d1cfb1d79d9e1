"""The extraction mapped over partitions of a corpus on a Dask cluster, written as a Parquet dataset
(`store.parquet`): the client reads the documents and numbers them, each task extracts one partition
with the same `pipeline.process` and writes it, and a worker loads the models once (`Models`, a worker
plugin). A partition already written whole is skipped, so a run cut short and started again finishes the
rest. Tasks run one at a time per worker (`threads_per_worker=1`): the models are not shared by threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import count
from pathlib import Path

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.worker import Worker

from letopis.model import Document, Failure, Limits, Skipped
from letopis.pipeline import process
from letopis.scale.pool import load_models
from letopis.store.parquet import done, write_part

PARTITION = 100  # documents per task
AHEAD = 2  # partitions queued per worker
CONNECT_TIMEOUT = "30s"
# A Dask nanny starts its worker with MALLOC_TRIM_THRESHOLD_=65536, which also stops glibc from raising its
# mmap threshold: every large array an extraction makes is then mapped and unmapped again, and extraction took
# 1.6 times the CPU time (12.6 s against 7.9 s for 123 articles). The workers of a local cluster keep
# glibc's defaults; docs/scale.md gives the same setting for a real cluster.
MALLOC_DEFAULTS = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}

Numbered = list[tuple[int, Document | Failure]]


class Models(WorkerPlugin):  # type: ignore[misc]  # distributed is read as Any (pyproject)
    """Loads the pipeline's models once in each worker, before its first task."""

    idempotent = True

    def setup(self, worker: Worker) -> None:
        load_models()


def extract_part(out: str, part: int, items: Numbered, limits: Limits) -> int:
    """Extract one partition and write it to the dataset at `out`; the number of documents."""
    write_part(Path(out), part, [(seq, process(item, limits) if isinstance(item, Document) else item)
                                 for seq, item in items])  # fmt: skip
    return len(items)


def partitions(items: Iterable[Document | Failure | Skipped], size: int) -> Iterator[tuple[int, Numbered]]:
    """The documents and failures numbered in input order, `size` to a partition (skipped files left out)."""
    numbers = count()
    batch: Numbered = []
    part = 0
    for item in items:
        if isinstance(item, Skipped):
            continue
        batch.append((next(numbers), item))
        if len(batch) == size:
            yield part, batch
            part, batch = part + 1, []
    if batch:
        yield part, batch


def connect(scheduler: str | None, local_workers: int | None) -> Client:
    """A client of the cluster at `scheduler`, or of a local cluster of `local_workers` processes;
    `ValueError` when the scheduler cannot be reached."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise ValueError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    else:
        with dask.config.set(MALLOC_DEFAULTS):
            cluster = LocalCluster(n_workers=local_workers or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)  # fmt: skip
        client = Client(cluster)
    client.register_plugin(Models(), name="letopis-models")
    return client


def run(client: Client, items: Iterable[Document | Failure | Skipped], out: Path, limits: Limits,
        size: int = PARTITION) -> Iterator[int]:  # fmt: skip
    """Extract every partition not written yet; yields the documents of each partition as it is done
    (those skipped as written already first)."""
    out.mkdir(parents=True, exist_ok=True)
    written = done(out)
    limit = AHEAD * max(1, len(client.scheduler_info()["workers"]))
    queue = as_completed()
    for part, batch in partitions(items, size):
        if part in written:
            yield len(batch)
            continue
        queue.add(client.submit(extract_part, str(out), part, batch, limits, pure=False))
        if queue.count() >= limit:
            yield next(queue).result()
    for future in queue:
        yield future.result()
