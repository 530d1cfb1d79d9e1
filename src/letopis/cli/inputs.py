"""The documents under the paths a command was given, with what could not be read reported."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from letopis.cli.output import say
from letopis.cli.progress import count, progress, shown
from letopis.model import Document, Extraction, Failure, Limits, Skipped

Result = Document | Extraction | Failure
SMALL = 50  # fewer documents than this are extracted in process unless --workers is given


def everything(doc: Document) -> bool:
    return True


class Inputs:
    """The documents under `paths`: files that cannot be read are reported on stderr with the path and
    the reason and counted; files skipped in folders are counted (and listed with --verbose). A document
    that states no publication date takes `published` when given."""

    def __init__(self, paths: list[Path], any_language: bool, verbose: bool, root: Path | None = None,
                 quiet: bool = True, published: date | None = None) -> None:  # fmt: skip
        self.paths, self.any_language, self.verbose, self.root = paths, any_language, verbose, root
        self.quiet, self.published = quiet, published
        self.failed = 0
        self.skipped = 0

    def __iter__(self) -> Iterator[Document | Failure]:
        from letopis.read import read_paths

        for item in read_paths(self.paths, self.root, self.any_language):
            if isinstance(item, Skipped):
                self.skipped += 1
                if self.verbose:
                    say(f"letopis: skipped {item.path}: {item.reason}")
                continue
            if isinstance(item, Failure):
                yield self.report(item)
            else:
                yield item if item.published or not self.published else replace(item, published=self.published)

    def report(self, failure: Failure) -> Failure:
        self.failed += 1
        say(f"letopis: cannot process {failure.source}: {failure.reason}")
        return failure

    def extractions(self, limits: Limits, workers: int | None = 1) -> Iterator[Extraction]:
        return (item for item in self.results(limits, workers) if isinstance(item, Extraction))

    def results(self, limits: Limits, workers: int | None = 1,
                wanted: Callable[[Document], bool] = everything) -> Iterator[Result]:  # fmt: skip
        """Each document in order, extracted when `wanted` (in `workers` processes; None: one per core,
        in process for a small input), with a progress bar unless quiet."""
        total = count(self.paths) if shown(self.quiet) or workers is None else None
        if workers is None:
            workers = (os.cpu_count() or 1) if (total or 0) >= SMALL else 1
        if workers == 1:
            found = (self.processed(limits, d) if isinstance(d, Document) and wanted(d) else d for d in self)
            return progress(found, total, self.quiet)
        return progress(self.parallel(limits, workers, wanted), total, self.quiet)

    def parallel(self, limits: Limits, workers: int,
                 wanted: Callable[[Document], bool]) -> Iterator[Result]:  # fmt: skip
        from letopis.scale.pool import extracted

        for item in extracted(self, workers, limits, wanted):
            if isinstance(item, Failure) and item.stage in {"limit", "extract"}:
                self.report(item)  # a reading failure was reported as it was read
            yield item

    def stored(self, dataset: Path) -> Iterator[Extraction | Failure]:
        """The records of a Parquet dataset (letopis process), its failures reported as they are read."""
        from letopis.store.parquet import extractions

        for item in progress(extractions(dataset), None, self.quiet):
            yield self.report(item) if isinstance(item, Failure) else item

    def processed(self, limits: Limits, doc: Document) -> Extraction | Failure:
        from letopis.pipeline import process

        result = process(doc, limits)
        return self.report(result) if isinstance(result, Failure) else result

    def skipped_line(self) -> str:
        return f"skipped {self.skipped} files in folders" + ("" if self.verbose else " (--verbose lists them)")
