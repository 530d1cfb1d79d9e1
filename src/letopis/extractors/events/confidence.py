"""Calibrated event confidence: the probability that an event is right, from a logistic model over what
the output itself shows (type, modality, who takes part, how often it is reported, where it is read).
The weights (lexicon/event_confidence.tsv) are fitted by scripts/fit_confidence.py on the `tune` half of
the event gold (gold/events/tune): an event is right when it matches a gold event by the strict rules."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import cache

from letopis.lexicon import rows
from letopis.model import Event, Extraction


@cache
def weights() -> dict[str, float]:
    return {feature: float(weight) for feature, weight in rows("event_confidence.tsv")}


def features(event: Event, result: Extraction) -> list[str]:
    """The signals of one event: `bias`, `type=ACCUSE`, `modality=future`, `actor`, `recipient`,
    `actor=PER|ORG|country`, `no_party`, `reports` (reported more than once), `headline`, `place`, `mode`."""
    kinds = {e.id: "country" if e.kind == "country" else e.type for e in result.entities}
    found = ["bias", f"type={event.type}"]
    if event.modality != "asserted":
        found.append(f"modality={event.modality}")
    found += ["actor"] * bool(event.actor) + ["recipient"] * bool(event.recipient)
    found += sorted({f"actor={kinds[a]}" for a in event.actor})
    found += ["no_party"] * (not event.actor and not event.recipient)
    found += ["reports"] * (len(event.evidence) > 1)
    headline = [u for u in result.document.units if u.kind == "headline"]
    found += ["headline"] * any(u.start <= event.evidence[0].start < u.end for u in headline)
    found += ["place"] * (event.place is not None) + ["mode"] * (event.mode is not None)
    return found


def probability(names: list[str]) -> float:
    score = sum(weights().get(name, 0.0) for name in names)
    return 1 / (1 + math.exp(-score))


def calibrated(result: Extraction) -> Extraction:
    """The extraction with each event's confidence set to its modelled probability of being right."""
    events = tuple(replace(e, confidence=round(probability(features(e, result)), 2)) for e in result.events)
    return replace(result, events=events)
