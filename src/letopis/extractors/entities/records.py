"""The records of entity finding: a `Candidate` is one explicit mention of a name, a `Cluster` one
entity of the document with all its mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from letopis.lexicon.gazetteer import Place
from letopis.model import EntityType, Mention


@dataclass(slots=True)
class Candidate:
    """One explicit mention of a name, before mentions are grouped into entities."""

    type: EntityType
    first: int
    last: int
    start: int
    end: int
    name: str
    place: Place | None = None
    country: str | None = None
    alias_of: Candidate | None = None
    adjective: bool = False

    def mention(self, text: str) -> Mention:
        return Mention(self.start, self.end, text[self.start : self.end], self.adjective)


@dataclass(slots=True)
class Cluster:
    """One entity of the document and all its mentions (anaphors are added by the role extractor).
    `generic` is the PLOVER sector of a generic agent (`полиция`, `демонстранты`), which names no one."""

    type: EntityType
    candidates: list[Candidate]
    anaphors: list[Mention] = field(default_factory=list)
    id: str = ""
    generic: str | None = None
    looked: tuple[int, Place | None] = field(default=(0, None), repr=False, compare=False)

    @property
    def name(self) -> str:
        if self.type == "LOC" and (place := self.place) is not None:
            return place.name
        names = [c.name for c in self.candidates if c.alias_of is None] or [c.name for c in self.candidates]
        return max(names, key=lambda n: (len(n.split()), len(n)))

    @property
    def place(self) -> Place | None:
        """The place of the first mention that resolves to one. Mentions are only added at the end once
        `cluster` has sorted them, so a mention is looked at once however often this is asked (`looked`:
        the mentions looked at so far, the place found)."""
        seen, place = self.looked
        if place is None and seen < len(self.candidates):
            place = next((c.place for c in self.candidates[seen:] if c.place is not None), None)
            self.looked = (len(self.candidates), place)
        return place

    @property
    def first(self) -> int:
        return min(c.first for c in self.candidates)
