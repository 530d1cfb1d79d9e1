"""The records the event steps pass on: the triggers of one type in one sentence, and the event being
built from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from letopis.extractors.entities import Cluster
from letopis.extractors.events.triggers import Match
from letopis.lexicon import metonyms, not_org_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import key
from letopis.model import Span
from letopis.nlp import Sentence

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """The triggers of one PLOVER type in one sentence, with the anchors of the other types' triggers
    there, which end its clause (`провел переговоры ..., где обсудил ...`: CONSULT, then AGREE)."""

    sent: Sentence
    type: str
    matches: tuple[Match, ...]
    others: frozenset[int]

    @property
    def mode(self) -> str | None:
        """The mode of the first trigger that has one."""
        return next((m.trigger.mode for m in self.matches if m.trigger.mode), None)


def occurrences(sent: Sentence, matches: list[Match]) -> list[Occurrence]:
    """The matches of a sentence grouped by type, in the order each type first occurs."""
    by_type: dict[str, list[Match]] = {}
    for match in matches:
        by_type.setdefault(match.trigger.type, []).append(match)
    return [
        Occurrence(sent, type, tuple(found), frozenset(m.anchor for t, ms in by_type.items() if t != type for m in ms))
        for type, found in by_type.items()
    ]


@dataclass(frozen=True, slots=True)
class Parties:
    """Who takes part in an event: its actors, its recipients, and whether the text names the actor (not
    taken from the protagonist or the previous event)."""

    actor: list[Cluster]
    recipient: list[Cluster]
    explicit: bool


@dataclass(slots=True)
class Draft:
    """An event while it is being built; `merge` joins reports of one event, `finish` turns it into an
    `Event`."""

    type: str
    mode: str | None
    modality: str
    actor: list[Cluster]
    recipient: list[Cluster]
    place: Cluster | None
    date: date | None
    evidence: list[Span]
    topics: list[str]
    contexts: list[str]
    unit: str
    sentence: int
    explicit_actor: bool = field(default=False)
    precision: str = field(default="day")

    @property
    def participants(self) -> set[int]:
        return {id(c) for c in self.actor + self.recipient}


def unique(items: Iterable[T]) -> list[T]:
    """Items in order without repeats (entities by identity, strings by value)."""
    return list({id(item) if isinstance(item, Cluster) else item: item for item in items}.values())


def is_network(item: Cluster) -> bool:
    """`Интернет`, `Рунет`: named like an organisation, but no party to any event."""
    return item.type == "ORG" and item.name in not_org_words().get("common_noun", ())


def is_party(item: Cluster) -> bool:
    """Persons, organisations, countries and disputed territories with authorities of their own
    (`Южная Осетия`, lexicon/territories.tsv) take part in events, and places that stand for a government
    (`Кремль`, lexicon/metonyms.tsv); cities, regions, squares and celestial bodies are where things
    happen, and a network is no party."""
    if item.type == "ORG":
        return not is_network(item)
    if item.type != "LOC":
        return True
    if (place := item.place) is not None and (place.kind == "country" or gazetteer().territory(place) == place.name):
        return True
    return key(item.name) in metonyms()
