"""What the commands write: text with control characters escaped on a terminal, rows as a table, JSON or
CSV, events as PLOVER JSONL or GDELT TSV; a user's error as one line on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any, TextIO

import typer

from letopis.export import cell, write_csv
from letopis.render import printable
from letopis.store import StoreError


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
