"""Role phrases that name no one (`Посол`, `Глава Карачи`, `Глава казахстанской дипмиссии`) and the one
titled person each refers back to."""

from __future__ import annotations

from collections.abc import Iterable

from letopis.extractors.entities import Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.record import Role, canonical
from letopis.lexicon import role_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import Mention
from letopis.nlp import Token

GENERIC_CHIEFS = role_words()["generic_chief"]

Key = tuple[object, ...]


class Holders:
    """Who holds what so far: for each question `resolve` and `may_hold` ask of the roles (a position,
    a position in a place, a place, a country), the persons of the roles that answer it, at most two
    (enough to tell one from several). Places are keyed by identity, no place by None."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self.persons: dict[Key, list[Cluster]] = {}
        self.countries: dict[int, str | None] = {}  # id of a place or organisation -> its country
        for role in roles:
            self.add(role)

    def add(self, role: Role) -> None:
        kind, where = role.kind, None if role.where is None else id(role.where)
        keys: list[Key] = [("kind", kind), ("kind-where", kind, where), ("where", where)]
        if kind in GENERIC_CHIEFS:
            keys.append(("generic-where", where))
        if where is not None:
            if where not in self.countries:
                self.countries[where] = place_country(role)
            country = self.countries[where]
            keys += [("placed",), ("country", country), ("kind-country", kind, country)]
        for key in keys:
            found = self.persons.setdefault(key, [])
            if len(found) < 2 and all(p is not role.person for p in found):
                found.append(role.person)

    def has(self, *keys: Key) -> bool:
        return any(self.persons.get(k) for k in keys)

    def one(self, *keys: Key) -> Cluster | None:
        """The one person who answers any of `keys`, or None when none or several do."""
        persons = list({id(p): p for k in keys for p in self.persons.get(k, [])}.values())
        return persons[0] if len(persons) == 1 else None


def place_country(role: Role) -> str | None:
    """The country of the place or organisation a role is held in."""
    if role.where is None:
        return None
    place = role.where.place
    return place.country if place is not None else next((c.country for c in role.where.candidates if c.country), None)


def phrase_end(context: Context, index: int) -> int:
    """End of a role phrase: the genitive words and names that hang on the position noun."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(index)
    phrase = {index}
    end = index + 1
    while end < sent.last:
        token = tokens[end]
        attached = token.head in phrase or (token.pos == "ADJ" and token.head > end)
        genitive = token.case == "Gen" or context.mentions.is_thing(end)
        if not (attached and genitive and token.pos in {"ADJ", "NOUN", "PROPN", "X"}):
            break
        phrase.add(end)
        end += 1
    return end


def phrase(context: Context, position_word: str, token: Token, end: int) -> tuple[str, Cluster | None]:
    """The position a role phrase stands for (`глава правительства` -> `премьер-министр`) and the place
    or organisation named in it."""
    kind = canonical(position_word, [t.lemma.lower() for t in context.tokens[token.index + 1 : end]])
    named = (context.mentions.entity(i) for i in range(token.index + 1, end) if i in context.mentions)
    return kind, next(named, None)


def resolve(context: Context, position_word: str, token: Token, end: int, holders: Holders) -> Cluster | None:
    """The one titled person a role phrase refers to. The roles that fit are those of its position
    or, for a generic chief (`глава`), any held in a stated place; of these, the ones held in the
    phrase's place, else, when the phrase names a country or no place, the ones in its country (or
    all, when it names none); None unless all of them are one person's."""
    words = context.tokens[token.index + 1 : end]
    position, where = phrase(context, position_word, token, end)
    country = where.place.country if where is not None and where.place is not None else None
    country = country or next((c for t in words if (c := gazetteer().adjective_country(t.lemma))), None)
    generic = position in GENERIC_CHIEFS
    if generic and where is None and country is None:
        return None
    exact = ("where", id(where)) if generic else ("kind-where", position, id(where))
    if where is not None and holders.has(exact):
        return holders.one(exact)
    if where is not None and (where.place is None or where.place.kind != "country"):
        return None
    if country is None:
        return holders.one(("kind", position), *([("placed",)] if generic else []))
    return holders.one(("country", country) if generic else ("kind-country", position, country))


def anaphors(context: Context, roles: list[Role], singular: list[tuple[Token, str]]) -> list[tuple[Cluster, Mention]]:
    """The role phrases among the `singular` position words that no role is built on and that name no one
    (`Посол`, `Глава Карачи`), each with the person it refers to."""
    used = {r.position_index for r in roles}
    holders = Holders(roles)
    found: list[tuple[Cluster, Mention]] = []
    for token, position_word in singular:
        if token.index in used:
            continue
        end = phrase_end(context, token.index)
        if context.mentions.is_person(end):
            continue
        person = resolve(context, position_word, token, end, holders)
        if person is not None:
            last = context.tokens[end - 1]
            found.append((person, Mention(token.start, last.end, context.parsed.text[token.start : last.end], True)))
    return found
