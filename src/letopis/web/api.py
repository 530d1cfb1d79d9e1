"""The REST API under /api: the JSON twin of every page, exports as downloads, and the extraction of a
pasted or uploaded article. Every answer has a response model; a bad parameter is a 400 saying why."""

from __future__ import annotations

import io
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from letopis.export import write_rows
from letopis.model import Extraction
from letopis.store import EventFilters
from letopis.web import schemas, views
from letopis.web.corpus import MAX_UPLOAD, Corpus, pasted, uploaded
from letopis.web.params import Cursor, Limit, event_filters

ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": schemas.Problem} for code in (400, 404, 414)}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, 401: {"model": schemas.Problem}, 413: {"model": schemas.Problem}}  # fmt: skip


class NotFound(LookupError):
    """A document, event, entity that the corpus does not hold (404)."""


class Refused(PermissionError):
    """A write without the token the app was started with (401)."""


class Format(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


MEDIA = {"csv": "text/csv", "jsonl": "application/jsonl", "parquet": "application/vnd.apache.parquet",
         "plover": "application/jsonl", "gdelt": "text/tab-separated-values"}  # fmt: skip
SUFFIX = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet", "plover": "plover.jsonl", "gdelt": "tsv"}


# The dependencies are coroutines: FastAPI runs a plain function dependency in its thread pool, a hop that
# cost more than these take; the endpoints that read the corpus stay plain functions, run in that pool.
async def corpus(request: Request) -> Corpus:
    found: Corpus = request.app.state.corpus
    return found


async def query(request: Request) -> dict[str, Any]:
    return dict(request.query_params)


Of = Annotated[Corpus, Depends(corpus)]
Asked = Annotated[dict[str, Any], Depends(query)]
Filters = Annotated[EventFilters, Depends(event_filters)]
router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/summary", response_model=schemas.Summary)
def summary(of: Of) -> dict[str, Any]:
    """What the corpus holds: counts, events by type and month, top country pairs, events by country."""
    with of.reading() as store:
        return views.summary(store)


@router.get("/search", response_model=schemas.SearchPage)
def search(of: Of, request: Request, asked: Asked, q: Annotated[str, Query(min_length=1, max_length=1000)],
           filters: Filters, cursor: Cursor = None, limit: Limit = 20) -> dict[str, Any]:  # fmt: skip
    """Documents by words in any form (Russian morphology, BM25), with snippets: matches in [brackets]; with
    event filters, only the documents reporting an event they keep."""
    with of.reading() as store:
        return views.search(store, q, filters, cursor, limit, request.url.path, asked)


@router.get("/documents", response_model=schemas.DocumentPage)
def documents(of: Of, request: Request, asked: Asked, cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    """Stored documents, newest first."""
    with of.reading() as store:
        return views.documents(store, cursor, limit, request.url.path, asked)


@router.get("/document/{key}", response_model=schemas.DocumentDetail)
def document(of: Of, key: str) -> dict[str, Any]:
    """A document (by its key or text hash) with its extraction: entities, mentions, occupations and
    events, every one with offsets into `text`."""
    with of.reading() as store:
        found = views.document(store, key)
    if found is None:
        raise NotFound(f"no document {key!r}")
    return views.detail(*found)


@router.get("/events", response_model=schemas.EventPage)
def events(of: Of, request: Request, asked: Asked, filters: Filters, cursor: Cursor = None,
           limit: Limit = 50) -> dict[str, Any]:  # fmt: skip
    """Events kept by the filters, by date."""
    with of.reading() as store:
        return views.events(store, filters, cursor, limit, request.url.path, asked)


@router.get("/event/{event_id}", response_model=schemas.EventDetail)
def event(of: Of, event_id: str) -> dict[str, Any]:
    """One event with every report of it: the evidence spans and their documents."""
    with of.reading() as store:
        found = store.event(event_id)
    if found is None:
        raise NotFound(f"no event {event_id!r}")
    return found


@router.get("/entities", response_model=schemas.EntityPage)
def entities(of: Of, request: Request, asked: Asked, type: Annotated[str | None, Query(max_length=3)] = None,
             cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:  # fmt: skip
    """Entities (PER, ORG, LOC), the most named first."""
    with of.reading() as store:
        return views.entities(store, type or None, cursor, limit, request.url.path, asked)


@router.get("/entity/{name:path}", response_model=schemas.EntityDetail)
def entity(of: Of, name: str) -> dict[str, Any]:
    """An entity across the corpus: positions over time, aliases, counterparts, events and their timeline."""
    with of.reading() as store:
        found = views.entity(store, name)
    if found is None:
        raise NotFound(f"no entity called {name!r}")
    return found


@router.get("/pairs", response_model=schemas.PairPage)
def pairs(of: Of, request: Request, asked: Asked, cursor: Cursor = None, limit: Limit = 50) -> dict[str, Any]:
    """Country pairs (actor-recipient) by their number of events."""
    with of.reading() as store:
        return views.pairs(store, cursor, limit, request.url.path, asked)


@router.get("/pair/{pair}", response_model=schemas.PairDetail)
def pair(of: Of, pair: str) -> dict[str, Any]:
    """Relations of two countries (KAZ-PAK): events by month and type, topics, actors, network, places."""
    with of.reading() as store:
        return views.pair(store, pair)


@router.get("/export/{export_format}", response_class=Response,
            responses={200: {"content": {m: {} for m in sorted(set(MEDIA.values()))}, "description": "Events"}})
def export(of: Of, export_format: Format, filters: Filters) -> Response:
    """The events kept by the filters as a download: csv, jsonl, parquet, plover (PLOVER JSONL), gdelt (TSV)."""
    with of.reading() as store:
        if export_format is Format.parquet:
            with tempfile.TemporaryDirectory() as folder:
                target = Path(folder) / "events.parquet"
                store.export_parquet(target, filters)
                body = target.read_bytes()
        else:
            sink = io.StringIO()
            write_rows(store.events(limit=10**6, filters=filters), export_format.value, sink, store.extraction)
            body = sink.getvalue().encode("utf-8")
    name = f"letopis-events.{SUFFIX[export_format.value]}"
    return Response(body, media_type=MEDIA[export_format.value],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


def allowed(request: Request, given: str | None) -> None:
    """Refuse a write when the app was started with a token and the request does not carry it."""
    token: str | None = request.app.state.token
    if token is not None and given != token:
        raise Refused("this server takes pasted articles only with its token (X-Letopis-Token or the token field)")


async def read_upload(file: UploadFile | None) -> tuple[str, bytes] | None:
    if file is None or not file.filename:
        return None
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ValueError(f"the file is over {MAX_UPLOAD:,} bytes, the limit")
    return file.filename, data


async def extract_request(request: Request, text: str | None, file: UploadFile | None, store: bool,
                          token: str | None) -> tuple[Extraction, str | None]:  # fmt: skip
    """Pasted text or an uploaded file, extracted at once and, when `store`, stored; shared by the API
    and the paste page."""
    allowed(request, token or request.headers.get("x-letopis-token"))
    upload = await read_upload(file)
    if upload is None and not text:
        raise ValueError("give the article's text or a .txt/.jsonl file")
    if text is not None and len(text) > MAX_UPLOAD:
        raise ValueError(f"the text is over {MAX_UPLOAD:,} characters, the limit")
    doc = uploaded(*upload) if upload is not None else pasted(text or "")
    of: Corpus = request.app.state.corpus
    extraction = await run_in_threadpool(of.extract, doc)
    doc_hash = await run_in_threadpool(of.add, extraction) if store else None
    return extraction, doc_hash


@router.post("/extract", response_model=schemas.DocumentDetail, responses=WRITE_ERRORS)
async def extract(request: Request, text: Annotated[str | None, Form()] = None,
                  file: Annotated[UploadFile | None, File()] = None, store: Annotated[bool, Form()] = False,
                  token: Annotated[str | None, Form()] = None) -> dict[str, Any]:  # fmt: skip
    """Extract a pasted text or an uploaded .txt/.jsonl file (its first record); `store=true` also stores it."""
    return views.detail(*await extract_request(request, text, file, store, token))
