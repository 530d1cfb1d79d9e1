"""An article's text cut into marked pieces, as displaCy marks entities: every mention, role phrase and
event evidence is a mark with a link to its record and a tooltip (normal form, type, country, role).
The web app's article view and a notebook's display (`Extraction._repr_html_`, `Events._repr_html_`)
share it. It reads the output contract's dicts (`Extraction.to_dict()`), nothing of letopis; every text
it writes into HTML is escaped."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

KINDS = {"PER": "per", "ORG": "org", "LOC": "loc"}
# The article view's colours (web/static/letopis.css, :root), which a notebook has no stylesheet for.
COLOURS = {"per": "#aa9cfc", "org": "#7aecec", "loc": "#feca74", "role": "#e4e7d2", "event": "#c2185b"}
LABELS = {"per": "People", "org": "Organisations", "loc": "Places", "role": "Roles", "event": "Events"}
SHOWN = 50  # rows of an event list a notebook shows
STYLE = (
    ".letopis .m{color:inherit;text-decoration:none;padding:.1em .25em;border-radius:.3em}"
    + "".join(f".letopis .m.{k}{{background:{c}}}" for k, c in COLOURS.items() if k != "event")
    + f".letopis .m.event,.letopis .m.ev{{border-bottom:2px solid {COLOURS['event']}}}"
    ".letopis .article{display:flex;flex-wrap:wrap;gap:1rem}"
    ".letopis .text{white-space:pre-wrap;line-height:2;flex:2 1 28rem}"
    ".letopis .records{flex:1 1 14rem;font-size:.9em}"
)


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


def anchor(kind: str, key: str) -> str:
    """A link to the record beside the text (a page or cell of its own, no server)."""
    return f"#rec-{key}"


def code(entity: dict[str, Any]) -> str:
    return " ".join(part for part in (entity["country"], entity["sector"]) if part) or "-"


def positions(record: dict[str, Any]) -> dict[str, str]:
    """Each person's positions: `посол Казахстан (в Пакистан)`; `(место по документу)` marks a place the
    document gave."""
    names = {e["id"]: e["name"] for e in record["entities"]}
    held: dict[str, list[str]] = {}
    for job in record["occupations"]:
        where = f" {names[job['where']]}" if job["where"] else ""
        where += " (место по документу)" if job["where"] and job["where_from"] == "document" else ""
        posted = f" (в {names[job['accredited_to']]})" if job["accredited_to"] else ""
        held.setdefault(job["person"], []).append(f"{job['position']}{where}{posted}")
    return {person: "; ".join(jobs) for person, jobs in held.items()}


def entity_title(entity: dict[str, Any], held: dict[str, str]) -> str:
    parts = [entity["name"], entity["type"], code(entity), held.get(entity["id"], "")]
    return " · ".join(part for part in parts if part and part != "-")


def event_title(event: dict[str, Any], names: dict[str, str]) -> str:
    kind = event["type"] + (f"/{event['mode']}" if event["mode"] else "")
    who = ", ".join(names[a] for a in event["actor"])
    whom = ", ".join(names[r] for r in event["recipient"])
    return f"{kind} · {event['date'] or '?'} · {who}" + (f" → {whom}" if whom else "")


def marks(record: dict[str, Any], text: str, link: Link) -> list[Mark]:
    """The marks of an extraction: mentions, role phrases and event evidence."""
    held = positions(record)
    names = {e["id"]: e["name"] for e in record["entities"]}
    found = [
        Mark(m["start"], m["end"], KINDS[e["type"]], link("entity", e["name"]), entity_title(e, held), f"rec-{e['id']}")
        for e in record["entities"]
        for m in e["mentions"]
    ]
    for job in record["occupations"]:
        title = f"{job['position']} · {names[job['person']]}"
        span, person = job["evidence"], job["person"]
        found.append(Mark(span["start"], span["end"], "role", link("entity", names[person]), title, f"rec-{person}"))
    for event in record["events"]:
        title = event_title(event, names)
        href = link("event", event["id"])
        found += [Mark(v["start"], v["end"], "event", href, title, f"rec-{event['id']}") for v in event["evidence"]]
    return [m for m in found if 0 <= m.start < m.end <= len(text)]


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


def piece_html(piece: Piece) -> str:
    mark = piece.mark or piece.event
    if mark is None:
        return escape(piece.text)
    kind = mark.kind + (" ev" if piece.mark and piece.event else "")
    return f'<a class="m {kind}" href="{escape(mark.href)}" title="{escape(mark.title)}">{escape(piece.text)}</a>'


def records_html(record: dict[str, Any]) -> str:
    """The records beside the text: entities by type with their positions, then the events."""
    held = positions(record)
    names = {e["id"]: e["name"] for e in record["entities"]}
    out = []
    for kind, short in KINDS.items():
        found = [e for e in record["entities"] if e["type"] == kind]
        items = "".join(
            f'<li id="rec-{escape(e["id"])}"><b>{escape(e["name"])}</b> <small>{escape(code(e))}</small>'
            + (f"<br><small>{escape(held[e['id']])}</small>" if e["id"] in held else "") + "</li>"
            for e in found
        )  # fmt: skip
        out.append(f"<h4>{LABELS[short]} ({len(found)})</h4><ul>{items}</ul>" if found else "")
    events = "".join(f'<li id="rec-{escape(e["id"])}">{escape(event_title(e, names))}</li>' for e in record["events"])
    out.append(f"<h4>Events ({len(record['events'])})</h4><ul>{events}</ul>" if events else "")
    return "".join(out)


def html(record: dict[str, Any], text: str) -> str:
    """An extraction as HTML for a notebook: the marked text and its records beside it."""
    body = "".join(piece_html(p) for p in pieces(text, marks(record, text, anchor)))
    legend = " ".join(f'<span class="m {k}">{v}</span>' for k, v in LABELS.items())
    meta = " · ".join(escape(str(v)) for v in (record["published"], record["source"]) if v)
    return (f'<div class="letopis"><style>{STYLE}</style><h3>{escape(record["title"] or record["id"])}</h3>'
            f'<p><small>{meta}</small></p><p>{legend}</p><div class="article"><div class="text">{body}</div>'
            f'<div class="records">{records_html(record)}</div></div></div>')  # fmt: skip


def cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


class Events(list[dict[str, Any]]):
    """Events of a query: a plain list of dicts that a notebook shows as a table (`_repr_html_`)."""

    def _repr_html_(self) -> str:
        header = list(self[0]) if self else ["events"]
        head = "".join(f"<th>{escape(name)}</th>" for name in header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell(row.get(name)))}</td>" for name in header) + "</tr>"
            for row in self[:SHOWN]
        )
        more = f"<p>showing {SHOWN} of {len(self)}</p>" if len(self) > SHOWN else ""
        return f'<div class="letopis"><p>{len(self)} events</p><table><tr>{head}</tr>{rows}</table>{more}</div>'
