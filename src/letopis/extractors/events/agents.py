"""Parties that name no one: generic agents (`полиция задержала`, `демонстранты потребовали`, `власти
Пакистана`, lexicon/agents.tsv) and capitals that speak for their country's government (`Москва заявила`,
`Вашингтон ввёл санкции`). An entity is made for each when it takes part in an event, one per name and
country in a document, coded with the agent's sector."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Candidate, Cluster
from letopis.lexicon import agents
from letopis.lexicon.gazetteer import Place, gazetteer
from letopis.lexicon.names import morphology
from letopis.nlp import Token, pipeline

GOVERNMENT = ("GOV", "власти")
AGENT_POS = {"NOUN", "PROPN"}
PARTICIPLE_POS = {"VERB", "ADJ", "NOUN"}


def agent_word(token: Token) -> tuple[str, str] | None:
    """(sector, name) of a word that names a generic agent: a noun by its lemma, a participle by its start."""
    lemmas, stems = agents()
    if token.pos in AGENT_POS and (found := lemmas.get(token.lemma.lower())) is not None:
        return found
    text = token.text.lower()
    if token.pos in PARTICIPLE_POS:
        return next(((sector, name) for stem, sector, name in stems if text.startswith(stem)), None)
    return None


# Endings of a demonym and of its country's adjective: иорданец/иорданский, россиянин/российский,
# израильтянин/израильский, немец/немецкий, турок/турецкий, грузин/грузинский, француз/французский.
DEMONYM_ENDINGS = (("иянин", "ийский"), ("ичанин", "ийский"), ("тянин", "ский"), ("янин", "ийский"),
                   ("анин", "ский"), ("ец", "ский"), ("ец", "йский"), ("ец", "ецкий"), ("ок", "ецкий"),
                   ("ин", "инский"), ("", "ский"), ("", "ийский"))  # fmt: skip


def demonym(token: Token) -> tuple[str, str] | None:
    """(country, plural name) of a noun that names the people of a country (`иорданцы`, `россияне`), found
    through the country's adjective in the gazetteer."""
    if token.pos not in {"NOUN", "PROPN"} or token.feats.get("Animacy") == "Inan":
        return None
    lemma = token.lemma.lower()
    for cut, ending in DEMONYM_ENDINGS:
        stem = lemma[: len(lemma) - len(cut)] if lemma.endswith(cut) else ""
        if len(stem) >= 3 and (iso3 := gazetteer().adjective_country(stem + ending)) is not None:
            plural = morphology().parse(lemma)[0].inflect({"plur", "nomn"})
            return iso3, plural.word if plural is not None else lemma
    return None


def label(tokens: Sequence[Token], token: Token, words: Sequence[Token]) -> tuple[Token, str] | None:
    """The name a generic agent's own phrase gives it, in the nominative, when the phrase says more than the
    word: the adjectives before it and the country words right after it (`миланский суд`, `Федеральный
    суд`, `Полиция Бельгии`, `израильская армия`), with the phrase's first token; None for the bare word
    (`полиция`)."""
    first = token.index
    while first > 0 and tokens[first - 1].pos == "ADJ" and tokens[first - 1].head == token.index:
        first -= 1
    last = token.index
    while last + 1 < len(tokens) and any(w.index == last + 1 for w in words):
        last += 1
    while last > token.index and tokens[last].pos == "ADJ":  # `жителей израильского города`: not `израильского`
        last -= 1
    if (first, last) == (token.index, token.index):
        return None
    name = pipeline().normal(tokens[first : last + 1], "ORG")
    parts = name.split(" ")
    counted = any(t.head == token.index and t.rel.startswith("nummod") for t in tokens[max(0, first - 3) : token.index])
    if counted and len(parts) == last - first + 1:  # `23 британских дипломата`: the plural of the counted noun
        parts[token.index - first] = plural(token.text.lower()) or parts[token.index - first]
    name = " ".join(parts)
    return tokens[first], name[:1].upper() + name[1:]


def plural(word: str) -> str | None:
    """The nominative plural of a noun (`дипломата`: `дипломаты`)."""
    forms = pipeline().vocab.parse(word)[:1]
    return next((f.word for p in forms for f in p.lexeme if f.feats.get("Case") == "Nom" and
                 f.feats.get("Number") == "Plur"), None)  # fmt: skip


def is_capital(place: Place | None) -> bool:
    """Whether a place is its country's capital (the city at the coordinates the gazetteer gives the
    country, which are its capital's)."""
    if place is None or place.kind != "city":
        return False
    country = gazetteer().country(place.country)
    return country is not None and (country.lat, country.lon) == (place.lat, place.lon)


class Agents:
    """The document's generic agents, made on demand and added to its entities."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.made: dict[tuple[str, str | None], Cluster] = {}

    def get(
        self, token: Token, sector: str, name: str, country: str | None, implied: bool = False,
        phrase: tuple[Token, Token] | None = None, called: str | None = None,
    ) -> Cluster:  # fmt: skip
        """The agent called `name` of `country` (None: the document's setting), with `token` as a mention,
        or the `phrase` from its first to its last token (`власти Пакистана`); an anaphor when the agent is
        only `implied` by the word, as an arrest implies who arrests. The mention is `called` what its phrase
        names it (`Полиция Бельгии`, `label`); the entity takes the longest name its mentions have."""
        first, last = phrase or (token, token)
        mention = Candidate("ORG", first.index, last.index + 1, first.start, last.end, called or name, None,
                            country, adjective=implied)  # fmt: skip
        item = self.made.get((name, country))
        if item is None:
            item = self.made[(name, country)] = Cluster("ORG", [mention], generic=sector)
            self.clusters.append(item)
        elif all(c.first != first.index for c in item.candidates):
            item.candidates.append(mention)
        return item

    def government(self, token: Token, place: Place) -> Cluster:
        """The government of the country whose capital `token` names."""
        return self.get(token, *GOVERNMENT, place.country)

    def implied(self, token: Token, sector: str, name: str) -> Cluster:
        """The agent a trigger implies (`арестован`: the authorities), of the document's setting."""
        return self.get(token, sector, name, None, implied=True)
