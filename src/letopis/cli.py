"""`letopis extract PATH... --format json|jsonl|text`: a thin face over the library."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from letopis.evaluate.factru import evaluate as evaluate_factru
from letopis.evaluate.nerel import evaluate as evaluate_nerel
from letopis.evaluate.score import Report, render_report
from letopis.export import GDELT_COLUMNS, gdelt_rows, plover_records
from letopis.model import Extraction, Failure
from letopis.pipeline import extract_paths
from letopis.render import render_text
from letopis.store import Store

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


class Table(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def emit(rows: list[dict[str, Any]], output_format: Table) -> None:
    if output_format is Table.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    if not rows:
        return
    if output_format is Table.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: cell(v) for k, v in row.items()} for row in rows)
        return
    header = list(rows[0])
    cells = [[cell(row[k]) for k in header] for row in rows]
    widths = [min(60, max(len(h), *(len(c[i]) for c in cells))) for i, h in enumerate(header)]
    for line in [header, *cells]:
        sys.stdout.write("  ".join(c[:w].ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    return str(value)


class Successes:
    """The extractions of `paths`; a document that fails is reported on stderr with its path and the
    reason, and counted, and the others go on."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.failed = 0

    def __iter__(self) -> Iterator[Extraction]:
        for item in extract_paths(self.paths):
            if isinstance(item, Failure):
                self.failed += 1
                typer.echo(f"letopis: cannot process {item.source}: {item.reason}", err=True)
            else:
                yield item


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract and store")],
    db: DB = DEFAULT_DB,
) -> None:
    """Extract documents and store them; a document already stored (same text) is skipped."""
    results = Successes(paths)
    store = Store(db)
    report = store.ingest(results)
    store.close()
    typer.echo(
        f"added {report.added}, replaced {report.replaced}, unchanged {report.unchanged}, failed {results.failed}"
    )
    if results.failed:
        raise typer.Exit(2)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any form: Казахстан finds казахстанских")],
    db: DB = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="How many documents")] = 10,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Full-text search with Russian morphology (BM25 over lemmas), with snippets."""
    emit(Store(db).search(query, limit), output_format)


EntityName = Annotated[str | None, typer.Option("--entity", help="Events of this entity (its name)")]
Pair = Annotated[str | None, typer.Option("--pair", help="Country pair, either direction: KAZ-PAK")]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER type: CONSULT, AGREE, ...")]
Context = Annotated[str | None, typer.Option("--context", help="PLOVER context: diplomatic, economic, ...")]
Topic = Annotated[str | None, typer.Option("--topic", help="Topic: trade, banking, logistics, ...")]
Place = Annotated[str | None, typer.Option("--place", help="Place name")]
Since = Annotated[str | None, typer.Option("--since", help="From date YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option("--until", help="To date YYYY-MM-DD")]


def event_filters(entity: str | None, pair: str | None, type: str | None, context: str | None, topic: str | None,
                  place: str | None, since: str | None, until: str | None) -> dict[str, Any]:  # fmt: skip
    countries = pair.upper().split("-", 1) if pair else None
    if countries is not None and len(countries) != 2:
        typer.echo("letopis: --pair takes two ISO alpha-3 codes, as KAZ-PAK", err=True)
        raise typer.Exit(2)
    return {"entity": entity, "pair": (countries[0], countries[1]) if countries else None, "type": type,
            "context": context, "topic": topic, "place": place,
            "since": date.fromisoformat(since) if since else None,
            "until": date.fromisoformat(until) if until else None}  # fmt: skip


@app.command()
def events(
    db: DB = DEFAULT_DB,
    entity: EntityName = None,
    pair: Pair = None,
    type: Type = None,
    context: Context = None,
    topic: Topic = None,
    place: Place = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, typer.Option(help="At most this many events")] = 100,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Events of the corpus, filtered."""
    filters = event_filters(entity, pair, type, context, topic, place, since, until)
    emit(Store(db).events(limit=limit, **filters), output_format)


class Export(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


@app.command()
def export(
    export_format: Annotated[Export, typer.Argument(help="csv, jsonl, parquet, plover (PLOVER JSONL), gdelt (TSV)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write")],
    db: DB = DEFAULT_DB,
    entity: EntityName = None,
    pair: Pair = None,
    type: Type = None,
    context: Context = None,
    topic: Topic = None,
    place: Place = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export the events of a query."""
    store = Store(db)
    filters = event_filters(entity, pair, type, context, topic, place, since, until)
    if export_format is Export.parquet:
        typer.echo(f"{store.export_parquet(output, **filters)} events -> {output}")
        return
    rows = store.events(limit=10**9, **filters)
    with output.open("w", encoding="utf-8", newline="") as sink:
        if export_format is Export.csv:
            writer = csv.DictWriter(sink, fieldnames=list(rows[0]) if rows else ["id"])
            writer.writeheader()
            writer.writerows({k: cell(v) for k, v in row.items()} for row in rows)
        elif export_format is Export.jsonl:
            sink.writelines(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
        else:
            if export_format is Export.gdelt:
                sink.write("\t".join(GDELT_COLUMNS) + "\n")
            wanted = {row["id"] for row in rows}
            for doc_hash in dict.fromkeys(row["hash"] for row in rows):
                full = store.extraction(doc_hash)
                chosen = replace(full, events=tuple(e for e in full.events if e.id in wanted))
                if export_format is Export.plover:
                    sink.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(chosen))
                else:
                    sink.writelines("\t".join(r) + "\n" for r in gdelt_rows(chosen))
    typer.echo(f"{len(rows)} events -> {output}")


@app.command()
def pair(
    first: Annotated[str, typer.Argument(help="ISO alpha-3 code: KAZ")],
    second: Annotated[str, typer.Argument(help="ISO alpha-3 code: PAK")],
    db: DB = DEFAULT_DB,
    output_format: Annotated[Table, typer.Option("--format", "-f")] = Table.table,
) -> None:
    """Relations of two countries: events by month, type and topic; top people and organisations."""
    found = Store(db).pair(first.upper(), second.upper())
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
    found = Store(db).entity(name)
    if found is None:
        typer.echo(f"letopis: no entity called {name!r}", err=True)
        raise typer.Exit(1)
    if output_format is Table.json:
        emit([found], output_format)
        return
    typer.echo(f"{found['name']}  ({found['type']}, {found['country'] or '-'} {found['sector'] or ''})".rstrip())
    typer.echo("aliases: " + ", ".join(found["aliases"]))
    for title, rows in (("Positions", found["positions"]), ("Counterparts", found["counterparts"]),
                        ("Events", found["events"])):  # fmt: skip
        typer.echo(f"\n{title} ({len(rows)})")
        emit(rows, Table.table if output_format is Table.table else output_format)


@app.command()
def summary(db: DB = DEFAULT_DB) -> None:
    """What the corpus holds: documents, entities, events by type, top country pairs."""
    found = Store(db).summary()
    typer.echo(
        f"documents {found['documents']} ({found['near_duplicates']} near-duplicates), entities {found['entities']}, "
        f"occupations {found['occupations']}, events {found['events']} (from {found['event_reports']} reports)"
    )
    typer.echo("\nEvents by type")
    emit(found["events_by_type"], Table.table)
    typer.echo("\nTop country pairs (actor-recipient)")
    emit(found["top_country_pairs"], Table.table)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (read recursively): seed .txt, plain .txt, .jsonl")
    ],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.json,
) -> None:
    """Extract entities, occupations, actors and PLOVER events from articles. Exit 2 if some failed.

    Formats: json (one object per document), jsonl, text (readable), plover (PLOVER JSONL, one event
    per line), gdelt (GDELT 2.0 Events-style TSV with a header row, one row per actor/recipient pair)."""
    results = Successes(paths)
    records = []
    if output_format is Format.gdelt:
        sys.stdout.write("\t".join(GDELT_COLUMNS) + "\n")
    for item in results:
        if output_format is Format.json:
            records.append(item.to_json())
        elif output_format is Format.jsonl:
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        elif output_format is Format.plover:
            sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(item))
        elif output_format is Format.gdelt:
            sys.stdout.writelines("\t".join(row) + "\n" for row in gdelt_rows(item))
        else:
            sys.stdout.write(render_text(item) + "\n")
    if output_format is Format.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if results.failed:
        raise typer.Exit(2)
