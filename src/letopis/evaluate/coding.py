"""How well events are coded for event-data users (`letopis eval coding PATHS`): the share of events with
a coded actor, of `UNK` codes among their parties, and how the GDELT export is filled and whether its
Goldstein and QuadClass agree with the CAMEO tables. No gold is needed: these are properties of the
output on any texts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from letopis.export import GDELT_COLUMNS, gdelt_rows, goldstein, quad_class
from letopis.model import Entity, Extraction


@dataclass(slots=True)
class Share:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(slots=True)
class Coding:
    """Named shares, in the order they are printed."""

    shares: dict[str, Share] = field(default_factory=dict)

    def share(self, name: str) -> Share:
        return self.shares.setdefault(name, Share())

    def to_json(self) -> dict[str, dict[str, float]]:
        return {k: {"share": round(v.value, 4), "hits": v.hits, "total": v.total} for k, v in self.shares.items()}

    def render(self) -> str:
        lines = [f"{'measure':<34} {'share':>6} {'hits':>6} {'of':>6}"]
        lines += [f"{name:<34} {s.value:>6.3f} {s.hits:>6} {s.total:>6}" for name, s in self.shares.items()]
        return "\n".join(lines) + "\n"


def coded(entity: Entity) -> bool:
    return bool(entity.country or entity.sector)


def measure(results: Iterable[Extraction], coding: Coding) -> None:
    """Add the coding figures of `results` to `coding`."""
    column = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for result in results:
        by_id = {e.id: e for e in result.entities}
        for event in result.events:
            actors = [by_id[a] for a in event.actor]
            parties = actors + [by_id[r] for r in event.recipient]
            coding.share("events with a coded actor").add(any(coded(e) for e in actors))
            coding.share("events with a coded party").add(any(coded(e) for e in parties))
            for party in parties:
                coding.share("party country UNK").add(not party.country)
                coding.share("party sector UNK").add(not party.sector)
        for row in gdelt_rows(result):
            code = row[column["EventCode"]]
            coding.share("gdelt SQLDATE filled").add(bool(row[column["SQLDATE"]]))
            coding.share("gdelt Actor1Code filled").add(bool(row[column["Actor1Code"]]))
            coding.share("gdelt ActionGeo filled").add(bool(row[column["ActionGeo_Type"]]))
            coding.share("gdelt Goldstein as CAMEO table").add(row[column["GoldsteinScale"]] == str(goldstein(code)))
            coding.share("gdelt QuadClass as CAMEO root").add(row[column["QuadClass"]] == str(quad_class(code)))
