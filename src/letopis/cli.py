"""`letopis extract PATH... --format json|jsonl|text`: a thin face over the library."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from letopis.evaluate.factru import evaluate as evaluate_factru
from letopis.evaluate.nerel import evaluate as evaluate_nerel
from letopis.evaluate.score import Report, render_report
from letopis.export import GDELT_COLUMNS, gdelt_rows, plover_records
from letopis.model import Failure
from letopis.pipeline import extract_paths
from letopis.render import render_text

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
    failed = 0
    records = []
    if output_format is Format.gdelt:
        sys.stdout.write("\t".join(GDELT_COLUMNS) + "\n")
    for item in extract_paths(paths):
        if isinstance(item, Failure):
            failed += 1
            typer.echo(f"letopis: cannot process {item.source}: {item.reason}", err=True)
            continue
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
    if failed:
        raise typer.Exit(2)
