"""The commands of a corpus: `letopis ingest` stores documents; `rejects`, `search`, `events`, `export`,
`pair`, `entity` and `summary` query what it stored. None of them but ingest loads the NLP pipeline."""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from letopis.cli.inputs import Inputs
from letopis.cli.options import (
    DB,
    DEFAULT_DB,
    Lang,
    MaxChars,
    MaxSeconds,
    Published,
    Quiet,
    Root,
    Verbose,
    Workers,
    language,
    with_filters,
)
from letopis.cli.output import Table, emit, say, user_errors, write
from letopis.export import write_rows
from letopis.model import MAX_CHARS, MAX_SECONDS, Limits
from letopis.store import EventFilters, Store

TableFormat = Annotated[Table, typer.Option("--format", "-f", help="table (fits 100 columns), json or csv")]
EVENT_COLUMNS = ("id", "date", "type", "mode", "actor", "recipient", "place", "evidence")
SEARCH_COLUMNS = ("document", "score", "title", "published", "snippet")


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to extract and store; - reads "
                                                       "standard input (text or JSON Lines)")] = None,
    db: DB = DEFAULT_DB,
    from_parquet: Annotated[Path | None, typer.Option("--from-parquet", help="Store the Parquet dataset "
                                                      "letopis process wrote, instead of PATHS")] = None,
    root: Root = None,
    lang: Lang = "ru",
    published: Published = None,
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
    verbose: Verbose = False,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Extract documents and store them. A source already stored with the same text is not extracted
    again; a source whose text changed replaces its facts; a document that fails is a reject (letopis
    rejects). Interrupted, it keeps what it stored: run it again to finish."""
    if not paths and from_parquet is None:
        say("letopis: give the files or folders to store, or --from-parquet DIR")
        raise typer.Exit(1)
    inputs = Inputs(paths or [], language(lang), verbose, root, quiet, published.date() if published else None)
    limits = Limits(max_chars, max_seconds)
    with user_errors():
        store = Store(db, write=True)
        try:
            items = inputs.stored(from_parquet) if from_parquet else inputs.results(limits, workers, store.fresh)
            report = store.ingest(items, partial(inputs.processed, limits))
        except KeyboardInterrupt:
            say("letopis: interrupted; the batches stored so far are kept: run the same ingest again to finish")
            raise typer.Exit(130) from None
        finally:
            store.close()
    for failure in report.store_rejects:
        inputs.report(failure)
    typer.echo(
        f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, "
        f"rejected {report.rejected}; {inputs.skipped_line()}"
    )
    if report.rejected:
        raise typer.Exit(2)


def rejects(db: DB = DEFAULT_DB, output_format: TableFormat = Table.table) -> None:
    """Documents that could not be stored: source, stage (read, language, limit, extract, store), reason."""
    with user_errors():
        emit(Store(db).rejects(), output_format)


def search(
    query: Annotated[str, typer.Argument(help='Words in any form, all of them: Кистафин Карачи; a phrase in quotes: '
                                         '\'"Ержан Кистафин"\'; Казахстан finds казахстанских')],
    db: DB = DEFAULT_DB,
    any_word: Annotated[bool, typer.Option("--any", help="Documents with any of the words, not all")] = False,
    limit: Annotated[int, typer.Option(help="How many documents (1 to 1,000)")] = 10,
    output_format: TableFormat = Table.table,
) -> None:
    """Full-text search with Russian morphology (BM25 over lemmas), with snippets: letopis search
    'Кистафин Карачи' --db corpus.duckdb."""
    with user_errors():
        store = Store(db)
        found = store.search(query, limit, any_word=any_word)
        emit(found, output_format, store.count_documents(query, any_word), SEARCH_COLUMNS)


@with_filters
def events(
    filters: EventFilters,
    db: DB = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many events (1 to 1,000,000)")] = 100,
    output_format: TableFormat = Table.table,
) -> None:
    """Events of the corpus, filtered: letopis events --pair KAZ-PAK --type CONSULT --since 2025-12-01.
    The table shows the main columns; json and csv every column, ids in full."""
    with user_errors():
        store = Store(db)
        emit(store.events(limit=limit, filters=filters), output_format, store.count_events(filters), EVENT_COLUMNS)


class Export(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


@with_filters
def export(
    filters: EventFilters,
    export_format: Annotated[Export, typer.Argument(help="csv, jsonl, parquet, plover (PLOVER JSONL), gdelt (TSV)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write")],
    db: DB = DEFAULT_DB,
) -> None:
    """Export the events of a query."""
    with user_errors():
        store = Store(db)
        if export_format is Export.parquet:
            typer.echo(f"{store.export_parquet(output, filters)} events -> {output}")
            return
        rows = store.events(limit=10**6, filters=filters)
        try:
            with output.open("w", encoding="utf-8", newline="") as sink:
                write_rows(rows, export_format, sink, store.extraction)
        except OSError as error:
            raise ValueError(f"cannot write {output}: {error.strerror or error}") from None
    typer.echo(f"{len(rows)} events -> {output}")


def pair(
    first: Annotated[str, typer.Argument(help="ISO alpha-3 code: KAZ")],
    second: Annotated[str, typer.Argument(help="ISO alpha-3 code: PAK")],
    db: DB = DEFAULT_DB,
    output_format: TableFormat = Table.table,
) -> None:
    """Relations of two countries: events by month, type and topic; top people and organisations:
    letopis pair KAZ PAK --db corpus.duckdb."""
    with user_errors():
        found = Store(db).pair(first, second)
    if output_format is Table.json:
        emit([found], output_format)
        return
    for title, name in (("Events by month", "by_month"), ("Events by type", "by_type"),
                        ("Events by topic", "by_topic"), ("Top people and organisations", "top_actors")):  # fmt: skip
        typer.echo(f"{title} ({found['pair']})")
        emit(found[name], output_format)
        typer.echo("")


def entity(
    name: Annotated[str, typer.Argument(help="The entity's name in any form or part: 'Ержан Кистафин', Кистафина")],
    db: DB = DEFAULT_DB,
    output_format: TableFormat = Table.table,
) -> None:
    """An entity across the corpus: positions over time, aliases, counterparts, events (the first 100):
    letopis entity Путина --db corpus.duckdb."""
    with user_errors():
        store = Store(db)
        found = store.entity(name)
        total = store.count_events(entity=name) if found else 0
    if found is None:
        say(f"letopis: no entity called {name!r}")
        raise typer.Exit(1)
    if output_format is Table.json:
        emit([found], output_format)
        return
    write(f"{found['name']}  ({found['type']}, {found['country'] or '-'} {found['sector'] or ''})".rstrip() + "\n")
    write("aliases: " + ", ".join(found["aliases"]) + "\n")
    for title, rows in (("Positions", found["positions"]), ("Counterparts", found["counterparts"])):
        typer.echo(f"\n{title} ({len(rows)})")
        emit(rows, output_format)
    typer.echo(f"\nEvents ({total})")
    emit(found["events"], output_format, total, EVENT_COLUMNS)


def summary(db: DB = DEFAULT_DB, output_format: TableFormat = Table.table) -> None:
    """What the corpus holds: documents, entities, events by type, top country pairs. csv: one row per
    figure (section, name, value)."""
    with user_errors():
        found = Store(db).summary()
    if output_format is not Table.table:
        emit([found] if output_format is Table.json else summary_rows(found), output_format)
        return
    typer.echo(
        f"documents {found['documents']} ({found['near_duplicates']} near-duplicates) from {found['sources']} "
        f"sources, entities {found['entities']}, occupations {found['occupations']},\nevents {found['events']} "
        f"(from {found['event_reports']} reports); rejected {found['rejects']} (letopis rejects)"
    )
    if found["not_searchable"]:
        typer.echo(f"{found['not_searchable']} documents are not searchable yet: an ingest was cut short, run it "
                   "again")  # fmt: skip
    typer.echo("\nEvents by type")
    emit(found["events_by_type"], Table.table)
    typer.echo("\nTop country pairs (actor-recipient)")
    emit(found["top_country_pairs"], Table.table)


def summary_rows(found: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary as rows of one figure each: (`count`, `documents`, 1), (`events_by_type`, `CONSULT`, 7)."""
    rows = [{"section": "count", "name": k, "value": v} for k, v in found.items() if isinstance(v, int)]
    rows += [{"section": "events_by_type", "name": r["type"], "value": r["events"]} for r in found["events_by_type"]]
    return rows + [{"section": "top_country_pairs", "name": r["pair"], "value": r["events"]}
                   for r in found["top_country_pairs"]]  # fmt: skip
