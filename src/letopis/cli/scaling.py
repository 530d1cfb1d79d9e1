"""`letopis watch`: feeds polled and what is new stored; `letopis process`: a corpus extracted on a Dask
cluster into a Parquet dataset (docs/scale.md)."""

from __future__ import annotations

import time
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from letopis.cli.options import DB, DEFAULT_DB, Lang, MaxChars, MaxSeconds, language
from letopis.cli.output import say, user_errors
from letopis.model import MAX_CHARS, MAX_SECONDS, Document, Extraction, Failure, Limits
from letopis.store import IngestReport, Store


def processed(limits: Limits, doc: Document) -> Extraction | Failure:
    from letopis.pipeline import process

    result = process(doc, limits)
    if isinstance(result, Failure):
        say(f"letopis: cannot process {result.source}: {result.reason}")
    return result


def watch(
    feeds: Annotated[Path, typer.Argument(help="A file of feed URLs (RSS or Atom), one a line; # comments")],
    db: DB = DEFAULT_DB,
    interval: Annotated[float, typer.Option(min=1, help="Seconds between polls")] = 300.0,
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
    process = partial(processed, Limits(max_chars, max_seconds))
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


def line(report: IngestReport) -> str:
    return (f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, "
            f"rejected {report.rejected}")  # fmt: skip
