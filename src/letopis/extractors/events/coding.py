"""From drafts to `Event` records: PLOVER codes of type and mode, entity ids, and the contexts that come
from who takes part."""

from __future__ import annotations

from collections.abc import Callable

from letopis.extractors.entities import Cluster
from letopis.extractors.events.records import Draft, unique
from letopis.lexicon.plover import code
from letopis.model import Event

ECONOMIC_SECTORS = {"BUS", "AGR", "LAB"}


def finish(
    drafts: list[Draft], codes: dict[str, tuple[str | None, str | None]], ids: Callable[[Cluster], str]
) -> tuple[Event, ...]:
    """The events of the drafts, numbered `v1`, `v2`... in order; `codes` gives (country, sector) by entity
    id, `ids` an entity's id. Their confidence is left at 0 for `confidence.calibrated`, which sets it
    from the whole extraction."""
    events = []
    for number, draft in enumerate(drafts, 1):
        ontology = code(draft.type, draft.mode)
        parties = [codes.get(ids(c), (None, None)) for c in draft.actor + draft.recipient]
        contexts = draft.contexts + derived_contexts(draft, parties)
        events.append(
            Event(
                id=f"v{number}",
                type=draft.type,
                mode=draft.mode,
                quad=ontology.quad,
                intensity=ontology.intensity,
                modality=draft.modality,
                contexts=tuple(unique(contexts)),
                topics=tuple(draft.topics),
                actor=tuple(ids(c) for c in draft.actor),
                recipient=tuple(ids(c) for c in draft.recipient),
                place=ids(draft.place) if draft.place is not None else None,
                date=draft.date,
                evidence=tuple(draft.evidence),
                confidence=0.0,
                date_precision=draft.precision,
            )
        )
    return tuple(events)


def derived_contexts(draft: Draft, parties: list[tuple[str | None, str | None]]) -> list[str]:
    """Contexts from who takes part: officials of different countries make it diplomatic, businesses
    economic, the military military, health bodies health."""
    countries = {country for country, _ in parties if country}
    sectors = {sector for _, sector in parties if sector}
    if any(c.place is not None and c.place.kind == "country" for c in draft.actor + draft.recipient):
        sectors.add("GOV")  # a country acting as a whole is its government
    place = draft.place.place if draft.place is not None else None
    if place is not None:
        countries.add(place.country)
    contexts = []
    if "GOV" in sectors and len(countries) > 1:
        contexts.append("diplomatic")
    if sectors & ECONOMIC_SECTORS:
        contexts.append("economic")
    if "MIL" in sectors:
        contexts.append("military")
    if "MED" in sectors:
        contexts.append("health")
    return contexts
