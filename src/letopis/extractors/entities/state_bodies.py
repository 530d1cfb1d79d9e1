"""A state body named by a country adjective gets the name a user searches for: `российского МИДа` ->
`МИД России`, so that the store merges it with the named form."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities.words import org_sector_word
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import genitive
from letopis.nlp import NLP, Token

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


def state_body_name(nlp: NLP, tokens: Sequence[Token]) -> str | None:
    """A state body named by a country adjective, in the form a user searches: `российского МИДа` ->
    `МИД России`, `американского Минфина` -> `Минфин США`, `французского МВД` -> `МВД Франции`; None for
    any other name."""
    if len(tokens) < 2 or tokens[0].pos != "ADJ":
        return None
    iso3 = gazetteer().adjective_country(tokens[0].lemma)
    country = gazetteer().country(iso3) if iso3 is not None else None
    if country is None or org_sector_word(tuple(tokens[1:])) not in STATE_SECTORS:
        return None
    body = nlp.normal(tokens[1:], "ORG")
    capitals = len(tokens[1].text) - len(tokens[1].text.lstrip(CAPITALS))
    if capitals > 1 and body.lower().startswith(tokens[1].text[:capitals].lower()):
        body = tokens[1].text[:capitals] + body[capitals:]  # `МИДа` -> `МИД`, not `мид`
    return f"{body} {country_genitive(country.name)}"


def country_genitive(name: str) -> str:
    """`России`, `Франции`; a name of several words by its usual abbreviation when it has one of three
    letters or more (`США`, `ОАЭ`, `КНДР`), else in the genitive (`Южной Кореи`)."""
    if " " in name or "-" in name:
        short = [a for a, p in gazetteer().abbreviations.items() if p.name == name and len(a) > 2 and a.isupper()]
        if short:
            return min(short)
    return genitive(name)
