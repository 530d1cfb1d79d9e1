"""letopis' own event gold (`gold/events/`, docs/event-annotation.md): strict and loose recall and
precision, per PLOVER type, by the matching rules of the reference gold.

Strict asks type, participants, actor side, place, date and evidence; loose asks type, participants
and evidence. Recall counts required gold events; precision counts output events that match any gold
event, required or optional (each gold event absorbs at most one output event)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from letopis.evaluate.gold import Gold, match_events
from letopis.evaluate.score import Report
from letopis.model import Event, Extraction
from letopis.pipeline import extract_document
from letopis.read import from_text

DEFAULT_TEXTS = Path("../shared/benchmarks")
CONFIDENT = 0.5  # the threshold whose precision the calibration target names


class GoldError(ValueError):
    """A gold file that cannot be scored: its text is missing or is not the text it was annotated on."""


def gold_files(directory: Path) -> Iterator[Path]:
    yield from sorted(directory.rglob("*.gold.json"))


def load(path: Path, texts: Path) -> tuple[Gold, str]:
    """A gold file and the text it annotates, checked against the sha256 it records."""
    gold: Gold = json.loads(path.read_text(encoding="utf-8"))
    document = gold["document"]
    source = texts / document["corpus"] / document["file"]
    if not source.is_file():
        raise GoldError(f"{path}: its text {source} is missing (--texts names the folder of the corpora)")
    raw = source.read_bytes()
    if hashlib.sha256(raw).hexdigest() != document["sha256"]:
        raise GoldError(f"{path}: {source} is not the text this gold was annotated on (sha256 differs)")
    return gold, raw.decode("utf-8")


def extracted(path: Path, texts: Path = DEFAULT_TEXTS) -> tuple[str, Gold, Extraction]:
    """A gold file's name and gold, and the extraction of the text it annotates."""
    gold, text = load(path, texts)
    name = path.name.removesuffix(".gold.json")
    return name, gold, extract_document(from_text(text, str(path), name))


def gold_texts(directory: Path, texts: Path = DEFAULT_TEXTS) -> Iterator[Extraction] | None:
    """The extractions of the texts the gold files under `directory` name, or None when it holds none."""
    paths = list(gold_files(directory))
    if not paths:
        return None
    return (extracted(path, texts)[2] for path in paths)


def evaluate(directory: Path, report: Report, texts: Path = DEFAULT_TEXTS) -> None:
    """Extract every document the gold files under `directory` name and score its events."""
    for path in gold_files(directory):
        score_document(*extracted(path, texts), report)
    report.scores = dict(sorted(report.scores.items(), key=lambda item: (item[0].count("."), item[0])))


def score_document(name: str, gold: Gold, result: Extraction, report: Report) -> None:
    """Add one document's strict, loose and per-type counts to `report`, and the strict misses and
    false events to its errors. `events.strict.confident` is the strict score of the events whose
    confidence is at least 0.5."""
    for strict, label in ((True, "strict"), (False, "loose")):
        matched, false = match_events(result, gold, strict)
        hits = {id(e) for e in matched.values()}
        for want in gold["events"]:
            if want["required"]:
                hit = matched.get(want["id"])
                count(report, f"events.{label}", want["type"], gold=True, right=hit is not None)
                if strict:
                    sure = hit is not None and hit.confidence >= CONFIDENT
                    count(report, "events.strict.confident", None, gold=True, right=sure)
                if hit is None and strict:
                    report.errors.append(f"{name} MISS {want['type']} {want['id']}: «{want['evidence']}»")
        for event in result.events:
            count(report, f"events.{label}", event.type, gold=False, right=id(event) in hits)
            if strict and event.confidence >= CONFIDENT:
                count(report, "events.strict.confident", None, gold=False, right=id(event) in hits)
        if strict:
            report.errors.extend(f"{name} FALSE {describe(e, result)}" for e in false)


def count(report: Report, name: str, type: str | None, gold: bool, right: bool) -> None:
    """One gold event (`gold`) or one output event counted under `name` and `name.TYPE`."""
    for score in [report.score(name)] + ([report.score(f"{name}.{type}")] if type else []):
        if gold:
            score.gold += 1
            score.correct_gold += right
        else:
            score.pred += 1
            score.correct_pred += right


def describe(event: Event, result: Extraction) -> str:
    """`ARREST actors -> recipients: «evidence»`, as the error list prints a false event."""
    names = {e.id: e.name for e in result.entities}
    actors = ", ".join(names[a] for a in event.actor) or "-"
    recipients = ", ".join(names[r] for r in event.recipient) or "-"
    evidence = " | ".join(s.text for s in event.evidence)
    return f"{event.type} {actors} -> {recipients}: «{evidence}»"
