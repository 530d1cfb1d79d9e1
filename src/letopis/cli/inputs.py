"""The documents under the paths a command was given, with what could not be read reported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from letopis.cli.output import say
from letopis.model import Document, Extraction, Failure, Limits, Skipped


class Inputs:
    """The documents under `paths`: files that cannot be read are reported on stderr with the path and
    the reason and counted; files skipped in folders are counted (and listed with --verbose). A document
    that states no publication date takes `published` when given."""

    def __init__(
        self, paths: list[Path], any_language: bool, verbose: bool, root: Path | None = None,
        published: date | None = None,
    ) -> None:  # fmt: skip
        self.paths, self.any_language, self.verbose, self.root = paths, any_language, verbose, root
        self.published = published
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

    def extractions(self, limits: Limits) -> Iterator[Extraction]:
        for doc in self:
            if isinstance(doc, Document) and isinstance(result := self.processed(limits, doc), Extraction):
                yield result

    def processed(self, limits: Limits, doc: Document) -> Extraction | Failure:
        from letopis.pipeline import process

        result = process(doc, limits)
        return self.report(result) if isinstance(result, Failure) else result

    def skipped_line(self) -> str:
        return f"skipped {self.skipped} files in folders" + ("" if self.verbose else " (--verbose lists them)")
