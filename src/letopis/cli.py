"""`letopis extract PATH... --format json|jsonl|text`: a thin face over the library.

The NLP pipeline, the readers and the scorers are imported by the commands that use them, so that the
commands that only query a corpus start without loading them."""

from __future__ import annotations

import csv
import functools
import inspect
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from letopis.export import GDELT_COLUMNS, gdelt_rows, plover_records
from letopis.model import MAX_CHARS, MAX_SECONDS, Document, Extraction, Failure, Limits, Skipped
from letopis.render import printable, render_text
from letopis.store import EventFilters, Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    plover = "plover"
    gdelt = "gdelt"


@app.callback()
def main() -> None:
    """letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when."""


class Benchmark(StrEnum):
    factru = "factru"
    nerel = "nerel"


@app.command("eval")
def evaluate(
    benchmark: Annotated[Benchmark, typer.Argument(help="factru: factRuEval-2016 folder; nerel: NEREL brat folder")],
    directory: Annotated[Path, typer.Argument(help="The folder with the benchmark's files")],
    errors: Annotated[bool, typer.Option("--errors", help="Print every false negative and false positive")] = False,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the report as JSON to this file")] = None,
) -> None:
    """Score extraction on a public benchmark: NER per type, facts (see docs/evaluation.md)."""
    from letopis.evaluate.factru import evaluate as evaluate_factru
    from letopis.evaluate.nerel import evaluate as evaluate_nerel
    from letopis.evaluate.score import Report, render_report

    if not directory.is_dir():
        typer.echo(f"letopis: {directory} is not a folder", err=True)
        raise typer.Exit(2)
    report = Report()
    (evaluate_factru if benchmark is Benchmark.factru else evaluate_nerel)(directory, report)
    if errors:
        sys.stdout.writelines(line + "\n" for line in report.errors)
    sys.stdout.write(render_report(report, benchmark.value))
    if json_path is not None:
        json_path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")


DB = Annotated[Path, typer.Option("--db", help="The corpus database (DuckDB; the search index sits beside it)")]
DEFAULT_DB = Path("letopis.duckdb")
Lang = Annotated[str, typer.Option("--lang", help="ru: documents in other languages are rejected; any: all")]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help="Reject a longer document")]
MaxSeconds = Annotated[float, typer.Option("--max-seconds", min=0, help="Reject a document whose extraction "
                                           "takes longer (0: no limit)")]  # fmt: skip
Root = Annotated[Path | None, typer.Option(help="Identify documents by their path relative to this folder "
                                           "(default: the current folder)")]  # fmt: skip
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="List every file skipped in a folder")]


class Table(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def write(text: str, stream: TextIO | None = None) -> None:
    """Write to stdout (or `stream`); control characters are escaped when it is a terminal."""
    stream = stream or sys.stdout
    stream.write(printable(text) if stream.isatty() else text)


def say(message: str) -> None:
    """One line on stderr, control characters escaped."""
    typer.echo(printable(message), err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """A corpus that cannot be used or a bad argument: one line on stderr and exit status 1."""
    try:
        yield
    except (StoreError, ValueError) as error:
        say(f"letopis: {error}")
        raise typer.Exit(1) from None


def emit(rows: list[dict[str, Any]], output_format: Table) -> None:
    if output_format is Table.json:
        write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if not rows:
        return
    if output_format is Table.csv:
        write_csv(rows, sys.stdout)
        return
    header = list(rows[0])
    cells = [[printable(cell(row[k]), keep="") for k in header] for row in rows]
    widths = [min(60, max(len(h), *(len(c[i]) for c in cells))) for i, h in enumerate(header)]
    for line in [header, *cells]:
        write("  ".join(c[:w].ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")


def write_csv(rows: list[dict[str, Any]], sink: TextIO) -> None:
    """Rows as CSV with a header (`id` alone when there are none), control characters but tabs and line
    breaks escaped."""
    writer = csv.DictWriter(sink, fieldnames=list(rows[0]) if rows else ["id"])
    writer.writeheader()
    writer.writerows({k: printable(cell(v), keep="\n\t") for k, v in row.items()} for row in rows)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    return str(value)


def language(value: str) -> bool:
    """`--lang`: True when any language is processed."""
    if value not in {"ru", "any"}:
        raise typer.BadParameter("ru or any")
    return value == "any"


class Inputs:
    """The documents under `paths`: files that cannot be read are reported on stderr with the path and
    the reason and counted; files skipped in folders are counted (and listed with --verbose)."""

    def __init__(self, paths: list[Path], any_language: bool, verbose: bool, root: Path | None = None) -> None:
        self.paths, self.any_language, self.verbose, self.root = paths, any_language, verbose, root
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
            yield self.report(item) if isinstance(item, Failure) else item

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


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract and store")],
    db: DB = DEFAULT_DB,
    root: Root = None,
    lang: Lang = "ru",
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
    verbose: Verbose = False,
) -> None:
    """Extract documents and store them. A source already stored with the same text is not extracted
    again; a source whose text changed replaces its facts; a document that fails is a reject (letopis
    rejects). Interrupted, it keeps what it stored: run it again to finish."""
    inputs = Inputs(paths, language(lang), verbose, root)
    with user_errors():
        store = Store(db, write=True)
        try:
            report = store.ingest(inputs, partial(inputs.processed, Limits(max_chars, max_seconds)))
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


@app.command()
def rejects(db: DB = DEFAULT_DB, output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table) -> None:
    """Documents that could not be stored: source, stage (read, language, limit, extract, store), reason."""
    with user_errors():
        emit(Store(db).rejects(), output_format)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any form: Казахстан finds казахстанских")],
    db: DB = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="How many documents (1 to 1,000)")] = 10,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Full-text search with Russian morphology (BM25 over lemmas), with snippets."""
    with user_errors():
        emit(Store(db).search(query, limit), output_format)


FILTER_OPTIONS: dict[str, Any] = {
    "entity": Annotated[str | None, typer.Option("--entity", help="Events of this entity (its name)")],
    "pair": Annotated[str | None, typer.Option("--pair", help="Country pair, either direction: KAZ-PAK")],
    "type": Annotated[str | None, typer.Option("--type", help="PLOVER type: CONSULT, AGREE, ...")],
    "context": Annotated[str | None, typer.Option("--context", help="PLOVER context: diplomatic, economic, ...")],
    "topic": Annotated[str | None, typer.Option("--topic", help="Topic: trade, banking, logistics, ...")],
    "place": Annotated[str | None, typer.Option("--place", help="Place name")],
    "since": Annotated[str | None, typer.Option("--since", help="From date YYYY-MM-DD")],
    "until": Annotated[str | None, typer.Option("--until", help="To date YYYY-MM-DD")],
}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """The event filter options, declared once: a command that takes `filters: EventFilters` gets them
    as options (`--pair KAZ-PAK --type CONSULT ...`), checked and built into one record."""
    signature = inspect.signature(command, eval_str=True)
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
               for name, annotation in FILTER_OPTIONS.items()]  # fmt: skip
    kept = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()
            if p.name != "filters"]  # fmt: skip

    @functools.wraps(command)
    def run(**given: Any) -> None:
        with user_errors():
            filters = EventFilters.parse(**{name: given.pop(name) for name in FILTER_OPTIONS})
        command(filters=filters, **given)

    run.__signature__ = signature.replace(parameters=[*kept, *options])  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in [*kept, *options]}
    return run


@app.command()
@with_filters
def events(
    filters: EventFilters,
    db: DB = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many events (1 to 1,000,000)")] = 100,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Events of the corpus, filtered."""
    with user_errors():
        emit(Store(db).events(limit=limit, filters=filters), output_format)


class Export(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


@app.command()
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
                write_export(store, export_format, rows, sink)
        except OSError as error:
            raise ValueError(f"cannot write {output}: {error.strerror or error}") from None
    typer.echo(f"{len(rows)} events -> {output}")


def write_export(store: Store, export_format: Export, rows: list[dict[str, Any]], sink: TextIO) -> None:
    if export_format is Export.csv:
        write_csv(rows, sink)
        return
    if export_format is Export.jsonl:
        sink.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
        return
    if export_format is Export.gdelt:
        sink.write("\t".join(GDELT_COLUMNS) + "\n")
    wanted = {row["id"] for row in rows}
    for doc_hash in dict.fromkeys(row["hash"] for row in rows):
        full = store.extraction(doc_hash)
        chosen = replace(full, events=tuple(e for e in full.events if e.id in wanted))
        write_events(chosen, export_format, sink)


def write_events(result: Extraction, export_format: Export | Format, sink: TextIO) -> None:
    if export_format == "plover":
        sink.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(result))
    else:
        sink.writelines("\t".join(tsv_cell(c) for c in r) + "\n" for r in gdelt_rows(result))


def tsv_cell(value: str) -> str:
    """A TSV cell holds no tab, line break or control character."""
    return printable(" ".join(value.split()), keep="")


@app.command()
def pair(
    first: Annotated[str, typer.Argument(help="ISO alpha-3 code: KAZ")],
    second: Annotated[str, typer.Argument(help="ISO alpha-3 code: PAK")],
    db: DB = DEFAULT_DB,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Relations of two countries: events by month, type and topic; top people and organisations."""
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


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="The entity's name: Ержан Кистафин")],
    db: DB = DEFAULT_DB,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """An entity across the corpus: positions over time, aliases, counterparts, events."""
    with user_errors():
        found = Store(db).entity(name)
    if found is None:
        say(f"letopis: no entity called {name!r}")
        raise typer.Exit(1)
    if output_format is Table.json:
        emit([found], output_format)
        return
    write(f"{found['name']}  ({found['type']}, {found['country'] or '-'} {found['sector'] or ''})".rstrip() + "\n")
    write("aliases: " + ", ".join(found["aliases"]) + "\n")
    for title, rows in (("Positions", found["positions"]), ("Counterparts", found["counterparts"]),
                        ("Events", found["events"])):  # fmt: skip
        typer.echo(f"\n{title} ({len(rows)})")
        emit(rows, Table.table if output_format is Table.table else output_format)


@app.command()
def summary(db: DB = DEFAULT_DB) -> None:
    """What the corpus holds: documents, entities, events by type, top country pairs."""
    with user_errors():
        found = Store(db).summary()
    typer.echo(
        f"documents {found['documents']} ({found['near_duplicates']} near-duplicates) from {found['sources']} "
        f"sources, entities {found['entities']}, occupations {found['occupations']}, events {found['events']} "
        f"(from {found['event_reports']} reports); rejected {found['rejects']} (letopis rejects)"
    )
    if found["not_searchable"]:
        typer.echo(f"{found['not_searchable']} documents are not searchable yet: an ingest was cut short, run it again")
    typer.echo("\nEvents by type")
    emit(found["events_by_type"], Table.table)
    typer.echo("\nTop country pairs (actor-recipient)")
    emit(found["top_country_pairs"], Table.table)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (read recursively): seed .txt, plain .txt/.md, .jsonl")
    ],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.json,
    lang: Lang = "ru",
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
    verbose: Verbose = False,
) -> None:
    """Extract entities, occupations, actors and PLOVER events from articles. Exit 2 if some failed.

    Formats: json (one object per document), jsonl, text (readable), plover (PLOVER JSONL, one event
    per line), gdelt (GDELT 2.0 Events-style TSV with a header row, one row per actor/recipient pair)."""
    inputs = Inputs(paths, language(lang), verbose)
    write_extractions(inputs.extractions(Limits(max_chars, max_seconds)), output_format)
    if inputs.skipped:
        say(f"letopis: {inputs.skipped_line()}")
    if inputs.failed:
        raise typer.Exit(2)


def write_extractions(results: Iterable[Extraction], output_format: Format) -> None:
    records = []
    if output_format is Format.gdelt:
        write("\t".join(GDELT_COLUMNS) + "\n")
    for item in results:
        if output_format is Format.json:
            records.append(item.to_json())
        elif output_format is Format.jsonl:
            write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        elif output_format in (Format.plover, Format.gdelt):
            lines = io.StringIO()
            write_events(item, output_format, lines)
            write(lines.getvalue())
        else:
            write(render_text(item) + "\n")
    if output_format is Format.json:
        write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
