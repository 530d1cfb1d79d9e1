"""What every event step reads: the document, its parse, its entities, and which tokens name which entity.
Built once per document; the steps do not change it, save that resolving a country adjective
(`пакистанских кругов`) may add the country's entity to `clusters` through `countries`, as the entity
extractor does, a generic agent (`полиция задержала`) its entity through `agents`, and that the full date
a sentence states is kept in `full_dates` once read."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from datetime import date

from letopis.extractors.entities import Cluster, Countries
from letopis.extractors.events.agents import Agents
from letopis.extractors.roles import Role
from letopis.model import Document
from letopis.nlp import Parsed, Sentence, Token


@dataclass(slots=True)
class DatelineScan:
    """Memo of the search for the dateline's place entity: how many entities were looked at, and the one
    found; entities added since the last look are looked at once."""

    seen: int = 0
    found: Cluster | None = None


@dataclass(frozen=True, slots=True)
class Context:
    doc: Document
    parsed: Parsed
    clusters: list[Cluster]
    entity_at: Mapping[int, Cluster]
    """Token index -> the entity its mention names or, for an anaphor (`Глава Карачи`), refers to."""
    described: Set[int]
    """Tokens of role phrases that describe their person: `президент США` in `президент США Барак Обама`."""
    anaphoric: Set[int]
    """Tokens of anaphors: no place is stated by them."""
    countries: Countries
    dateline: DatelineScan
    agents: Agents
    full_dates: dict[int, date | None]
    """Sentence index -> the full date the sentence states, for the sentences looked at so far."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.parsed.tokens


# How a step names the entities a token stands for (`resolution.resolve`), passed to the modules it calls.
Resolver = Callable[["Context", Token, Sentence], list[Cluster]]


def build_context(doc: Document, parsed: Parsed, clusters: list[Cluster], roles: list[Role]) -> Context:
    """The context of a document whose entities and roles are found: a token belongs to the entity an
    anaphor over it refers to, else to the first entity with a name mention over it."""
    entity_at: dict[int, Cluster] = {}
    anaphoric: set[int] = set()
    for item in clusters:
        for cand in item.candidates:
            for index in range(cand.first, cand.last):
                entity_at.setdefault(index, item)
        for mention in item.anaphors:
            first, last = parsed.token_range(mention.start, mention.end)
            for index in range(first, last):
                entity_at[index] = item
                anaphoric.add(index)
    described = frozenset(
        i
        for role in roles
        for i in range(*parsed.token_range(role.evidence.start, role.evidence.end))
        if entity_at.get(i) is not role.person
    )
    return Context(doc, parsed, clusters, entity_at, described, anaphoric, Countries(clusters), DatelineScan(),
                   Agents(clusters), {})  # fmt: skip
