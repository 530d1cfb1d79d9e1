"""The attachment model: the probability that a mention fills a slot of another in the same sentence.

One logistic regression per relation over the pair features of `letopis.learn.features`, trained on
NEREL v1.1 train by `scripts/train_attachment.py` (`make model`) and shipped as plain data
(`attachment.json.gz`: per relation a bias and feature weights, the navec cluster centroids, the feature
version and the provenance). Scoring needs only the standard library and numpy. docs/learning.md.

    model = load()
    model.probability("works_as", parsed, лавров, министр, rivals)  # 0.97
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from letopis.learn.features import VERSION, Argument, Clusters, Kind, features, head
from letopis.nlp import Parsed, pipeline

MODEL = Path(__file__).with_name("attachment.json.gz")
FORMAT = "letopis attachment model"

# relation -> (kinds of the anchor, kinds of the candidate)
RELATIONS: dict[str, tuple[frozenset[Kind], frozenset[Kind]]] = {
    "works_as": (frozenset({"PER"}), frozenset({"PROF"})),
    "workplace": (frozenset({"PER", "PROF"}), frozenset({"ORG", "LOC", "FAC"})),
    "event_agent": (frozenset({"EVENT"}), frozenset({"PER", "PROF", "ORG", "LOC"})),
    "event_participant": (frozenset({"EVENT"}), frozenset({"PER", "PROF", "ORG", "LOC"})),
    "event_place": (frozenset({"EVENT"}), frozenset({"LOC", "FAC", "ORG"})),
    "event_time": (frozenset({"EVENT"}), frozenset({"DATE"})),
}


@dataclass(frozen=True, slots=True)
class Linear:
    """Weights of the features that count for one relation, the bias, and the probability from which a pair
    is taken as linked (the cut with the best F1 on held-out folds of the training documents)."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5

    def probability(self, found: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) for name in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True, slots=True)
class Model:
    relations: Mapping[str, Linear]
    clusters: Clusters
    provenance: str

    def probability(
        self, relation: str, parsed: Parsed, anchor: Argument, candidate: Argument, rivals: Sequence[Argument] = ()
    ) -> float:
        """How likely `candidate` fills the `relation` slot of `anchor`; `rivals` are the other candidates of
        the sentence (the nearest of its kind reads differently from one further away). 0.0 for mentions in
        different sentences: the model reads one sentence."""
        if not same_sentence(parsed, anchor, candidate):
            return 0.0
        return self.relations[relation].probability(features(parsed, anchor, candidate, rivals, self.clusters))

    def rank(
        self, relation: str, parsed: Parsed, anchor: Argument, mentions: Iterable[Argument]
    ) -> list[tuple[Argument, float]]:
        """The mentions of the anchor's sentence of a kind that may fill the slot, with their probability,
        the most likely first."""
        kinds = RELATIONS[relation][1]
        found = [m for m in mentions if m.kind in kinds and m.tokens != anchor.tokens]
        candidates = [m for m in found if same_sentence(parsed, anchor, m)]
        scored = [(m, self.probability(relation, parsed, anchor, m, candidates)) for m in candidates]
        return sorted(scored, key=lambda pair: -pair[1])

    def linked(
        self, relation: str, parsed: Parsed, anchor: Argument, mentions: Iterable[Argument]
    ) -> list[tuple[Argument, float]]:
        """The mentions of `rank` at or above the relation's threshold: the slot's fillers (none, one or more)."""
        cut = self.relations[relation].threshold
        return [(m, p) for m, p in self.rank(relation, parsed, anchor, mentions) if p >= cut]


def same_sentence(parsed: Parsed, anchor: Argument, candidate: Argument) -> bool:
    tokens = parsed.tokens
    return tokens[head(parsed, anchor.tokens)].sent == tokens[head(parsed, candidate.tokens)].sent


def navec(word: str) -> NDArray[np.float32] | None:
    """navec's vector of a word, from the NLP models of the process (built on first use)."""
    return pipeline().vector(word)


def from_json(record: Mapping[str, Any]) -> Model:
    if record.get("format") != FORMAT or record.get("features_version") != VERSION:
        raise ValueError(
            f"not an attachment model of feature version {VERSION}: {record.get('format')!r}, "
            f"version {record.get('features_version')!r} (rebuild it: make model)"
        )
    relations = {
        name: Linear(float(r["bias"]), dict(r["weights"]), float(r["threshold"]))
        for name, r in record["relations"].items()
    }
    clusters = Clusters(np.asarray(record["clusters"], dtype=np.float32), navec)
    return Model(relations, clusters, str(record["provenance"]))


@cache
def load(path: Path = MODEL) -> Model:
    """The model shipped in the package (or at `path`), read once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return from_json(json.load(file))
