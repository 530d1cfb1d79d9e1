"""The PLOVER ontology (plover.tsv): event types, modes, quad class, intensity and CAMEO code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from letopis.lexicon import rows

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Code:
    quad: int
    intensity: float
    cameo: str


@cache
def ontology() -> dict[tuple[str, str | None], Code]:
    """(type, mode or None) -> quad class, PLOVER intensity and CAMEO code."""
    codes: dict[tuple[str, str | None], Code] = {}
    for type, mode, quad, intensity, cameo, *_ in rows("plover.tsv"):
        codes[(type, None if mode == "-" else mode)] = Code(int(quad), float(intensity), cameo)
    return codes


def code(type: str, mode: str | None) -> Code:
    return ontology().get((type, mode)) or ontology()[(type, None)]


@cache
def contexts() -> frozenset[str]:
    """The PLOVER contexts (contexts.tsv): `diplomatic`, `economic`, ..."""
    return frozenset(row[0] for row in rows("contexts.tsv"))


@cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> GDELT's GoldsteinScale (goldstein.tsv)."""
    return {cameo: float(score) for cameo, score in rows("goldstein.tsv")}
