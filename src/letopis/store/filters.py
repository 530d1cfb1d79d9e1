"""The filters of an event query, checked once where they come in (CLI, API, Python), so that a bad
value is a clear error and never a silent empty answer: `--type MEET` names the PLOVER types,
`--pair ''` is refused, `--since 2010-13-01` says why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from letopis.lexicon import rows
from letopis.lexicon.plover import TYPES, contexts

MAX_LIMIT = 1_000_000
MAX_SEARCH_LIMIT = 1_000
MAX_TEXT = 1_000  # characters of a query word, name or place


@cache
def topic_names() -> frozenset[str]:
    return frozenset(row[1] for row in rows("topics.tsv"))


@cache
def country_codes() -> frozenset[str]:
    """ISO alpha-3 codes from countries.tsv alone: the gazetteer would also load 30,000 cities, which a
    query command has no use for."""
    return frozenset(row[0] for row in rows("countries.tsv"))


def choice(name: str, value: str, allowed: frozenset[str], fold: bool = False) -> str:
    wanted = value.strip().upper() if fold else value.strip().lower()
    if wanted not in allowed:
        raise ValueError(f"{name} {value!r} is not one of: {', '.join(sorted(allowed))}")
    return wanted


def text(name: str, value: str) -> str:
    if not value.strip():
        raise ValueError(f"{name} is empty")
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name} is longer than {MAX_TEXT} characters")
    return value.strip()


def country(value: str) -> str:
    code = value.strip().upper()
    if code not in country_codes():
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-3 country code (KAZ, PAK, RUS, ...)")
    return code


def pair(value: str | tuple[str, str] | list[str]) -> tuple[str, str]:
    """`KAZ-PAK`, `kaz-pak` or (`KAZ`, `PAK`) -> (`KAZ`, `PAK`)."""
    parts = value.split("-") if isinstance(value, str) else list(value)
    if len(parts) != 2 or not all(isinstance(part, str) for part in parts):
        raise ValueError(f"a country pair is two ISO alpha-3 codes, as KAZ-PAK, not {value!r}")
    return country(parts[0]), country(parts[1])


def types(value: str | list[str] | tuple[str, ...] | set[str]) -> tuple[str, ...]:
    """`consult`, `CONSULT,AGREE` or [`CONSULT`, `AGREE`] -> (`AGREE`, `CONSULT`): PLOVER types, checked."""
    given = value.split(",") if isinstance(value, str) else list(value)
    if not given or not all(isinstance(one, str) for one in given):
        raise ValueError(f"type {value!r} is not a PLOVER type or a list of them (CONSULT, AGREE, ...)")
    return tuple(sorted({choice("type", one, frozenset(TYPES), fold=True) for one in given}))


def day(name: str, value: str | date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{name} {value!r} is not a date: give a datetime.date or YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise ValueError(f"{name} {value!r} is not a date YYYY-MM-DD ({error})") from None


def share(name: str, value: str | float) -> float:
    """A confidence threshold from 0 to 1."""
    if isinstance(value, bool):
        raise ValueError(f"{name} {value!r} is not a number from 0 to 1")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} {value!r} is not a number from 0 to 1") from None
    if not 0 <= number <= 1:
        raise ValueError(f"{name} {value!r} is not a number from 0 to 1")
    return number


def number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else repr(value)


def limit(value: int, most: int = MAX_LIMIT) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
        raise ValueError(f"the limit is a number from 1 to {most:,}, not {number(value)}")
    return value


def offset(value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_LIMIT:
        raise ValueError(f"the offset is a number from 0 to {MAX_LIMIT:,}, not {number(value)}")
    return value


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What an event query keeps: events of an entity (by name), of a country pair (either direction,
    or both countries acting together), of PLOVER types (any of them), a context or topic, at a place,
    in a date range, with at least a confidence."""

    entity: str | None = None
    pair: tuple[str, str] | None = None
    type: tuple[str, ...] | None = None
    context: str | None = None
    topic: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    min_confidence: float | None = None

    @classmethod
    def parse(cls, **given: Any) -> EventFilters:
        """Filters from the forms users type: `pair="KAZ-PAK"` or a tuple, `type="consult"`, `"CONSULT,AGREE"`
        or a list of types, dates as ISO strings or `date`s; None leaves a filter out. An unknown keyword
        or a bad value raises ValueError saying why."""
        unknown = set(given) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown filter {', '.join(sorted(unknown))}: use {', '.join(cls.__dataclass_fields__)}")
        values = {k: v for k, v in given.items() if v is not None}
        found = cls(
            entity=text("entity", values["entity"]) if "entity" in values else None,
            pair=pair(values["pair"]) if "pair" in values else None,
            type=types(values["type"]) if "type" in values else None,
            context=choice("context", values["context"], contexts()) if "context" in values else None,
            topic=choice("topic", values["topic"], topic_names()) if "topic" in values else None,
            place=text("place", values["place"]) if "place" in values else None,
            since=day("since", values["since"]) if "since" in values else None,
            until=day("until", values["until"]) if "until" in values else None,
            min_confidence=share("min_confidence", values["min_confidence"]) if "min_confidence" in values else None,
        )
        if found.since and found.until and found.since > found.until:
            raise ValueError(f"since {found.since} is after until {found.until}")
        return found
