"""`letopis extract PATH... --format json|jsonl|text`: a thin face over the library.

The NLP pipeline, the readers and the scorers are imported by the commands that use them, so that the
commands that only query a corpus start without loading them."""

# Rooms: `output` (rows, tables and events written out; errors as one line), `options` (the options
# commands share, the event filters declared once), `inputs` (the documents under the paths given),
# `extraction` (extract, eval, codebook), `corpus` (ingest and the queries of a stored corpus), `serve` (the
# web app), `scaling` (watch, process), `progress` (the bar). The commands are listed here, in the order
# `letopis --help` shows them.

from __future__ import annotations

import typer

from letopis.cli.corpus import entity, events, export, ingest, pair, rejects, search, summary
from letopis.cli.extraction import codebook, evaluate, extract
from letopis.cli.scaling import process_corpus, watch
from letopis.cli.serve import serve

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.callback()
def main() -> None:
    """letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when."""


app.command("eval")(evaluate)
app.command("process")(process_corpus)
for command in (ingest, watch, rejects, search, events, export, pair, entity, summary, extract, codebook, serve):
    app.command()(command)
