"""Actor coding: a country (ISO alpha-3) and a PLOVER sector for every person and organisation.

Organisations: country from a place inside or after the name (`Государственный банк Пакистана`,
`МИД РК`), else the document's setting (the dateline's country); sector from organisation words in the
name, else from the descriptor before it (`компании TCS`). Persons: from their position (`посол` GOV)
or, for a generic position (`председатель`, `глава`), from where it is held. Generic agents (`полиция`)
carry their sector and the country their phrase names, else the setting's; places that stand for a
government (`Кремль`, `Белый дом`: lexicon/metonyms.tsv) are coded as that body.
"""

from __future__ import annotations

from datetime import date

from letopis.extractors.entities import Cluster, org_sector_word
from letopis.extractors.roles import Role
from letopis.lexicon import agents, known_code, known_people, listed_country, metonyms, office_sector
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import key
from letopis.nlp import Parsed

DESCRIPTOR_WINDOW = 3


def setting_country(dateline_place: str | None, clusters: list[Cluster]) -> str | None:
    """The country the report is set in: the dateline's place, else the most mentioned country."""
    if dateline_place is not None and (place := gazetteer().place(dateline_place)) is not None:
        return place.country
    counts: dict[str, int] = {}
    for item in clusters:
        if item.place is not None:
            counts[item.place.country] = counts.get(item.place.country, 0) + len(item.candidates)
    return max(counts, key=lambda c: counts[c]) if counts else None


def org_country(item: Cluster, parsed: Parsed, setting: str | None) -> str | None:
    for cand in item.candidates:
        if cand.country:
            return cand.country
    for cand in item.candidates:
        for token in parsed.tokens[cand.first : cand.last]:
            if token.pos in {"PROPN", "X"} and (
                place := gazetteer().place(token.text) or gazetteer().place(token.lemma)
            ):
                return place.country
    for cand in item.candidates:
        for token in parsed.tokens[max(0, cand.first - DESCRIPTOR_WINDOW) : cand.last]:
            iso3 = gazetteer().adjective_country(token.lemma) if token.pos == "ADJ" else None
            if iso3 is not None:
                return iso3
    return setting


def org_sector(item: Cluster, parsed: Parsed) -> str | None:
    for cand in item.candidates:
        sector = org_sector_word(parsed.tokens[cand.first : cand.last])
        if sector is not None:
            return sector
    for cand in item.candidates:
        before = [t for t in parsed.tokens[max(0, cand.first - DESCRIPTOR_WINDOW) : cand.first] if t.pos == "NOUN"]
        sector = org_sector_word(tuple(before[-1:]))
        if sector is not None:
            return sector
    return None


Code = tuple[str | None, str | None]


def code_actors(
    clusters: list[Cluster], roles: list[Role], parsed: Parsed, setting: str | None, on: date | None = None
) -> tuple[dict[str, Code], dict[str, str]]:
    """Entity id -> (country, sector) for persons, organisations and places, and entity id -> where its
    country comes from: `text` (stated in the document), `list` (known_people.tsv as of the document's
    day `on`, metonyms.tsv, the country the NEREL texts state for a name of wikidata.tsv) or `setting`
    (none stated: the country the document is set in)."""
    codes: dict[str, Code] = {}
    origins: dict[str, str] = {}
    for item in clusters:
        if item.generic is not None:
            stated = item.candidates[0].country
            codes[item.id], origins[item.id] = (stated or setting, item.generic), "text" if stated else "setting"
        elif (metonym := metonyms().get(key(item.name))) is not None:
            codes[item.id], origins[item.id] = metonym, "list"
        elif item.type == "ORG":
            country, origin = org_country(item, parsed, None), "text"
            if country is None:
                country, origin = listed_country(item.name), "list"
            codes[item.id] = (country or setting, org_sector(item, parsed))
            origins[item.id] = origin if country else "setting"
        elif item.type == "LOC":
            codes[item.id], origins[item.id] = ((item.place.country or None) if item.place else None, None), "text"
    first_roles: dict[int, Role] = {}
    for role in roles:
        first_roles.setdefault(id(role.person), role)
    for item in clusters:
        if item.type == "PER":
            country, sector = person_code(first_roles.get(id(item)), codes)
            described = described_person(item, parsed)
            country, sector = country or described[0], sector or described[1]
            origins[item.id] = "text"
            known = known_person(item, on)
            if country is None and known[0] is not None:
                origins[item.id] = "list"
            country, sector = country or known[0], sector or known[1]
            if country is None and (country := listed_country(item.name)) is not None:
                origins[item.id] = "list"
            if country is None:
                country, origins[item.id] = setting, "setting"
            codes[item.id] = (country, sector)
    for item_id, (country, _) in codes.items():
        if country is None:
            origins.pop(item_id, None)
    return codes, origins


def known_person(item: Cluster, on: date | None) -> tuple[str | None, str | None]:
    """The country and sector of a head of state or government or a foreign minister the list knows
    (lexicon/known_people.tsv), by the person's name or a name mention, as of the office held on the
    document's day (`on`)."""
    for name in [item.name, *(c.name for c in item.candidates)]:
        if (found := known_people().get(key(name))) is not None:
            return known_code(found, on)
    return None, None


def described_person(item: Cluster, parsed: Parsed) -> tuple[str | None, str | None]:
    """A person's code from the words just before a mention of the name, for what the position leaves
    open: a country adjective and a generic agent noun (`российского бизнесмена Виктора Бута`: RUS, BUS)."""
    country = sector = None
    lemmas = agents()[0]
    for cand in item.candidates:
        for token in reversed(parsed.tokens[max(0, cand.first - DESCRIPTOR_WINDOW) : cand.first]):
            if token.pos not in {"ADJ", "NOUN", "PROPN"}:
                break
            lemma = token.lemma.lower()
            if token.pos != "NOUN" and country is None:
                country = gazetteer().adjective_country(lemma)
            elif token.pos == "NOUN" and sector is None and lemma in lemmas:
                sector = lemmas[lemma][0]
    return country, sector


def person_code(role: Role | None, codes: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A person's code from their first role."""
    if role is None:
        return None, None
    if role.where is None:
        return None, office_sector(role.position_word, None, None)
    country, where_sector = codes.get(role.where.id, (None, None))
    return country, office_sector(role.position_word, role.where.type, where_sector)
