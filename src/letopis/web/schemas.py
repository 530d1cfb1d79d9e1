"""The API's response models (pydantic, at the edge only: the library's records stay dataclasses)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class Problem(BaseModel):
    detail: str


class Paged(BaseModel):
    next: str | None = None


class SearchHit(BaseModel):
    document: str
    score: float
    title: str | None
    published: date | None
    source: str | None
    snippet: str


class SearchPage(Paged):
    query: str
    items: list[SearchHit]


class DocumentRow(BaseModel):
    document: str
    hash: str
    title: str | None
    published: date | None
    source: str | None
    entities: int
    events: int


class DocumentPage(Paged):
    items: list[DocumentRow]


class SpanModel(BaseModel):
    start: int
    end: int
    text: str


class MentionModel(SpanModel):
    anaphor: bool


class EntityFields(BaseModel):
    """What every view of an entity shows of it."""

    id: str
    type: str
    name: str
    country: str | None
    sector: str | None
    kind: str | None
    lat: float | None
    lon: float | None


class EntityRecord(EntityFields):
    mentions: list[MentionModel]
    generic: bool = False
    country_from: str | None = None


class OccupationRecord(BaseModel):
    person: str
    position: str
    where: str | None
    accredited_to: str | None
    where_from: str
    evidence: SpanModel


class EventRecord(BaseModel):
    id: str
    type: str
    mode: str | None
    quad: int
    intensity: float
    modality: str
    contexts: list[str]
    topics: list[str]
    actor: list[str]
    recipient: list[str]
    place: str | None
    date: date | None
    evidence: list[SpanModel]
    confidence: float
    date_precision: str = "day"


class DocumentDetail(BaseModel):
    document: str
    hash: str | None
    stored: bool
    title: str | None
    published: date | None
    source: str
    url: str | None
    language: str
    text: str
    entities: list[EntityRecord]
    occupations: list[OccupationRecord]
    events: list[EventRecord]


class EventFields(BaseModel):
    """What an event row and an event page share."""

    id: str
    type: str
    mode: str | None
    modality: str | None
    date: date | None
    place: str | None
    actor: list[str]
    recipient: list[str]
    actor_countries: list[str]
    recipient_countries: list[str]
    contexts: list[str]
    topics: list[str]
    confidence: float | None
    sources: int


class EventRow(EventFields):
    hash: str
    document: str
    evidence: str | None


class EventPage(Paged):
    items: list[EventRow]


class Report(BaseModel):
    document: str
    title: str | None
    start: int
    end: int
    text: str


class EventDetail(EventFields):
    quad: int | None
    evidence: list[Report]


class EntityRow(EntityFields):
    documents: int


class EntityPage(Paged):
    items: list[EntityRow]


class Position(BaseModel):
    position: str
    where: str | None
    where_from: str
    accredited_to: str | None
    month: str | None


class Counterpart(BaseModel):
    name: str
    type: str
    country: str | None
    events: int


class MonthType(BaseModel):
    month: str
    type: str
    events: int


class EntityDetail(EntityFields):
    aliases: list[str]
    positions: list[Position]
    counterparts: list[Counterpart]
    events: list[EventRow]
    timeline: list[MonthType]


class Count(BaseModel):
    name: str
    events: int


class Edge(BaseModel):
    actor: str
    actor_country: str | None
    recipient: str
    recipient_country: str | None
    events: int


class PlaceCount(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    events: int


class PairDetail(BaseModel):
    pair: str
    events: int
    by_type: list[Count]
    by_topic: list[Count]
    by_month_and_type: list[MonthType]
    top_actors: list[Counterpart]
    network: list[Edge]
    places: list[PlaceCount]


class PairPage(Paged):
    items: list[Count]


class Summary(BaseModel):
    documents: int
    sources: int
    near_duplicates: int
    rejects: int
    not_searchable: int
    entities: int
    events: int
    event_reports: int
    occupations: int
    events_by_type: list[Count]
    top_country_pairs: list[Count]
    by_month_and_type: list[MonthType]
    countries: list[Count]
