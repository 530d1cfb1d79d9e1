"""Documents extracted in worker processes, results in input order.

Each worker process loads the models once (`warm`, the pool's initializer) and runs the same pure
`pipeline.process`, so the output equals the in-process path. A document over the limits or one that
raises is a `Failure` as in one process. A worker that dies (killed, out of memory) breaks the pool: the
documents in flight are then run again one at a time in a new pool, and only the one that kills its
worker again becomes a `Failure`; no other document is lost.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from letopis.model import Document, Extraction, Failure, Limits
from letopis.pipeline import DEFAULT_LIMITS, extract, process

T = TypeVar("T")
Task = Callable[[Document, Limits], Extraction | Failure]
AHEAD = 4  # documents queued per worker, so no worker waits for the reader
ORPHAN_CHECK = 1.0  # seconds between a worker's looks at its parent
WORKER_DIED = "a worker process died while extracting it (killed, or out of memory)"


def warm() -> None:
    """Load every model of the pipeline in this worker process, once, and end the process when the
    parent dies (a killed ingest leaves no worker behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which closes the pool
    parent = os.getppid()
    threading.Thread(target=orphaned, args=(parent,), daemon=True).start()
    load_models()


def load_models() -> None:
    """Every model of the pipeline loaded in this process (a first short extraction), then left out of the
    garbage collector's scans: they live as long as the process, and scanning their objects took 4% of the
    extraction's time (2% with them frozen)."""
    extract("Посол Японии в России Масахару Коно встретился с министром.")
    gc.freeze()


def orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def everything(doc: Document) -> bool:
    return True


class Pool:
    """`workers` processes (started by `spawn`, so no parent state is shared) running `task`."""

    def __init__(self, workers: int, limits: Limits = DEFAULT_LIMITS, task: Task = process) -> None:
        self.workers = workers
        self.task, self.limits = task, limits
        self.executor = self.start()

    def start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=warm)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self.start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, doc: Document) -> Future[Extraction | Failure]:
        return self.executor.submit(self.task, doc, self.limits)

    def alone(self, doc: Document) -> Extraction | Failure:
        """`doc` extracted with no other document in flight: a `Failure` when its worker dies."""
        try:
            return self.submit(doc).result()
        except BrokenProcessPool:
            self.restart()
            return Failure(doc.source, WORKER_DIED, "extract", doc.source_id)

    def map(self, items: Iterable[T], wanted: Callable[[Document], bool] = everything) -> Iterator[
            T | Extraction | Failure]:  # fmt: skip
        """Each item in order: a wanted `Document` as its extraction (or `Failure`), anything else as it is."""
        window: deque[tuple[T, Future[Extraction | Failure] | None]] = deque()
        for item in items:
            window.append((item, self.submit(item) if isinstance(item, Document) and wanted(item) else None))
            while len(window) > AHEAD * self.workers:
                yield from self.settle(window)
        while window:
            yield from self.settle(window)

    def settle(self, window: deque[tuple[T, Future[Extraction | Failure] | None]]) -> Iterator[
            T | Extraction | Failure]:  # fmt: skip
        """The first item of `window`, done; after a worker died, every item that was in flight."""
        item, future = window.popleft()
        if future is None:
            yield item
            return
        try:
            result = future.result()
        except BrokenProcessPool:
            pending = [(item, future), *window]
            window.clear()
            yield from self.recover(pending)
            return
        yield result

    def recover(self, pending: list[tuple[T, Future[Extraction | Failure] | None]]) -> Iterator[
            T | Extraction | Failure]:  # fmt: skip
        """The items in flight when a worker died, in order: those done as they are, the others run again
        one at a time in a new pool."""
        self.restart()
        for waiting, was in pending:
            if was is None or not isinstance(waiting, Document):
                yield waiting
            elif was.done() and not was.cancelled() and was.exception() is None:
                yield was.result()
            else:
                yield self.alone(waiting)


def extracted(items: Iterable[T], workers: int, limits: Limits = DEFAULT_LIMITS,
              wanted: Callable[[Document], bool] = everything) -> Iterator[T | Extraction | Failure]:  # fmt: skip
    """`items` with each wanted document extracted by `workers` processes, in input order."""
    pool = Pool(workers, limits)
    try:
        yield from pool.map(items, wanted)
    finally:
        pool.close()
