"""Typed records that flow through the pipeline: read -> nlp -> extract -> output.

Every fact keeps character offsets into `Document.text`, so the sentence it came from can be shown.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

EntityType = Literal["PER", "ORG", "LOC"]
UnitKind = Literal["headline", "credit", "dateline", "body"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of the document processed on its own: headline, photo credit, dateline or a body block."""

    kind: UnitKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: date | None
    agency: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article. `id` is the reader's short name (file stem, JSONL `id`); `source_id` is its
    stable source identity, which the store keys it by: the path relative to the ingest root, with
    `:line` for a JSONL record or `#id` for one that gives an explicit `id`. `language` is the ISO 639-1
    code the reader detected. `published` is the publication date the document states (seed header,
    JSONL field) or the user gave (`--published`); `file_date` is the day its file was last modified,
    which only exports fall back on, marked as such."""

    id: str
    source: str
    text: str
    units: tuple[Unit, ...]
    title: str | None = None
    published: date | None = None
    url: str | None = None
    dateline: Dateline | None = None
    source_id: str = ""
    language: str = "ru"
    file_date: date | None = None

    @property
    def day(self) -> date | None:
        """The day the report speaks from: its dateline's date, else its publication date."""
        return self.dateline.date if self.dateline and self.dateline.date else self.published


RejectStage = Literal["read", "language", "limit", "extract", "store"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or processed, with the reason; the batch goes on without it.
    `source` names the file (and `:line` in JSONL); `source_id` is the identity the document would have
    had in the store (empty when even that is unknown); `stage` says where it was stopped."""

    source: str
    reason: str
    stage: RejectStage = "read"
    source_id: str = ""


MAX_CHARS = 200_000
MAX_SECONDS = 300.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits (docs/reliability.md): a longer document, or one whose extraction takes longer,
    is a reject of stage `limit` and the others go on. The defaults keep one process under 500 MB."""

    max_chars: int = MAX_CHARS
    max_seconds: float = MAX_SECONDS


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that is not read (an unsupported kind, a hidden file, an unreadable folder)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is mentioned. `anaphor` marks a mention that is no name: a role phrase (`Посол`)
    or a country adjective (`казахстанской`)."""

    start: int
    end: int
    text: str
    anaphor: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place of the document. A `generic` entity is a group or authority that
    the text names without a name (`полиция`, `демонстранты`), called by that word and its country.
    `country_from` says where `country` comes from: `text` (the document states it), `list` (the
    package's lists of known people and of places that stand for a government), `setting` (nothing is
    stated: the country the document is set in, its dateline's or the one it names most) or, for a
    document read back from a corpus, `corpus` (the position another article states for the person on or
    before this document's day)."""

    id: str
    type: EntityType
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: tuple[Mention, ...] = ()
    generic: bool = False
    country_from: str | None = None


@dataclass(frozen=True, slots=True)
class Occupation:
    """A person's position. `where_from` is `text` when `where` is stated with the position, `document`
    when a head of state or government, senator, mayor or governor is named without a place and `where`
    is the country, city or region the document names most."""

    person: str
    position: str
    where: str | None
    accredited_to: str | None
    evidence: Span
    where_from: str = "text"


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER-coded event: who did what to whom, where, when, with the text it was read from.
    `date_precision` is `day`, or `month` or `year` for a period the text states (`в мае 1981 года`: the
    date is the period's first day)."""

    id: str
    type: str
    mode: str | None
    quad: int
    intensity: float
    modality: str
    contexts: tuple[str, ...]
    topics: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    place: str | None
    date: date | None
    evidence: tuple[Span, ...]
    confidence: float
    date_precision: str = "day"

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["date"] = self.date.isoformat() if self.date else None
        return record


@dataclass(frozen=True, slots=True)
class Extraction:
    document: Document
    entities: tuple[Entity, ...]
    occupations: tuple[Occupation, ...]
    events: tuple[Event, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)

    def to_dict(self) -> dict[str, Any]:
        """The output contract (README) as Python values: tuples stay tuples, dates are ISO strings."""
        doc = self.document
        dateline = None
        if doc.dateline is not None:
            dateline = {
                "place": doc.dateline.place,
                "date": doc.dateline.date.isoformat() if doc.dateline.date else None,
                "agency": doc.dateline.agency,
            }
        return {
            "id": doc.id,
            "source": doc.source,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "dateline": dateline,
            "language": doc.language,
            "entities": [asdict(e) for e in self.entities],
            "occupations": [asdict(o) for o in self.occupations],
            "events": [e.to_dict() for e in self.events],
        }

    def to_json(self, indent: int | None = None) -> str:
        """The output contract as a JSON string (Cyrillic kept as it is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def frames(self) -> dict[str, pd.DataFrame]:
        """pandas DataFrames `entities`, `occupations`, `events` and `evidence` (needs the `analysis` extra)."""
        from letopis.frames import extraction_frames

        return extraction_frames(self.to_dict())

    def _repr_html_(self) -> str:
        """A notebook shows the text with entities, role phrases and event evidence marked, as the web
        app's article view does, and the records beside it."""
        from letopis.markup import html

        return html(self.to_dict(), self.document.text)

    def __repr__(self) -> str:
        kinds = " ".join(f"{k} {sum(e.type == k for e in self.entities)}" for k in ("PER", "ORG", "LOC"))
        return (f"<Extraction {self.document.id!r}: {len(self.entities)} entities ({kinds}), "
                f"{len(self.occupations)} occupations, {len(self.events)} events>")  # fmt: skip
