"""Matching an extraction against a gold file by the rules of the reference gold (`gold/README.md` of
the shared data, summarised in docs/event-annotation.md): names, occupations and events."""

from __future__ import annotations

from typing import Any

from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import key
from letopis.model import Entity, Event, Extraction

Gold = dict[str, Any]


def same_name(entity: Entity, name: str) -> bool:
    """Same name, or the same gazetteer place (`КНР` is `Китай`)."""
    if key(entity.name) == key(name):
        return True
    place = gazetteer().place(name)
    return entity.type == "LOC" and place is not None and (entity.country, entity.kind) == (place.country, place.kind)


def names_of(entity: Gold) -> set[str]:
    return {key(entity["name"]), *(key(a) for a in entity.get("accept", []))}


def gold_entities(gold: Gold) -> list[Gold]:
    return [e for group in gold["entities"].values() for e in group if isinstance(e, dict)]


def accepted(gold: Gold, name: str) -> set[str]:
    """The gold name and, when it is a gold entity, its `accept` forms."""
    for entity in gold_entities(gold):
        if key(entity["name"]) == key(name):
            return names_of(entity)
    return {key(name)}


def find(result: Extraction, type: str, gold: Gold) -> Entity | None:
    wanted = names_of(gold)
    return next((e for e in result.entities if e.type == type and key(e.name) in wanted), None)


def missing_entities(result: Extraction, gold: Gold, type: str) -> list[str]:
    return [g["name"] for g in gold["entities"][type] if find(result, type, g) is None]


def missing_occupations(result: Extraction, gold: Gold) -> list[Gold]:
    names = {e.id: key(e.name) for e in result.entities}

    def same(entity_id: str | None, name: str | None) -> bool:
        return name is None or (entity_id is not None and names[entity_id] in accepted(gold, name))

    return [
        want
        for want in gold["occupations"]
        if not any(
            names[o.person] == key(want["person"])
            and want["position"] in o.position.split()
            and same(o.where, want.get("where"))
            and same(o.accredited_to, want.get("accredited_to"))
            for o in result.occupations
        )
    ]


def name_matches(entity: Entity, gold: Gold, name: str) -> bool:
    """A gold participant name against an output entity: the name or an accept form, a country by its
    code, or an output name made only of words of the gold name (a surname)."""
    if key(entity.name) in accepted(gold, name):
        return True
    if set(key(entity.name).split()) <= set(key(name).split()):
        return True
    countries = [e for e in gold["entities"].get("LOC", []) if key(e["name"]) == key(name) and e["kind"] == "country"]
    return any(entity.country == e.get("country") for e in countries)


def event_matches(result: Extraction, gold: Gold, want: Gold, event: Event, strict: bool = True) -> bool:
    """The gold event `want` against an output event. Strict: type, participants, actor side, place, date
    and evidence; loose (`strict=False`): type, participants and evidence only."""
    by_id = {e.id: e for e in result.entities}
    actors = [by_id[a] for a in event.actor]
    parties = actors + [by_id[r] for r in event.recipient]
    place = by_id[event.place].name if event.place else None
    return (
        event.type == want["type"]
        and all(any(name_matches(p, gold, n) for p in parties) for n in want.get("participants", []))
        and (
            not want.get("participants_any_of")
            or any(name_matches(p, gold, n) for p in parties for n in want["participants_any_of"])
        )
        and any(want["evidence"] in span.text for span in event.evidence)
        and (
            not strict
            or (
                all(any(name_matches(a, gold, n) for a in actors) for n in want.get("actor", []))
                and ("place" not in want or (place is not None and key(place) == key(want["place"])))
                and ("date" not in want or (event.date is not None and event.date.isoformat() == want["date"]))
            )
        )
    )


def match_events(result: Extraction, gold: Gold, strict: bool = True) -> tuple[dict[str, Event], list[Event]]:
    """Gold event id -> the output event it matched (each at most once, required events first), and the
    output events that match no gold event (false positives)."""
    matched: dict[str, Event] = {}
    free = list(result.events)
    for want in sorted(gold["events"], key=lambda w: not w["required"]):
        hit = next((e for e in free if event_matches(result, gold, want, e, strict)), None)
        if hit is not None:
            matched[want["id"]] = hit
            free.remove(hit)
    return matched, free
