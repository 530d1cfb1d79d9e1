"""Actors the grammar does not give, found by the attachment model (`letopis.learn`, trained on NEREL v1.1
train): when a trigger has no subject, no passive agent and no genitive agent, the party of its sentence
that the model links to it as agent (`event_agent`) with probability `SURE` or more is its actor."""

from __future__ import annotations

from letopis.extractors.entities import Cluster, named_arguments
from letopis.extractors.events.context import Context
from letopis.extractors.events.records import Occurrence, is_party
from letopis.learn.attachment import load
from letopis.learn.features import Argument

# The probability from which the model's agent link is taken (2026-12-02: the event gold's tune half keeps
# strict F1 0.301 at 0.5 and 0.7, 0.300 at 0.3; NEREL train event participants, 150 documents: 0.610
# without the model, 0.610 at 0.7, 0.626 at 0.5, 0.630 at 0.3).
SURE = 0.5


def learned_agents(ctx: Context, occurrence: Occurrence) -> list[Cluster]:
    """The parties of the trigger's sentence the model links to it as agent, the most likely first."""
    sent = occurrence.sent
    named = named_arguments(ctx.clusters, sent.first, sent.last)
    offered = {argument.tokens: (argument, item) for argument, item in named if is_party(item)}
    if not offered:
        return []
    model = load()
    anchor = min(m.anchor for m in occurrence.matches)
    arguments = [argument for argument, _ in offered.values()]
    ranked = model.rank("event_agent", ctx.parsed, Argument(range(anchor, anchor + 1), "EVENT"), arguments)
    found: list[Cluster] = []
    for argument, probability in ranked:
        item = offered[argument.tokens][1]
        if probability >= SURE and all(item is not c for c in found):
            found.append(item)
    return found
