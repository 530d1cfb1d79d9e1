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


WIDTH = 100  # a table fits a terminal this wide
ID_WIDTH = 13  # an id or hash column shows at most this many characters
MIN_WIDTH = 4
IDS = frozenset({"id", "hash"})


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


def emit(rows: list[dict[str, Any]], output_format: Table, total: int | None = None,
         columns: tuple[str, ...] | None = None) -> None:  # fmt: skip
    """Rows as JSON, CSV or a table that fits `WIDTH` columns (only `columns` when given, ids shortened,
    long cells cut with `…`); when `total` is more than the rows shown, a line on stderr says so."""
    if output_format is Table.json:
        write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif output_format is Table.csv and rows:
        write_csv(rows, sys.stdout)
    elif rows:
        table(rows, columns)
    if total is not None and total > len(rows):
        say(f"showing {len(rows)} of {total} (use --limit)")


def table(rows: list[dict[str, Any]], columns: tuple[str, ...] | None = None) -> None:
    header = [k for k in columns if k in rows[0]] if columns else list(rows[0])
    cells = [[short(printable(cell(row[k]), keep="")) if k in IDS else printable(cell(row[k]), keep="")
              for k in header] for row in rows]  # fmt: skip
    widths = fit(header, cells)
    for line in [header, *cells]:
        write("  ".join(cut(c, w).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")


def fit(header: list[str], cells: list[list[str]], width: int = WIDTH) -> list[int]:
    """Column widths that fit `width` with two spaces between columns: ids at most `ID_WIDTH`, then the
    widest column narrowed, one character at a time, down to `MIN_WIDTH`."""
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    widths = [min(w, ID_WIDTH) if h in IDS else w for h, w in zip(header, widths, strict=True)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > MIN_WIDTH:
        widths[widths.index(max(widths))] -= 1
    return widths


def short(value: str) -> str:
    """An event id or a hash shortened and still told apart: `39a277bf5fb01db3-v12` -> `39a277bf…-v12`."""
    head, dash, tail = value.partition("-")
    return f"{head[:8]}…{dash}{tail}" if len(head) > 9 else value


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
