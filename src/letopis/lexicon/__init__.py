"""Lexicons are data: tab-separated files beside this module, read once, `#` lines are comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from letopis.lexicon.names import key

PRONOUN_GENDERS = {"он": "Masc", "она": "Fem"}  # personal pronouns of a person, by gender; closed class


def rows(name: str) -> list[list[str]]:
    """Rows of a lexicon file, each a list of its tab-separated columns."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words_by_kind(name: str) -> dict[str, frozenset[str]]:
    """A two-column lexicon (word, kind) as the set of words of each kind."""
    found: dict[str, set[str]] = {}
    for word, kind in rows(name):
        found.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in found.items()}


@cache
def positions() -> dict[str, tuple[str | None, str]]:
    """Position lemma -> (sector or None when the sector comes from where it is held, class)."""
    return {lemma: (None if sector == "-" else sector, kind) for lemma, sector, kind in rows("positions.tsv")}


def position_class(position: str) -> str | None:
    """Class (envoy, head, member, owner, title) of an occupation's position: that of its first word that
    is a position (`главный владелец` -> owner)."""
    return next((positions()[w][1] for w in position.split() if w in positions()), None)


def office_sector(position: str, where_type: str | None, where_sector: str | None) -> str | None:
    """The sector of a person holding `position`: that of its first word that is a position (`посол` GOV),
    else of where it is held: an organisation's own sector, a place's government (`глава Карачи`)."""
    sector = next((positions()[w][0] for w in position.split() if w in positions()), None)
    if sector is None and where_type is not None:
        sector = where_sector if where_type == "ORG" else "GOV"
    return sector


@cache
def role_aliases() -> dict[tuple[str, str], str]:
    """(position word, genitive noun lemma or `-` for the word alone) -> the position the phrase stands for."""
    return {(head, noun): position for head, noun, position in rows("role_aliases.tsv")}


@cache
def org_words() -> dict[tuple[str, ...], str]:
    """Lemma phrase (as a tuple of words) -> PLOVER sector."""
    return {tuple(phrase.split()): sector for phrase, sector in rows("org_words.tsv")}


@cache
def position_scopes() -> dict[str, str]:
    """Position (canonical lemma) -> the kind of place it is held in when the text names none."""
    return {lemma: scope for lemma, scope in rows("position_scopes.tsv")}


@cache
def position_domains() -> frozenset[str]:
    """Lemmas of genitive nouns that are part of a title: `министр` + `иностранных дел`."""
    return frozenset(row[0] for row in rows("position_domains.tsv"))


@cache
def named_groups() -> dict[str, tuple[str, str | None]]:
    """Name key -> (type, PLOVER code): supranational organisations and world regions."""
    return {key(name): (type, None if code == "-" else code) for name, type, code in rows("named_groups.tsv")}


@cache
def org_phrases() -> dict[str, frozenset[str]]:
    """`head`: nouns that head an organisation named by a description, `function`: such nouns named by their
    genitive function alone, `complement`: such nouns that need a `по`/`при`/`против` complement; `skip`:
    adjectives never part of the name."""
    return words_by_kind("org_phrases.tsv")


@cache
def not_org_words() -> dict[str, frozenset[str]]:
    """`descriptor`: nouns before a quoted name that is no organisation; `abbreviation`: common nouns;
    `facility`: nouns before a name that make it a place."""
    return words_by_kind("not_org_words.tsv")


@cache
def role_words() -> dict[str, frozenset[str]]:
    """The open word lists of the role rules by kind (role_words.tsv): `becoming`, `appointing`, `holding`,
    `heading`, `succeeding` and `wishing` verbs, `post` and `appointment` nouns, `generic_chief` positions,
    `sought` governors, `place_descriptor` and `not_descriptor` nouns, `shared_office` positions, `praise` and
    `title_adjective` adjectives."""
    return words_by_kind("role_words.tsv")


@cache
def event_words() -> dict[str, frozenset[str]]:
    """The open word lists of the event rules by kind (event_words.tsv): `future`, `hypothetical` and
    `refusal` words of modality, `hosting` visit verbs, `place_noun` nouns before a place name, `visit_noun`
    nouns of a stay, `source_noun` and `say_verb` words that cite a source, `suspicion` and `attempt` words
    an act's noun hangs from, `patient_noun` acts whose genitive is the one they befall, `person_noun`
    nouns of a person that refer back, `stance_noun` nouns whose genitive capital speaks for its government."""
    return words_by_kind("event_words.tsv")


@cache
def agents() -> tuple[dict[str, tuple[str, str]], tuple[tuple[str, str, str], ...]]:
    """Generic agents (agents.tsv): lemma -> (sector, name), and (stem, sector, name) for participles."""
    lemmas: dict[str, tuple[str, str]] = {}
    stems: list[tuple[str, str, str]] = []
    for word, match, sector, name in rows("agents.tsv"):
        if match == "stem":
            stems.append((word, sector, name))
        else:
            lemmas[word] = (sector, name)
    return lemmas, tuple(stems)


@cache
def metonyms() -> dict[str, tuple[str, str]]:
    """Name key -> (country, sector) of the places that stand for a government body (metonyms.tsv)."""
    return {key(name): (country, sector) for name, country, sector, _ in rows("metonyms.tsv")}


@dataclass(frozen=True, slots=True)
class Office:
    """An office of known_people.tsv: the holder's country and sector, the position and the years held
    (`2000-2008,2012-`: an open end is held still)."""

    country: str
    sector: str
    position: str
    years: tuple[tuple[int, int | None], ...]

    def held(self, year: int) -> bool:
        return any(first <= year and (last is None or year <= last) for first, last in self.years)


def terms(years: str) -> tuple[tuple[int, int | None], ...]:
    """`2000-2008,2012-` -> ((2000, 2008), (2012, None)); a single year is a term of that year."""
    found: list[tuple[int, int | None]] = []
    for term in years.split(","):
        first, dash, last = term.partition("-")
        found.append((int(first), (int(last) if last else None) if dash else int(first)))
    return tuple(found)


@cache
def known_people() -> dict[str, tuple[Office, ...]]:
    """Name key (full name, another form, or a surname that only one person of the list has) -> the
    offices of that head of state or government or foreign minister (known_people.tsv)."""
    offices: dict[str, list[Office]] = {}
    forms_of: dict[str, set[str]] = {}
    for name, other, country, sector, position, years, _ in rows("known_people.tsv"):
        offices.setdefault(key(name), []).append(Office(country, sector, position, terms(years)))
        forms_of.setdefault(key(name), set()).update(key(f) for f in [name, *other.split("|")] if f)
    found = {form: tuple(offices[person]) for person, forms in forms_of.items() for form in forms}
    surnames: dict[str, set[str]] = {}
    for person, forms in forms_of.items():
        for form in forms:
            surnames.setdefault(form.split()[-1], set()).add(person)
    for surname, people in surnames.items():
        if len(people) == 1 and surname not in found:
            found[surname] = tuple(offices[next(iter(people))])
    return found


def known_code(offices: tuple[Office, ...], on: date | None) -> tuple[str, str | None]:
    """The country and sector of a known person on a day: of the office held then; a day outside every
    office is of a former (or future) office holder, coded with the country and CAMEO's elites (ELI) once
    the last office has ended, else the country alone; without a day, the first office's."""
    if on is None:
        return offices[0].country, offices[0].sector
    held = next((o for o in offices if o.held(on.year)), None)
    if held is not None:
        return held.country, held.sector
    ended = all(last is not None and last < on.year for o in offices for _, last in o.years)
    return offices[0].country, "ELI" if ended else None


@cache
def wikidata_ids() -> dict[str, dict[str, str]]:
    """Name key -> {country or `-`: Wikidata id} (wikidata.tsv, built by scripts/build_wikidata.py)."""
    found: dict[str, dict[str, str]] = {}
    for name, _, country, qid, _ in rows("wikidata.tsv"):
        found.setdefault(key(name), {})[country] = qid
    return found


def listed_country(name: str) -> str | None:
    """The country the NEREL texts state for a name of wikidata.tsv (`Microsoft`: USA), if one."""
    countries = {country for country in wikidata_ids().get(key(name), {}) if country != "-"}
    return countries.pop() if len(countries) == 1 else None


def wikidata_id(name: str, country: str | None) -> str | None:
    """The Wikidata id of an entity by its name and country: the row of its country, else the name's only
    row when either side has no country (`Генеральный штаб` of Russia is not that of another country)."""
    ids = wikidata_ids().get(key(name), {})
    if country in ids:
        return ids[country]
    if len(ids) == 1 and (country is None or "-" in ids):
        return next(iter(ids.values()))
    return None
