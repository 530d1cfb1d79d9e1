"""The named mentions of a stretch of text as the attachment model's arguments (`letopis.learn`), for the
role and event steps that ask the model."""

from __future__ import annotations

from letopis.extractors.entities.records import Cluster
from letopis.learn.features import Argument, Kind

KINDS: dict[str, Kind] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def named_arguments(clusters: list[Cluster], first: int, last: int) -> list[tuple[Argument, Cluster]]:
    """The mentions (role phrases and anaphors left out) that start in tokens [first, last), entity by
    entity, with their entities."""
    return [
        (Argument(range(cand.first, cand.last), KINDS[item.type]), item)
        for item in clusters
        for cand in item.candidates
        if first <= cand.first < last
    ]
