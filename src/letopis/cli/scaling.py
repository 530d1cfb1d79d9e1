"""`letopis watch`: feeds polled and what is new stored; `letopis process`: a corpus extracted on a Dask
cluster into a Parquet dataset (docs/scale.md)."""

from __future__ import annotations

import time
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from letopis.cli.inputs import Inputs
from letopis.cli.options import DB, DEFAULT_DB, Lang, MaxChars, MaxSeconds, Quiet, Root, language
from letopis.cli.output import say, user_errors
from letopis.cli.progress import count, progress, shown
from letopis.model import MAX_CHARS, MAX_SECONDS, Limits
from letopis.store import IngestReport, Store


def watch(
    feeds: Annotated[Path, typer.Argument(help="A file of feed URLs (RSS or Atom), one a line; # comments")],
    db: DB = DEFAULT_DB,
    interval: Annotated[float, typer.Option(min=1, help="Seconds between polls")] = 30.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and stop")] = False,
    lang: Lang = "ru",
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
) -> None:
    """Poll feeds, fetch their new items' pages and store them. Items already stored (by URL, or by text
    under another URL) are skipped, across restarts: the store keeps what was seen."""
    from letopis.scale.watch import feed_list, poll

    with user_errors():
        try:
            urls = feed_list(feeds)
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"cannot read {feeds}: {getattr(error, 'strerror', None) or error}") from None
        store = Store(db, write=True)
    process = partial(Inputs([], language(lang), verbose=False).processed, Limits(max_chars, max_seconds))
    try:
        while True:
            with user_errors():
                report, problems = poll(store, urls, process, language(lang))
            for problem in problems:
                say(f"letopis: cannot fetch feed {problem}")
            typer.echo(f"{datetime.now():%Y-%m-%d %H:%M:%S} {line(report)}")
            if once:
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        say("letopis: stopped; what was stored is kept, and a new watch skips it")
    finally:
        store.close()


def process_corpus(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of the corpus")],
    out: Annotated[Path, typer.Option("--out", help="The folder of the Parquet dataset")],
    scheduler: Annotated[str | None, typer.Option(help="The Dask scheduler's address: tcp://host:8786")] = None,
    local_cluster: Annotated[int | None, typer.Option("--local-cluster", min=1, help="Start a local Dask "
                                                      "cluster of this many worker processes")] = None,
    partition: Annotated[int, typer.Option(min=1, help="Documents per task")] = 100,
    root: Root = None,
    lang: Lang = "ru",
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
    quiet: Quiet = False,
) -> None:
    """Extract a corpus on a Dask cluster into a Parquet dataset partitioned by month (docs/scale.md);
    letopis ingest --from-parquet stores it. Started again, it skips the partitions written."""
    if (scheduler is None) == (local_cluster is None):
        say("letopis: give either --scheduler ADDRESS or --local-cluster N")
        raise typer.Exit(1)
    from letopis.read import read_paths
    from letopis.scale.cluster import connect, run

    with user_errors():
        client = connect(scheduler, local_cluster)
    try:
        items = read_paths(paths, root, language(lang))
        parts = run(client, items, out, Limits(max_chars, max_seconds), partition)
        documents = sum(progress(parts, count(paths) if shown(quiet) else None, quiet, steps=int))
    finally:
        client.close()
        if client.cluster is not None:
            client.cluster.close()
    typer.echo(f"{documents} documents -> {out}")


def line(report: IngestReport) -> str:
    return (f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, "
            f"rejected {report.rejected}")  # fmt: skip
