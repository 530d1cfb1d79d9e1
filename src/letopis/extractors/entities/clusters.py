"""Mentions grouped into entities: places by what they resolve to, organisations by name or acronym,
persons by full name; and the document's entity for each country."""

from __future__ import annotations

from itertools import islice

from letopis.extractors.entities.records import Candidate, Cluster
from letopis.lexicon.gazetteer import Place, gazetteer
from letopis.lexicon.names import acronym, key
from letopis.model import EntityType
from letopis.nlp import Token


def person_words(name: str) -> set[str]:
    return set(key(name).split())


def cluster(candidates: list[Candidate]) -> list[Cluster]:
    """Group mentions: places by what they resolve to, organisations by name or acronym, persons by
    full name, with a surname-only or shorter mention joined to the one full name that contains it."""
    clusters: list[Cluster] = []
    index: dict[tuple[EntityType, str], Cluster] = {}
    persons = sorted((c for c in candidates if c.type == "PER"), key=lambda c: -len(c.name.split()))
    cluster_of: dict[int, Cluster] = {}  # id of a candidate -> the entity it joined
    by_word: dict[str, list[Cluster]] = {}
    for cand in [c for c in candidates if c.type != "PER"] + persons:
        if cand.alias_of is not None:
            continue
        keys = cluster_keys(cand)
        target = next((index[(cand.type, k)] for k in keys if (cand.type, k) in index), None)
        if target is None and cand.type == "PER":
            target = unique_containing_person(by_word, cand)
        if target is None:
            target = Cluster(cand.type, [])
            clusters.append(target)
            for word in {""} | person_words(cand.name) if cand.type == "PER" else ():
                by_word.setdefault(word, []).append(target)
        target.candidates.append(cand)
        cluster_of[id(cand)] = target
        for k in keys:
            index.setdefault((cand.type, k), target)
    for cand in candidates:
        if cand.alias_of is not None and id(cand.alias_of) in cluster_of:
            cluster_of[id(cand.alias_of)].candidates.append(cand)
    clusters.sort(key=lambda c: c.first)
    for number, item in enumerate(clusters, 1):
        item.id = f"e{number}"
        item.candidates.sort(key=lambda c: c.first)
    return clusters


def cluster_keys(cand: Candidate) -> list[str]:
    if cand.type == "LOC" and cand.place is not None:
        return [f"{cand.place.country}:{cand.place.kind}:{cand.place.name}"]
    if cand.type == "ORG":
        return list(dict.fromkeys([key(cand.name), key(acronym(cand.name))]))
    if cand.type == "PER":
        return [" ".join(sorted(person_words(cand.name)))]
    return [key(cand.name)]


def unique_containing_person(by_word: dict[str, list[Cluster]], cand: Candidate) -> Cluster | None:
    """The one person whose full name has every word of `cand` and more, looked up among the persons
    that share its rarest word (`by_word`: persons in the order they were found, by every word of their
    first name and by ""; a name's words only ever narrow as shorter names join it)."""
    words = person_words(cand.name)
    rarest = min((by_word.get(w, []) for w in words or {""}), key=len)
    found = list(islice((c for c in rarest if words < person_words(c.name)), 2))
    return found[0] if len(found) == 1 else None


def prefer_named_countries(clusters: list[Cluster], dateline: str | None) -> None:
    """A city whose name cities of other countries share (`Валенсия`) is taken to be the one in a country
    the document names when it names that country and not the first city's (`Валенсия` in a text about
    Venezuela), or the dateline is there; one whose name cities of other provinces of its country share
    (`Ньюпорт`), the one in a province the document names when it does not name the first city's
    (`Ньюпорт, столица острова Уайт, Англия`)."""
    places = gazetteer()
    named = {c.place.country for c in clusters if c.place is not None and not abroad(c.place)}
    provinces = {c.place.name for c in clusters if c.place is not None and c.place.kind == "province"}
    if dateline is not None and (line := places.place(dateline)) is not None:
        named.add(line.country)
    for item in clusters:
        place = item.place
        if place is None:
            continue
        if place.country in named:
            if places.province_of(place) in provinces:
                continue
            here = [other for other in places.elsewhere(place) if other.country == place.country]
            fitting = [other for other in here if places.province_of(other) in provinces]
        else:
            fitting = [other for other in places.elsewhere(place) if other.country in named]
        if len(fitting) == 1:
            for cand in item.candidates:
                if cand.place == place:
                    cand.place, cand.country = fitting[0], fitting[0].country
            item.looked = (0, None)


def abroad(place: Place) -> list[Place]:
    """Cities of the same name as `place` in other countries."""
    return [other for other in gazetteer().elsewhere(place) if other.country != place.country]


class Countries:
    """The document's entity for each country, found in constant time: the first that names it, or one
    made for a country adjective (`казахстанский посол`) when the text never names the country."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.named: dict[str, Cluster] = {}
        self.mentioned: dict[int, set[int]] = {}  # id of an entity -> first tokens of its mentions
        for item in clusters:
            place = item.place
            if place is not None and place.kind == "country":
                self.named.setdefault(place.country, item)

    def get(self, iso3: str) -> Cluster | None:
        """The document's entity for a country, if the text names it."""
        return self.named.get(iso3)

    def adjective(self, iso3: str, token: Token) -> Cluster | None:
        """The entity of the country a country adjective names, with the adjective as one of its
        mentions; created when the text never names the country."""
        place = gazetteer().country(iso3)
        if place is None:
            return None
        mention = Candidate("LOC", token.index, token.index + 1, token.start, token.end, place.name, place, iso3,
                            adjective=True)  # fmt: skip
        item = self.named.get(iso3)
        if item is None:
            item = self.named[iso3] = Cluster("LOC", [mention])
            self.clusters.append(item)
        elif token.index not in self.firsts(item):
            item.candidates.append(mention)
        self.firsts(item).add(token.index)
        return item

    def firsts(self, item: Cluster) -> set[int]:
        if id(item) not in self.mentioned:
            self.mentioned[id(item)] = {c.first for c in item.candidates}
        return self.mentioned[id(item)]
