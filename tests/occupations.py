"""What the occupation tests compare: an extraction's occupations as (person, position, workplace) names."""

from __future__ import annotations

from letopis.model import Extraction


def jobs(result: Extraction) -> set[tuple[str, str, str | None]]:
    names = {e.id: e.name for e in result.entities}
    return {(names[o.person], o.position, names[o.where] if o.where else None) for o in result.occupations}
