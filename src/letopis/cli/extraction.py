"""`letopis extract` and `letopis eval`: extraction of files without a corpus, and its scores on the
public benchmarks."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from letopis.cli.inputs import Inputs
from letopis.cli.options import Lang, MaxChars, MaxSeconds, Published, Quiet, Verbose, Workers, language
from letopis.cli.output import say, user_errors, write
from letopis.export import GDELT_COLUMNS, write_events
from letopis.model import MAX_CHARS, MAX_SECONDS, Extraction, Limits
from letopis.render import render_text


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    plover = "plover"
    gdelt = "gdelt"


class Benchmark(StrEnum):
    factru = "factru"
    nerel = "nerel"
    events = "events"
    coding = "coding"


class Half(StrEnum):
    tune = "tune"
    check = "check"


def evaluate(
    benchmark: Annotated[
        Benchmark,
        typer.Argument(
            help="factru: factRuEval-2016 folder; nerel: NEREL brat folder; "
            "events: a folder of event gold files (gold/events); "
            "coding: any texts, how their events are coded"
        ),
    ],
    directory: Annotated[Path, typer.Argument(help="The folder with the benchmark's files")],
    errors: Annotated[bool, typer.Option("--errors", help="Print every false negative and false positive")] = False,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the report as JSON to this file")] = None,
    half: Annotated[Half | None, typer.Option(help="factru: score one half of the devset only")] = None,
    official: Annotated[
        bool,
        typer.Option(
            "--official", help="factru: also run the competition's own Track 3 scorer (--scripts) on letopis' facts"
        ),
    ] = False,
    scripts: Annotated[Path, typer.Option(help="factru --official: the benchmark's scripts folder")] = Path(
        "../shared/benchmarks/factRuEval-2016/scripts"
    ),
    texts: Annotated[Path, typer.Option(help="events, coding: the folder holding the corpora gold files name")] = Path(
        "../shared/benchmarks"
    ),
) -> None:
    """Score extraction on a public benchmark or the event gold (see docs/evaluation.md)."""
    from letopis.evaluate import events, factru, nerel
    from letopis.evaluate import official as competition
    from letopis.evaluate.score import Report, render_report

    if not directory.is_dir():
        typer.echo(f"letopis: {directory} is not a folder", err=True)
        raise typer.Exit(2)
    if benchmark is Benchmark.coding:
        with user_errors():
            score_coding(directory, texts, json_path)
        return
    report = Report()
    with user_errors():
        if benchmark is Benchmark.factru:
            results = factru.evaluate(directory, report, half.value if half else None)
            if official:
                competition.add_official(results, directory, scripts, report)
        elif benchmark is Benchmark.nerel:
            nerel.evaluate(directory, report)
        else:
            events.evaluate(directory, report, texts)
    if errors:
        sys.stdout.writelines(line + "\n" for line in report.errors)
    sys.stdout.write(render_report(report, benchmark.value))
    if json_path is not None:
        json_path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")


def score_coding(directory: Path, texts: Path, json_path: Path | None) -> None:
    """The coding figures of the texts under `directory`, or of the texts its event gold files name."""
    from letopis.evaluate.coding import Coding, measure
    from letopis.evaluate.events import gold_texts

    coding = Coding()
    golds = gold_texts(directory, texts)
    measure(golds if golds is not None else Inputs([directory], False, False).extractions(Limits()), coding)
    sys.stdout.write(coding.render())
    if json_path is not None:
        json_path.write_text(json.dumps(coding.to_json(), indent=2), encoding="utf-8")


def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders (read recursively): seed .txt, plain .txt/.md, .jsonl, "
                                   ".html, .rss, URLs; - reads standard input (text or JSON Lines)")
    ],
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format (below)")] = Format.json,
    lang: Lang = "ru",
    published: Published = None,
    max_chars: MaxChars = MAX_CHARS,
    max_seconds: MaxSeconds = MAX_SECONDS,
    verbose: Verbose = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Keep only events of at least this confidence")
    ] = 0.0,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Extract entities, occupations, actors and PLOVER events from articles: letopis extract samples/
    --format text; echo 'Посол ...' | letopis extract - . Exit 2 if some failed.

    Formats: json (one object per document), jsonl, text (readable), plover (PLOVER JSONL, one event
    per line), gdelt (GDELT 2.0 Events-style TSV with a header row, one row per actor/recipient pair)."""
    inputs = Inputs(paths, language(lang), verbose, quiet=quiet, published=published.date() if published else None)
    results = inputs.extractions(Limits(max_chars, max_seconds), workers)
    write_extractions((confident(r, min_confidence) for r in results), output_format)
    if inputs.skipped:
        say(f"letopis: {inputs.skipped_line()}")
    if inputs.failed:
        raise typer.Exit(2)


def confident(result: Extraction, least: float) -> Extraction:
    """The extraction with only its events of confidence `least` or more."""
    if least <= 0:
        return result
    return replace(result, events=tuple(e for e in result.events if e.confidence >= least))


def write_extractions(results: Iterable[Extraction], output_format: Format) -> None:
    records = []
    if output_format is Format.gdelt:
        write("\t".join(GDELT_COLUMNS) + "\n")
    for item in results:
        if output_format is Format.json:
            records.append(item.to_dict())
        elif output_format is Format.jsonl:
            write(item.to_json() + "\n")
        elif output_format in (Format.plover, Format.gdelt):
            lines = io.StringIO()
            write_events(item, output_format, lines)
            write(lines.getvalue())
        else:
            write(render_text(item) + "\n")
    if output_format is Format.json:
        write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def codebook() -> None:
    """Print the codebook: PLOVER types and modes with CAMEO codes, quad classes, intensity and Goldstein
    scores, the sectors, generic agents and metonyms, and how each export column is filled."""
    from letopis.codebook import codebook as written

    write(written())
