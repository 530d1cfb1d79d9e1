"""`letopis extract PATH... --format json|jsonl|text`: a thin face over the library."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from letopis.model import Failure
from letopis.pipeline import extract_paths
from letopis.render import render_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


@app.callback()
def main() -> None:
    """letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when."""


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (read recursively): seed .txt, plain .txt, .jsonl")
    ],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format")] = Format.json,
) -> None:
    """Extract entities, occupations and actors from articles. Exit 2 if some documents failed."""
    failed = 0
    records = []
    for item in extract_paths(paths):
        if isinstance(item, Failure):
            failed += 1
            typer.echo(f"letopis: cannot process {item.source}: {item.reason}", err=True)
            continue
        if output_format is Format.json:
            records.append(item.to_json())
        elif output_format is Format.jsonl:
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render_text(item) + "\n")
    if output_format is Format.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failed:
        raise typer.Exit(2)
