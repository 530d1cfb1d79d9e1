"""Scoring shared by the benchmarks: token-level NER as naeval counts it, and slot-filling facts with
partial credit. The exact rules are in docs/evaluation.md."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from razdel import tokenize

from letopis.lexicon.names import fold
from letopis.model import Extraction

TYPES = ("PER", "LOC", "ORG")
Spans = list[tuple[int, int, str]]


@dataclass(slots=True)
class Score:
    """Precision and recall as sums of (possibly partial) credit over counts."""

    correct_pred: float = 0.0
    pred: float = 0.0
    correct_gold: float = 0.0
    gold: float = 0.0

    def add(self, other: Score) -> None:
        self.correct_pred += other.correct_pred
        self.pred += other.pred
        self.correct_gold += other.correct_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.correct_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "predicted": self.pred, "gold": self.gold}  # fmt: skip


@dataclass(slots=True)
class Report:
    """Scores by name and the errors behind them (false negatives and false positives, with context)."""

    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def to_json(self) -> dict[str, object]:
        return {"scores": {k: v.to_json() for k, v in self.scores.items()}, "errors": self.errors}


def filter_overlapping(spans: Iterable[tuple[int, int, str]]) -> Spans:
    """naeval's rule: sorted by start (longest first), a span that overlaps the previous kept one goes."""
    kept: Spans = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and kept[-1][1] > span[0]:
            continue
        kept.append(span)
    return kept


def aligned(spans: Spans, text: str) -> Spans:
    """naeval drops spans whose bounds are not token bounds."""
    tokens = list(tokenize(text))
    starts, stops = {t.start for t in tokens}, {t.stop for t in tokens}
    return [s for s in spans if s[0] in starts and s[1] in stops]


def predicted_spans(result: Extraction, cut_place_tails: bool = True) -> Spans:
    """Named mentions (not role phrases, not country adjectives, not generic agents) as flat spans. With
    `cut_place_tails` (factRuEval's convention) an organisation whose name ends in its owner place (`МИД Грузии`) gives
    way to that place, while a place in a complement stays (`МЧС по Санкт-Петербургу`); NEREL keeps the
    place inside the organisation (`Верховный суд Испании`)."""
    spans = [
        (m.start, m.end, e.type)
        for e in result.entities
        if not e.generic
        for m in e.mentions
        if not m.anaphor and (e.type != "LOC" or m.text[:1].isupper() or not m.text[:1].isalpha())
    ]
    places = [s for s in spans if s[2] == "LOC"]
    text = result.document.text
    trimmed: Spans = []
    for start, end, type in spans:
        tail = next((p for p in places if cut_place_tails and type == "ORG" and start < p[0] and p[1] == end), None)
        head = text[start : tail[0]].rstrip() if tail is not None else ""
        if tail is not None and head.split()[-1].lower() not in {"по", "при", "и"}:
            end = start + len(head)
        trimmed.append((start, end, type))
    return trimmed


def covered(start: int, stop: int, spans: Spans, type: str) -> bool:
    return any(s[2] == type and s[0] <= start and stop <= s[1] for s in spans)


def score_ner(text: str, gold: Spans, pred: Spans, report: Report, name: str, context: int = 40) -> None:
    """Token-level IO precision and recall per type, as naeval scores NER: a token is tagged with a
    type when a span of that type covers it."""
    tokens = list(tokenize(text))
    for type in TYPES:
        score = report.score(f"ner.{type}")
        for token in tokens:
            g, p = covered(token.start, token.stop, gold, type), covered(token.start, token.stop, pred, type)
            score.pred += p
            score.correct_pred += p and g
            score.gold += g
            score.correct_gold += p and g
            if p != g:
                kind = "FP" if p else "FN"
                report.errors.append(f"{name} {kind} {type} {quote(text, token.start, token.stop, context)}")


def quote(text: str, start: int, stop: int, context: int) -> str:
    left = text[max(0, start - context) : start].replace("\n", " ")
    right = text[stop : stop + context].replace("\n", " ")
    return f"…{left}[{text[start:stop]}]{right}…"


def entity_ranges(result: Extraction) -> dict[str, list[tuple[int, int]]]:
    """Entity id -> the offsets of all its mentions, role phrases included."""
    return {e.id: [(m.start, m.end) for m in e.mentions] for e in result.entities}


def overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def stem(word: str) -> str:
    return fold(word)[:4]


def match_facts(gold: list[list[float]]) -> tuple[float, list[int]]:
    """Greedy one-to-one pairing of a credit matrix (gold x predicted), best pairs first."""
    pairs = sorted(((c, g, p) for g, row in enumerate(gold) for p, c in enumerate(row) if c > 0), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    total = 0.0
    for credit, g, p in pairs:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        total += credit
    return total, sorted(used_gold)


# Published figures the report prints beside letopis' own (docs/evaluation.md gives the sources).
ANCHORS = {
    "factru": {
        "ner.PER": "natasha 0.973, slovnet 0.959",
        "ner.LOC": "natasha 0.909, slovnet 0.915",
        "ner.ORG": "natasha 0.792, slovnet 0.825",
        "fact.Occupation": "best of factRuEval-2016: 0.662",
        "fact.Occupation.all": "best of factRuEval-2016: 0.662",
        "fact.Meeting": "best of factRuEval-2016: 0.234",
        "official.occupation": "best of factRuEval-2016: 0.662",
        "official.meeting": "best of factRuEval-2016: 0.234",
    },
}


def render_report(report: Report, benchmark: str) -> str:
    anchors = ANCHORS.get(benchmark, {})
    lines = [f"{'measure':<22} {'precision':>9} {'recall':>7} {'F1':>7} {'predicted':>10} {'gold':>7}  anchor"]
    for name, score in report.scores.items():
        lines.append(
            f"{name:<22} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>7.3f} {score.pred:>10.1f} "
            f"{score.gold:>7.1f}  {anchors.get(name, '')}".rstrip()
        )
    return "\n".join(lines) + "\n"
