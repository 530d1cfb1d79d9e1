"""Actor coding: a country (ISO alpha-3) and a PLOVER sector for every person and organisation.

Organisations: country from a place inside or after the name (`Государственный банк Пакистана`,
`МИД РК`), else the document's setting (the dateline's country); sector from organisation words in the
name, else from the descriptor before it (`компании TCS`). Persons: from their position (`посол` GOV)
or, for a generic position (`председатель`, `глава`), from where it is held.
"""

from __future__ import annotations

from letopis.extractors.entities import Cluster, org_sector_word
from letopis.extractors.roles import Role
from letopis.lexicon import positions
from letopis.lexicon.gazetteer import gazetteer
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


def code_actors(
    clusters: list[Cluster], roles: list[Role], parsed: Parsed, setting: str | None
) -> dict[str, tuple[str | None, str | None]]:
    """Entity id -> (country, sector) for persons, organisations and places."""
    codes: dict[str, tuple[str | None, str | None]] = {}
    for item in clusters:
        if item.type == "ORG":
            codes[item.id] = (org_country(item, parsed, setting), org_sector(item, parsed))
        elif item.type == "LOC":
            codes[item.id] = ((item.place.country or None) if item.place else None, None)
    first_roles: dict[int, Role] = {}
    for role in roles:
        first_roles.setdefault(id(role.person), role)
    for item in clusters:
        if item.type == "PER":
            codes[item.id] = person_code(first_roles.get(id(item)), codes)
    return codes


def person_code(role: Role | None, codes: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A person's code from their first role."""
    if role is None:
        return None, None
    sector = positions()[role.position_word][0]
    country = None
    if role.where is not None:
        country, where_sector = codes.get(role.where.id, (None, None))
        if sector is None:
            sector = where_sector if role.where.type == "ORG" else "GOV"
    return country, sector
