"""Actors the grammar does not give, found by the attachment model (`letopis.learn`, trained on NEREL v1.1
train): when a trigger has no subject, no passive agent and no genitive agent, the party of its sentence
that the model links to it as agent (`event_agent`) with probability `SURE` or more is its actor."""

from __future__ import annotations

from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.extractors.events.records import Occurrence
from letopis.learn.attachment import load
from letopis.learn.features import Argument, Kind

# The probability from which the model's agent link is taken (2026-12-02: the event gold's tune half keeps
# strict F1 0.301 at 0.5 and 0.7, 0.300 at 0.3; NEREL train event participants, 150 documents: 0.610
# without the model, 0.610 at 0.7, 0.626 at 0.5, 0.630 at 0.3).
SURE = 0.5


def learned_agents(ctx: Context, occurrence: Occurrence) -> list[Cluster]:
    """The parties of the trigger's sentence the model links to it as agent, the most likely first."""
    sent = occurrence.sent
    offered: dict[range, Cluster] = {}
    for item in ctx.clusters:
        party = item.type != "LOC" or (item.place is not None and item.place.kind == "country")
        for cand in item.candidates if party else []:
            if sent.first <= cand.first < sent.last:
                offered[range(cand.first, cand.last)] = item
    if not offered:
        return []
    model = load()
    anchor = min(m.anchor for m in occurrence.matches)
    kinds: dict[str, Kind] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    arguments = [Argument(span, kinds[item.type]) for span, item in offered.items()]
    ranked = model.rank("event_agent", ctx.parsed, Argument(range(anchor, anchor + 1), "EVENT"), arguments)
    found: list[Cluster] = []
    for argument, probability in ranked:
        if probability >= SURE and all(offered[argument.tokens] is not c for c in found):
            found.append(offered[argument.tokens])
    return found
