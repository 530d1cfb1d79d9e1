"""What every role rule reads: the parse, the document's entities, the mention each token belongs to,
and lookups found once (the persons of each sentence, the entities each descriptor noun names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from letopis.extractors.entities import Candidate, Cluster, Countries
from letopis.nlp import Parsed, Token

QUOTE_MARKS = {'"', "«", "»", "“", "”", "„", "(", ")"}
APPOSITION_MARKS = {",", "-", "–", "—"}
GAP_POS = {"ADJ", "NOUN", "PROPN", "X", "ADP", "NUM", "CCONJ", "DET", "ADV"}

# descriptor lemma -> the ends of the mentions it describes, in increasing order, and for each end the
# (first token, -order, entity) of the mention named last among those ending there or before
DescriptorIndex = tuple[list[int], list[tuple[int, int, Cluster]]]


class Mentions:
    """Token index -> the mention it is part of and that mention's entity (`Пакистане` in `Посол
    Казахстана в Пакистане`). It grows in one way only, through `adjective_country`: a country adjective
    that gives a role its place becomes a mention of that country (`казахстанский посол`), which the
    rules applied after it read as a named place."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.by_token: dict[int, tuple[Candidate, Cluster]] = {}
        for item in clusters:
            for cand in item.candidates:
                for index in range(cand.first, cand.last):
                    self.by_token[index] = (cand, item)
        self.countries = Countries(clusters)

    def __contains__(self, index: int) -> bool:
        return index in self.by_token

    def get(self, index: int) -> tuple[Candidate, Cluster] | None:
        return self.by_token.get(index)

    def entity(self, index: int) -> Cluster | None:
        """The entity a token names, if it is part of a mention."""
        found = self.by_token.get(index)
        return found[1] if found is not None else None

    def is_person(self, index: int) -> bool:
        item = self.entity(index)
        return item is not None and item.type == "PER"

    def is_thing(self, index: int) -> bool:
        """Whether a token is part of the name of an organisation or a place."""
        item = self.entity(index)
        return item is not None and item.type != "PER"

    def country(self, iso3: str) -> Cluster | None:
        """The document's entity for a country, if the text names it (or a country adjective has made
        one)."""
        return self.countries.get(iso3)

    def adjective_country(self, iso3: str, token: Token) -> Cluster | None:
        """The entity of the country a country adjective names (made when the text names no such
        country), with the adjective as one of its mentions from now on."""
        item = self.countries.adjective(iso3, token)
        if item is not None and token.index not in self.by_token:
            self.by_token[token.index] = (item.candidates[-1], item)
        return item


@dataclass(frozen=True)
class Context:
    """The document the role rules read; the lookups are found on first use and never change."""

    parsed: Parsed
    clusters: list[Cluster]
    mentions: Mentions

    @classmethod
    def of(cls, parsed: Parsed, clusters: list[Cluster]) -> Context:
        return cls(parsed, clusters, Mentions(clusters))

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.parsed.tokens

    def may_stand_between(self, token: Token) -> bool:
        """Whether a word may stand between a position and the name it heads: a name of a place or an
        organisation, a noun, an adjective, a preposition, a quote."""
        if token.index in self.mentions:
            return self.mentions.is_thing(token.index)
        return token.pos in GAP_POS or token.text in QUOTE_MARKS or token.text == "№"  # `больницы № 17`

    @cached_property
    def persons_by_sentence(self) -> dict[int, list[tuple[int, Cluster]]]:
        """Sentence -> the persons named in it with their place among the entities."""
        found: dict[int, list[tuple[int, Cluster]]] = {}
        for order, item in enumerate(self.clusters):
            named = {self.tokens[c.first].sent for c in item.candidates} if item.type == "PER" else set()
            for sentence in named:
                found.setdefault(sentence, []).append((order, item))
        return found

    @cached_property
    def descriptor_index(self) -> dict[str, DescriptorIndex]:
        """Descriptor lemma -> the mentions it describes (see `DescriptorIndex`). A mention is described
        by its head noun (`Калининградская область`) and, an organisation's, by the word before it
        (`партии «Яблоко»`, not `парламента Греции`). Found once: entities added later are country
        adjectives, which no noun describes."""
        tokens = self.tokens
        described: dict[str, list[tuple[int, int, int, Cluster]]] = {}
        for item in self.clusters:
            for cand in item.candidates if item.type != "PER" else ():
                before = cand.first - 1
                while before > 0 and tokens[before].text in QUOTE_MARKS:
                    before -= 1
                head_noun = next((t.lemma.lower() for t in tokens[cand.first : cand.last] if t.pos == "NOUN"), None)
                named = tokens[before].lemma.lower() if item.type == "ORG" and before >= 0 else None
                for word in dict.fromkeys(w for w in (head_noun, named) if w is not None):
                    entries = described.setdefault(word, [])
                    entries.append((cand.last, cand.first, -len(entries), item))
        return {word: latest_by_end(entries) for word, entries in described.items()}


def latest_by_end(mentions: list[tuple[int, int, int, Cluster]]) -> DescriptorIndex:
    """(last, first, -order, entity) mentions -> their ends in increasing order and, for each, the
    greatest (first, -order, entity) among the mentions that end there or before."""
    ends: list[int] = []
    latest: list[tuple[int, int, Cluster]] = []
    for last, first, order, item in sorted(mentions, key=lambda m: m[:3]):
        best = (first, order, item)
        if latest and latest[-1][:2] > best[:2]:
            best = latest[-1]
        ends.append(last)
        latest.append(best)
    return ends, latest
