"""letopis: Russian news to a verifiable chronicle. `letopis extract PATH... --format
json|jsonl|text|plover|gdelt` (`-` reads standard input), `letopis ingest PATH... --db corpus.duckdb`,
then `search`, `events`, `entity`, `pair`, `summary` and `export` (csv, jsonl, parquet, plover, gdelt)
over the corpus; tables as `--format table|json|csv`. Exit status: 0 ok, 1 a user error (bad option,
unusable corpus), 2 some documents failed."""

# The NLP pipeline, the readers and the scorers are imported by the commands that use them, so that the
# commands that only query a corpus start without loading them.
# Rooms: `output` (rows, tables and events written out; errors as one line), `options` (the options
# commands share, the event filters declared once), `inputs` (the documents under the paths given),
# `extraction` (extract, eval, codebook), `corpus` (ingest and the queries of a stored corpus), `serve` (the
# web app), `scaling` (watch, process), `progress` (the bar). The commands are listed here, in the order
# `letopis --help` shows them.

from __future__ import annotations

import os
from enum import StrEnum
from importlib.metadata import version
from typing import Annotated

import typer

from letopis.cli.corpus import entity, events, export, ingest, pair, rejects, search, summary
from letopis.cli.extraction import codebook, evaluate, extract
from letopis.cli.scaling import process_corpus, watch
from letopis.cli.serve import serve

app = typer.Typer(add_completion=False, no_args_is_help=True)


def show_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"letopis {version('letopis')}")  # letopis.__version__
        raise typer.Exit()


class Territories(StrEnum):
    sovereign = "sovereign"
    held = "held"


@app.callback(help=__doc__)
def main(
    show: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=show_version, help="Print the version and exit")
    ] = False,
    territories: Annotated[
        Territories,
        typer.Option(
            envvar="LETOPIS_TERRITORIES",
            help="Disputed territories (Крым, Косово, Абхазия ...): code them as their nominal sovereign "
            "(PLOVER's ISO 3166 coding) or as the state that holds them (lexicon/territories.tsv)",
        ),
    ] = Territories.sovereign,
) -> None:
    """letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when."""
    os.environ["LETOPIS_TERRITORIES"] = territories.value  # read by the gazetteer, here and in workers


app.command("eval")(evaluate)
app.command("process")(process_corpus)
for command in (ingest, watch, rejects, search, events, export, pair, entity, summary, extract, codebook, serve):
    app.command()(command)
