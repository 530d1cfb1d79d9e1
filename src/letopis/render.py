"""A readable text summary of an extraction: people with positions, organisations, places."""

from __future__ import annotations

import re

import letopis.markup as markup
from letopis.model import Entity, Event, Extraction

QUOTE_LENGTH = 90
# Control characters (C0, DEL, C1), zero-width and bidirectional marks, line and paragraph separators.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def printable(text: str, keep: str = "\n\t") -> str:
    """`text` with control, zero-width and bidi characters shown as escapes (ESC -> `\\x1b`), except those
    in `keep`, so that nothing in an article can move a terminal's cursor or break a table or a TSV."""
    return UNPRINTABLE.sub(lambda m: m.group() if m.group() in keep else escape(m.group()), text)


def escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=False)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    body = [line.format(*row).rstrip() for row in [header, ["-" * w for w in widths], *rows]]
    return ["", f"{title} ({len(rows)})", *body]


def code(entity: Entity) -> str:
    return " ".join(part for part in (entity.country, entity.sector) if part) or "-"


def coordinates(entity: Entity) -> str:
    return f"{entity.lat:.4f}, {entity.lon:.4f}" if entity.lat is not None and entity.lon is not None else "-"


def positions(result: Extraction) -> dict[str, str]:
    """Each person's positions, by entity id (`markup.positions`)."""
    return markup.positions(result.to_dict())


def render_text(result: Extraction) -> str:
    doc = result.document
    lines = [f"# {doc.id}  ({doc.source})"]
    if doc.title:
        lines.append(f"title:     {doc.title}")
    if doc.published:
        lines.append(f"published: {doc.published.isoformat()}")
    if doc.dateline:
        when = doc.dateline.date.isoformat() if doc.dateline.date else "?"
        lines.append(f"dateline:  {doc.dateline.place}, {when}, {doc.dateline.agency or '-'}")
    held = positions(result)

    def of(kind: str) -> list[Entity]:
        return [e for e in result.entities if e.type == kind]

    lines += table(
        "People",
        ["name", "position", "actor", "mentions"],
        [[e.name, held.get(e.id, "-"), code(e), str(len(e.mentions))] for e in of("PER")],
    )
    lines += table(
        "Organisations", ["name", "actor", "mentions"], [[e.name, code(e), str(len(e.mentions))] for e in of("ORG")]
    )
    lines += table(
        "Places",
        ["name", "country", "kind", "lat, lon", "mentions"],
        [[e.name, e.country or "-", e.kind or "-", coordinates(e), str(len(e.mentions))] for e in of("LOC")],
    )
    titles = {job.person: job.position for job in reversed(result.occupations)}
    lines += ["", f"Events ({len(result.events)})", *(event_line(result, e, titles) for e in result.events)]
    return "\n".join(lines) + "\n"


def party(entity: Entity, titles: dict[str, str]) -> str:
    details = ", ".join(part for part in (titles.get(entity.id), code(entity)) if part and part != "-")
    return f"{entity.name} ({details})" if details else entity.name


def event_line(result: Extraction, event: Event, titles: dict[str, str]) -> str:
    """`2025-12-02 Карачи  CONSULT/visit  Ержан Кистафин (посол, KAZ GOV) -> TCS (PAK BUS)  economic  «...»`"""
    by_id = {e.id: e for e in result.entities}
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    if event.modality != "asserted":
        kind += f" ({event.modality})"
    actors = ", ".join(party(by_id[a], titles) for a in event.actor) or "?"
    recipients = ", ".join(party(by_id[r], titles) for r in event.recipient)
    who = f"{actors} -> {recipients}" if recipients else actors
    text = " ".join(event.evidence[0].text.split())
    quote = text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 3].rstrip() + "..."
    when = event.date.isoformat() if event.date else "????-??-??"
    when = {"month": when[:7] + "-??", "year": when[:4] + "-??-??"}.get(event.date_precision, when)
    where = by_id[event.place].name if event.place else "-"
    contexts = ",".join(event.contexts) or "-"
    return f"{when} {where}  {kind}  {who}  {contexts}  «{quote}»"
