"""The options commands share, declared once: the corpus, the language and limits of extraction, and
the event filters."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from letopis.cli.output import user_errors
from letopis.store import EventFilters

DB = Annotated[Path, typer.Option("--db", help="The corpus database (DuckDB; the search index sits beside it)")]
DEFAULT_DB = Path("letopis.duckdb")
Lang = Annotated[str, typer.Option("--lang", help="ru: documents in other languages are rejected; any: all")]
Published = Annotated[
    datetime | None,
    typer.Option(
        "--published", formats=["%Y-%m-%d"], help="Publication date (YYYY-MM-DD) of the documents that state none"
    ),
]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help="Reject a longer document")]
MaxSeconds = Annotated[float, typer.Option("--max-seconds", min=0, help="Reject a document whose extraction "
                                           "takes longer (0: no limit)")]  # fmt: skip
Root = Annotated[Path | None, typer.Option(help="Identify documents by their path relative to this folder "
                                           "(default: the current folder)")]  # fmt: skip
Workers = Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes extracting documents "
                                             "(default: one per core; 1: in this process)")]  # fmt: skip
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="List every file skipped in a folder")]


def language(value: str) -> bool:
    """`--lang`: True when any language is processed."""
    if value not in {"ru", "any"}:
        raise typer.BadParameter("ru or any")
    return value == "any"


FILTER_OPTIONS: dict[str, Any] = {
    "entity": Annotated[str | None, typer.Option("--entity", help="Events of this entity, by name in any form: "
                                                 "--entity 'Ержан Кистафин'")],
    "pair": Annotated[str | None, typer.Option("--pair", help="Country pair, either direction: --pair KAZ-PAK")],
    "type": Annotated[str | None, typer.Option("--type", help="PLOVER types, any of them: --type CONSULT or "
                                               "--type CONSULT,AGREE")],
    "context": Annotated[str | None, typer.Option("--context", help="PLOVER context: --context diplomatic "
                                                  "(economic, ...)")],
    "topic": Annotated[str | None, typer.Option("--topic", help="Topic: --topic trade (banking, logistics, ...)")],
    "place": Annotated[str | None, typer.Option("--place", help="Place name: --place Карачи")],
    "since": Annotated[str | None, typer.Option("--since", help="From this date: --since 2025-12-01")],
    "until": Annotated[str | None, typer.Option("--until", help="To this date: --until 2025-12-31")],
    "min_confidence": Annotated[
        str | None, typer.Option("--min-confidence", help="Events of at least this confidence: --min-confidence 0.5")
    ],
}  # fmt: skip


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
