"""Matching an extraction against a gold file by the rules of tests/data/golden/GOLD-RULES.md."""

from __future__ import annotations

from typing import Any

from letopis.lexicon import key
from letopis.model import Entity, Extraction


def names_of(gold: dict[str, Any]) -> set[str]:
    return {key(gold["name"]), *(key(a) for a in gold.get("accept", []))}


def accepted(gold: dict[str, Any], name: str) -> set[str]:
    """The gold name and, when it is a gold entity, its `accept` forms."""
    for entity in (e for group in gold["entities"].values() for e in group if isinstance(e, dict)):
        if key(entity["name"]) == key(name):
            return names_of(entity)
    return {key(name)}


def find(result: Extraction, type: str, gold: dict[str, Any]) -> Entity | None:
    wanted = names_of(gold)
    return next((e for e in result.entities if e.type == type and key(e.name) in wanted), None)


def missing_entities(result: Extraction, gold: dict[str, Any], type: str) -> list[str]:
    return [g["name"] for g in gold["entities"][type] if find(result, type, g) is None]


def missing_occupations(result: Extraction, gold: dict[str, Any]) -> list[dict[str, Any]]:
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
