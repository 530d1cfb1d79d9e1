"""An article's text cut into pieces for the article view, as displaCy marks entities: every mention,
role phrase and event evidence is a mark with a link to its record and a tooltip (normal form, type,
country, role). The pieces are plain text: the template escapes them."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from letopis.model import Entity, Event, Extraction
from letopis.render import code, positions

KINDS = {"PER": "per", "ORG": "org", "LOC": "loc"}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # per, org, loc, role, event
    href: str
    title: str
    record: str  # the id of the record beside the text


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: Mark | None  # the innermost mention or role phrase over the piece
    event: Mark | None  # the event evidence over it


Link = Callable[[str, str], str]  # (kind of record, its key) -> href


def entity_title(entity: Entity, held: dict[str, str]) -> str:
    parts = [entity.name, entity.type, code(entity), held.get(entity.id, "")]
    return " · ".join(part for part in parts if part and part != "-")


def event_title(event: Event, names: dict[str, str]) -> str:
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    who = ", ".join(names[a] for a in event.actor)
    whom = ", ".join(names[r] for r in event.recipient)
    when = event.date.isoformat() if event.date else "?"
    return f"{kind} · {when} · {who}" + (f" → {whom}" if whom else "")


def marks(result: Extraction, link: Link) -> list[Mark]:
    """The marks of an extraction: mentions, role phrases and event evidence."""
    held = positions(result)
    names = {e.id: e.name for e in result.entities}
    found = [
        Mark(m.start, m.end, KINDS[e.type], link("entity", e.name), entity_title(e, held), f"rec-{e.id}")
        for e in result.entities
        for m in e.mentions
    ]
    for job in result.occupations:
        title = f"{job.position} · {names[job.person]}"
        span = job.evidence
        found.append(Mark(span.start, span.end, "role", link("entity", names[job.person]), title, f"rec-{job.person}"))
    for event in result.events:
        title = event_title(event, names)
        href = link("event", event.id)
        found += [Mark(v.start, v.end, "event", href, title, f"rec-{event.id}") for v in event.evidence]
    return [m for m in found if 0 <= m.start < m.end <= len(result.document.text)]


def innermost(over: list[Mark]) -> Mark | None:
    return min(over, key=lambda m: (m.kind == "role", m.end - m.start), default=None)


def pieces(text: str, found: list[Mark]) -> list[Piece]:
    """`text` cut at every mark's edges; each piece knows the marks over it."""
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    out: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        over = [m for m in found if m.start <= start and end <= m.end]
        mark = innermost([m for m in over if m.kind != "event"])
        event = innermost([m for m in over if m.kind == "event"])
        if out and out[-1].mark == mark and out[-1].event == event:
            out[-1] = Piece(out[-1].text + text[start:end], mark, event)
        else:
            out.append(Piece(text[start:end], mark, event))
    return out
