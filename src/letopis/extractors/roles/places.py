"""Where a position is held: a place or organisation named in the title (`Посол Казахстана в Пакистане`),
one a descriptor refers back to (`главу партии` after `партии «Яблоко»`), a country adjective
(`казахстанский посол`), or, for a post named without a place, the place the document gives it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cache

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import QUOTE_MARKS, Context
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of, title
from letopis.lexicon import org_phrases, org_words, position_scopes, positions, role_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import Span
from letopis.nlp import Token

ENVOY_PLACE_PREPOSITIONS = {"в", "во", "при"}
# (sector, class) of positions to which a country adjective tells nationality, not the workplace
# (`голландский предприниматель`, `российский бизнесмен`)
NATIONALITY_ONLY = {("BUS", "title"), ("BUS", "owner")}
PLACE_DESCRIPTORS = role_words()["place_descriptor"]
NOT_DESCRIPTORS = role_words()["not_descriptor"]


def role_at(context: Context, person: Cluster, index: int, gap: range, end: int, cand: Candidate) -> Role:
    """The role of the position word at `index` for a person named by `cand`: its title, and where it is
    held, read in the `gap` between the title and the name, else in a country adjective of the title;
    the evidence runs from the title (or the name) to `end`."""
    tokens = context.tokens
    position_word = position_of(context, tokens[index]) or tokens[index].lemma.lower()
    position, start, complement = title(context, index, gap.stop)
    where, accredited = stated_places(context, range(complement, gap.stop), index)
    if where is None:
        where = described(context, range(complement, gap.stop))
    if where is None and positions().get(position_word, (None, "")) not in NATIONALITY_ONLY:
        before = start
        while before > 0 and tokens[before - 1].pos == "ADJ" and tokens[before - 1].head == index:
            before -= 1
        where = adjective_country(context, range(before, gap.stop))
    begin = min(tokens[start].start, cand.start)
    evidence = Span(begin, end, context.parsed.text[begin:end])
    nouns = tuple(t.lemma.lower() for t in tokens[index + 1 : gap.stop])
    envoy = positions()[position_word][1] == "envoy"
    return Role(person, position, position_word, where, accredited if envoy else None, evidence, index, nouns)


def stated_places(context: Context, gap: range, position_index: int) -> tuple[Cluster | None, Cluster | None]:
    """(where, accredited_to) named in the words after a position word: the first place or organisation
    in the genitive, the first after `в`/`при` (`Посол Казахстана в Пакистане`)."""
    tokens = context.tokens
    where: Cluster | None = None
    accredited: Cluster | None = None
    seen: set[int] = set()
    for index in gap:
        found = context.mentions.get(index)
        if found is None:
            continue
        cand, item = found
        if id(cand) in seen or item.type == "PER":
            continue
        seen.add(id(cand))
        before = tokens[cand.first - 1] if cand.first > position_index + 1 else None
        if before is not None and before.text.lower() in ENVOY_PLACE_PREPOSITIONS:
            accredited = accredited or item
        elif before is None or before.pos != "ADP" or before.text in QUOTE_MARKS:
            where = where or item
    return where, accredited


@cache
def descriptors() -> frozenset[str]:
    """Nouns that describe a named organisation or place (`партия`, `концерн`, `центр`, `республика`),
    but not those that follow a rank (`генерал армии`)."""
    words = {phrase[0] for phrase in org_words() if len(phrase) == 1}
    bodies = org_phrases().get("head", frozenset()) | org_phrases().get("complement", frozenset())
    return frozenset(words | bodies | PLACE_DESCRIPTORS) - NOT_DESCRIPTORS


def described(context: Context, span: range) -> Cluster | None:
    """The named organisation or place a position's genitive descriptor refers back to (`главу партии`
    after `партии «Яблоко»`, `шеф концерна` after `концерн «Фольксваген»`, `министр экономики области`
    after `Калининградской области`): of the entities the text named earlier with that word before
    the name or as its head noun, the one named last; None when there is none."""
    if not span or span.start in context.mentions:
        return None
    word = context.tokens[span.start]
    if word.pos != "NOUN" or word.case != "Gen" or not word.text.islower():
        return None
    lemma = word.lemma.lower()
    if lemma not in descriptors():
        return None
    ends, latest = context.descriptor_index.get(lemma, ([], []))
    found = bisect_right(ends, word.index)
    return latest[found - 1][2] if found else None


def adjective_country(context: Context, span: range) -> Cluster | None:
    """The country the first country adjective of `span` names (`казахстанский посол`); the adjective
    becomes a mention of it."""
    for index in span:
        token = context.tokens[index]
        iso3 = gazetteer().adjective_country(token.lemma) if token.pos == "ADJ" else None
        if iso3 is not None:
            return context.mentions.adjective_country(iso3, token)
    return None


def known_country(context: Context, adjective: Token) -> Cluster | None:
    """The document's entity for the country an adjective names, if the text names that country."""
    iso3 = gazetteer().adjective_country(adjective.lemma)
    return context.mentions.country(iso3) if iso3 is not None else None


def document_places(context: Context, roles: list[Role]) -> list[Role]:
    """The roles, each head of state or government or senator named without a country (`Премьер-министр
    Михаил Фрадков`) given the place the document states for that person elsewhere (`президент Украины
    Виктор Янукович` ... `президентом Виктором Януковичем`), else the country the document names most; a
    mayor, its most-named city; a governor, its most-named region. Marked `where_from = "document"`."""
    stated: dict[tuple[int, str], Cluster] = {}
    for role in roles:
        if role.where is not None and role.where_from == "text":
            stated.setdefault((id(role.person), role.kind), role.where)
    most: dict[str, Cluster | None] = {}
    placed: list[Role] = []
    for role in roles:
        scope = position_scopes().get(role.kind)
        if role.where is None and scope is not None:
            if scope not in most:
                most[scope] = most_named(context, scope)
            where = stated.get((id(role.person), role.kind)) or most[scope]
            if where is not None:
                role = replace(role, where=where, where_from="document")
        placed.append(role)
    return placed


def most_named(context: Context, scope: str) -> Cluster | None:
    """The place of a kind (`country`, `city`) the document names most, by name (the first named of
    equals); None when it names none."""
    named = [c for c in context.clusters if c.type == "LOC" and c.place is not None and c.place.kind == scope]
    return max(named, key=lambda c: (sum(not m.adjective for m in c.candidates), -c.first)) if named else None
