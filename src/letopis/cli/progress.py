"""A progress bar on stderr for long runs: articles done, articles/s and time left (rich). It is off
when stderr is not a terminal or with `--quiet`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
from rich.text import Text

from letopis.read.sources import kind, walk

T = TypeVar("T")


class Speed(ProgressColumn):
    """Articles per second over the run so far."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "- articles/s")


def shown(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def one(item: object) -> int:
    return 1


def progress(items: Iterable[T], total: int | None, quiet: bool, steps: Callable[[T], int] = one) -> Iterator[T]:
    """`items`, one step of the bar each (or `steps(item)`), out of `total` when known."""
    if not shown(quiet):
        yield from items
        return
    columns = (BarColumn(), MofNCompleteColumn(), Speed(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("articles", total=total)
        for item in items:
            yield item
            bar.advance(task, steps(item))


def count(paths: list[Path]) -> int:
    """About how many documents are under `paths`: a file each, a line each in JSON Lines (cheap: no
    file is decoded)."""
    found = 0
    seen: set[str] = set()
    for path in paths:
        files = walk(path, seen) if path.is_dir() else iter([path])
        found += sum(documents(item) for item in files if isinstance(item, Path))
    return found


def documents(path: Path) -> int:
    if kind(path) != "jsonl":
        return 1
    try:
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    except OSError:
        return 1
