"""factRuEval-2016 in its official format (`book_N.txt`, `.spans`, `.objects`, `.coref`, `.facts`):
NER as naeval counts it and the Track 3 facts Occupation and Meeting. See docs/evaluation.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from letopis.evaluate.official import half as official_half
from letopis.evaluate.official import meeting_parties
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

NER_TYPES = {"Person": "PER", "Org": "ORG", "LocOrg": "LOC", "Location": "LOC"}
NAME_SPANS = {"Org": "org_name", "LocOrg": "loc_name", "Location": "loc_name"}
Ranges = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Fact:
    type: str
    slots: dict[str, list[Ranges]]


@dataclass(frozen=True, slots=True)
class Gold:
    name: str
    text: str
    ner: Spans
    facts: list[Fact]


def rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].split() for line in lines]


def load(path: Path) -> Gold:
    """One document: its text, gold NER spans (naeval's selection) and facts with mention offsets."""
    text = path.read_bytes().decode("utf-8")
    stem_path = path.with_suffix("")
    spans = {r[0]: (r[1], int(r[2]), int(r[2]) + int(r[3])) for r in rows(stem_path.with_suffix(".spans")) if r}
    objects = {r[0]: (r[1], r[2:]) for r in rows(stem_path.with_suffix(".objects")) if r}
    ner: Spans = []
    for type, span_ids in objects.values():
        parts = [spans[s] for s in span_ids if s in spans]
        if type == "Person" and parts:
            ner.append((min(p[1] for p in parts), max(p[2] for p in parts), "PER"))
        elif type in NAME_SPANS:
            named = [(p[1], p[2], NER_TYPES[type]) for p in parts if p[0] == NAME_SPANS[type]]
            ner += filter_overlapping(named)
    groups = coref_groups(stem_path.with_suffix(".coref"))
    mentions = {
        group: [(spans[s][1], spans[s][2]) for o in members if o in objects for s in objects[o][1] if s in spans]
        for group, members in groups.items()
    }
    facts: list[Fact] = []
    for kind, block in fact_blocks(stem_path.with_suffix(".facts")):
        fact = Fact(kind, slots_of(block, mentions, spans))
        if fact not in facts:  # the same fact annotated twice counts once
            facts.append(fact)
    return Gold(path.stem, text, aligned(filter_overlapping(ner), text), facts)


def coref_groups(path: Path) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for row in rows(path):
        if row and row[0].isdigit() and all(p.isdigit() for p in row):
            groups[row[0]] = row[1:]
    return groups


def fact_blocks(path: Path) -> list[tuple[str, list[list[str]]]]:
    blocks: list[tuple[str, list[list[str]]]] = []
    for row in rows(path):
        if len(row) == 2 and "-" in row[0] and row[0].split("-")[0].isdigit():
            blocks.append((row[1], []))
        elif row and blocks:
            blocks[-1][1].append(row)
    return blocks


def slots_of(block: list[list[str]], mentions: dict[str, Ranges], spans: dict[str, tuple[str, int, int]]
             ) -> dict[str, list[Ranges]]:  # fmt: skip
    slots: dict[str, list[Ranges]] = {}
    for row in block:
        if len(row) < 2:
            continue
        slot, ref = row[0], row[1]
        if ref.startswith("obj") and ref[3:] in mentions:
            slots.setdefault(slot, []).append(mentions[ref[3:]])
        elif ref.startswith("span") and ref[4:] in spans:
            _, start, end = spans[ref[4:]]
            slots.setdefault(slot, []).append([(start, end)])
    return slots


def occupation_credit(fact: Fact, result: Extraction, index: int, ranges: dict[str, Ranges]) -> float:
    """Who 1, Where 1 (when the gold has it), Position 0.5; Who must match for any credit."""
    job = result.occupations[index]
    who = any(overlaps(ranges[job.person], r) for r in fact.slots.get("Who", []))
    if not who:
        return 0.0
    total, got = 1.0, 1.0
    if "Where" in fact.slots:
        total += 1
        got += job.where is not None and any(overlaps(ranges[job.where], r) for r in fact.slots["Where"])
    if "Position" in fact.slots:
        total += 0.5
        words = {stem(w) for w in job.position.split()}
        text = result.document.text
        position = [text[s:e] for r in fact.slots["Position"] for s, e in r]
        hit = overlaps([(job.evidence.start, job.evidence.end)], [x for r in fact.slots["Position"] for x in r]) and (
            any(stem(w) in words for p in position for w in p.split())
        )
        got += 0.5 * hit
    return got / total


def meeting_credit(fact: Fact, result: Extraction, index: int, ranges: dict[str, Ranges]) -> tuple[float, float]:
    """Share of the gold participants found among the event's, and of the event's that are gold."""
    parties = meeting_parties(result.events[index], result, least=1)
    gold = fact.slots.get("Participant", [])
    if not gold or not parties:
        return 0.0, 0.0
    found = sum(any(overlaps(ranges[p], g) for p in parties) for g in gold)
    right = sum(any(overlaps(ranges[p], g) for g in gold) for p in parties)
    return found / len(gold), right / len(parties)


def evaluate(directory: Path, report: Report, half: str | None = None) -> list[tuple[str, Extraction]]:
    """Score every document of `directory` (or of one `half` of it, see `official.half`) and return
    the extractions by document name."""
    results: list[tuple[str, Extraction]] = []
    for path in sorted(directory.glob("*.txt")):
        if half is not None and official_half(path.stem) != half:
            continue
        gold = load(path)
        result = extract_document(parse_text(gold.text, str(path), gold.name))
        score_ner(
            gold.text, gold.ner, aligned(filter_overlapping(predicted_spans(result)), gold.text), report, gold.name
        )
        score_occupations(gold, result, report)
        score_meetings(gold, result, report)
        results.append((path.stem, result))
    return results


def score_occupations(gold: Gold, result: Extraction, report: Report) -> None:
    """Occupation facts are a person at an organisation or place (206 of the devset's 207 have a Where):
    `fact.Occupation` scores the facts (`document_facts`) of the occupations with a `where`,
    `fact.Occupation.all` those of every occupation. The errors listed are those of all of them."""
    facts = [f for f in gold.facts if f.type == "Occupation"]
    ranges = entity_ranges(result)
    credit = {i: [occupation_credit(f, result, i, ranges) for f in facts] for i in range(len(result.occupations))}
    matched: list[int] = []
    groups: list[list[int]] = []
    for name, placed in (("fact.Occupation", True), ("fact.Occupation.all", False)):
        groups = document_facts(result, placed)
        table = [[max(credit[i][g] for i in group) for group in groups] for g in range(len(facts))]
        total, matched = match_facts(table)
        score = report.score(name)
        score.correct_pred += total
        score.correct_gold += total
        score.pred += len(groups)
        score.gold += len(facts)
    for number, fact in enumerate(facts):
        if number not in matched:
            who = fact.slots.get("Who", [[(0, 0)]])[0][0]
            report.errors.append(f"{gold.name} FN Occupation {quote(gold.text, who[0], who[1], 60)}")
    for group in groups:
        if max((c for i in group for c in credit[i]), default=0.0) == 0:
            job = result.occupations[group[0]]
            context = quote(gold.text, job.evidence.start, job.evidence.end, 40)
            report.errors.append(f"{gold.name} FP Occupation {context} -> {job.position}")


def document_facts(result: Extraction, placed: bool) -> list[list[int]]:
    """factRuEval states a fact once per document, whatever the number of its mentions: the occupations
    (with a `where` when `placed`) grouped by person, position and where, as indexes into
    `result.occupations`. A group earns the credit of its best occupation. An owner or founder
    (`основатель MySQL`) is a factRuEval Ownership fact, not an Occupation, and is left out."""
    groups: dict[tuple[str, str, str | None], list[int]] = {}
    for index, job in enumerate(result.occupations):
        if (job.where is not None or not placed) and position_class(job.position) != "owner":
            groups.setdefault((job.person, job.position, job.where), []).append(index)
    return list(groups.values())


def score_meetings(gold: Gold, result: Extraction, report: Report) -> None:
    """A Meeting is met by a CONSULT event through its persons and organisations (`meeting_parties`): a
    place is no participant (a country visited). An event with one of them still earns the share of the
    gold participants it names; the official writer sends only events with two."""
    facts = [f for f in gold.facts if f.type == "Meeting"]
    consults = [i for i, e in enumerate(result.events) if meeting_parties(e, result, least=1)]
    ranges = entity_ranges(result)
    recall = [[meeting_credit(f, result, i, ranges)[0] for i in consults] for f in facts]
    precision = [[meeting_credit(f, result, i, ranges)[1] for i in consults] for f in facts]
    found, matched = match_facts(recall)
    right, _ = match_facts(precision)
    score = report.score("fact.Meeting")
    score.correct_gold += found
    score.gold += len(facts)
    score.correct_pred += right
    score.pred += len(consults)
    for number, fact in enumerate(facts):
        if number not in matched:
            first = fact.slots.get("Participant", [[(0, 0)]])[0][0]
            report.errors.append(f"{gold.name} FN Meeting {quote(gold.text, first[0], first[1], 60)}")
