"""NEREL in brat format (`.txt` + `.ann`): entities mapped to PER / ORG / LOC, occupation triples
(WORKS_AS person -> profession, with the person's WORKPLACE) and event participants (EVENT entities
with AGENT / PARTICIPANT_IN). See docs/evaluation.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from letopis.evaluate.score import (
    Report,
    Spans,
    aligned,
    entity_ranges,
    filter_overlapping,
    match_facts,
    overlaps,
    predicted_spans,
    quote,
    score_ner,
    stem,
)
from letopis.lexicon import position_class
from letopis.model import Extraction
from letopis.pipeline import extract_document
from letopis.read.text import parse_text

NER_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "CITY": "LOC", "COUNTRY": "LOC", "STATE_OR_PROVINCE": "LOC",
             "DISTRICT": "LOC", "LOCATION": "LOC"}  # fmt: skip
PARTICIPATION = {"AGENT", "PARTICIPANT_IN"}
Ranges = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Triple:
    person: Ranges
    profession: Ranges
    workplace: Ranges | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    span: tuple[int, int]
    participants: list[Ranges]


@dataclass(frozen=True, slots=True)
class Gold:
    name: str
    text: str
    ner: Spans
    triples: list[Triple]
    events: list[GoldEvent]


def load(path: Path) -> Gold:
    text = path.read_bytes().decode("utf-8")
    entities: dict[str, tuple[str, Ranges]] = {}
    relations: list[tuple[str, str, str]] = []
    for line in path.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            type, _, positions = parts[1].partition(" ")
            ranges = [(int(a), int(b)) for a, b in (p.split() for p in positions.split(";"))]
            entities[parts[0]] = (type, ranges)
        elif line.startswith("R") and len(parts) >= 2:
            kind, arg1, arg2 = parts[1].split()[:3]
            relations.append((kind, arg1.split(":")[1], arg2.split(":")[1]))
    ner = [(r[0][0], r[-1][1], NER_TYPES[t]) for t, r in entities.values() if t in NER_TYPES]
    workplaces: dict[str, list[str]] = {}
    for kind, arg1, arg2 in relations:
        if kind == "WORKPLACE":
            workplaces.setdefault(arg1, []).append(arg2)
    triples = []
    for kind, person, profession in relations:
        if kind == "WORKS_AS" and person in entities and profession in entities:
            places = [w for w in workplaces.get(person, []) if w in entities]
            nearest = min(places, key=lambda w: abs(entities[w][1][0][0] - entities[profession][1][0][0]), default=None)
            triples.append(
                Triple(entities[person][1], entities[profession][1], entities[nearest][1] if nearest else None)
            )
    participants: dict[str, list[Ranges]] = {}
    for kind, arg1, arg2 in relations:
        if kind in PARTICIPATION and arg2 in entities and entities[arg2][0] == "EVENT" and arg1 in entities:
            participants.setdefault(arg2, []).append(entities[arg1][1])
    events = [GoldEvent(entities[e][1][0], found) for e, found in participants.items()]
    return Gold(path.stem, text, aligned(filter_overlapping(ner), text), triples, events)


def triple_credit(triple: Triple, result: Extraction, index: int, ranges: dict[str, Ranges]) -> float:
    """Person 1, workplace 1 (when the gold has one), profession 0.5; the person must match."""
    job = result.occupations[index]
    if not overlaps(ranges[job.person], triple.person):
        return 0.0
    total, got = 1.5, 1.0
    words = {stem(w) for w in job.position.split()}
    profession = " ".join(result.document.text[s:e] for s, e in triple.profession)
    got += 0.5 * any(stem(w) in words for w in profession.split())
    if triple.workplace is not None:
        total += 1
        got += job.where is not None and overlaps(ranges[job.where], triple.workplace)
    return got / total


def evaluate(directory: Path, report: Report) -> None:
    for path in sorted(directory.glob("*.txt")):
        if not path.with_suffix(".ann").exists():
            continue
        gold = load(path)
        result = extract_document(parse_text(gold.text, str(path), gold.name))
        score_ner(
            gold.text, gold.ner, aligned(filter_overlapping(predicted_spans(result)), gold.text), report, gold.name
        )
        ranges = entity_ranges(result)
        score_triples(gold, result, ranges, report)
        score_events(gold, result, ranges, report)


def score_triples(gold: Gold, result: Extraction, ranges: dict[str, Ranges], report: Report) -> None:
    """An owner or founder (`основатель Facebook`, class `owner` in lexicon/positions.tsv) is NEREL's
    FOUNDED_BY or OWNER_OF, not a WORKS_AS, as it is factRuEval's Ownership: it is not submitted."""
    jobs = [i for i, job in enumerate(result.occupations) if position_class(job.position) != "owner"]
    credit = [[triple_credit(t, result, i, ranges) for i in jobs] for t in gold.triples]
    total, matched = match_facts(credit)
    score = report.score("occupation.triple")
    score.correct_pred += total
    score.correct_gold += total
    score.pred += len(jobs)
    score.gold += len(gold.triples)
    for number, triple in enumerate(gold.triples):
        if number not in matched:
            start, end = triple.person[0]
            report.errors.append(f"{gold.name} FN Occupation {quote(gold.text, start, end, 60)}")


def score_events(gold: Gold, result: Extraction, ranges: dict[str, Ranges], report: Report) -> None:
    """A gold event is found when one of letopis' events has it in an evidence sentence; participants
    are then compared by overlapping mentions. An implied actor (`власти` behind `был арестован`) has no
    words of its own in the text and is left out of this comparison; `event.participants.implied` counts
    it as a wrong participant."""
    detected = report.score("event.detected")
    found = report.score("event.participants")
    counted = report.score("event.participants.implied")
    implied = {e.id for e in result.entities if e.generic and all(m.anaphor for m in e.mentions)}
    for event in gold.events:
        detected.gold += 1
        ours = [e for e in result.events if any(s.start <= event.span[0] < s.end for s in e.evidence)]
        if not ours:
            report.errors.append(f"{gold.name} FN Event {quote(gold.text, event.span[0], event.span[1], 60)}")
            continue
        detected.correct_gold += 1
        best = max(ours, key=lambda e: sum(any(overlaps(ranges[p], g) for p in e.actor + e.recipient)
                                           for g in event.participants))  # fmt: skip
        everyone = list(best.actor + best.recipient)
        for score, parties in ((found, [p for p in everyone if p not in implied]), (counted, everyone)):
            score.gold += len(event.participants)
            score.correct_gold += sum(any(overlaps(ranges[p], g) for p in parties) for g in event.participants)
            score.pred += len(parties)
            score.correct_pred += sum(any(overlaps(ranges[p], g) for g in event.participants) for p in parties)
    detected.pred += len(result.events)
    detected.correct_pred += sum(
        any(any(s.start <= g.span[0] < s.end for s in e.evidence) for g in gold.events) for e in result.events
    )
