"""The HTML pages: server-rendered templates, each with a JSON twin at `/api` + the same path and query
(`/events?type=CONSULT` and `/api/events?type=CONSULT`). Jinja escapes every value: article text is
shown as text, whatever it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

import letopis.markup as markup
from letopis.lexicon.plover import TYPES, contexts
from letopis.model import Extraction
from letopis.render import positions
from letopis.store import EventFilters
from letopis.store.filters import topic_names
from letopis.web import charts, views
from letopis.web.api import Asked, Filters, NotFound, Of, extract_request
from letopis.web.labels import words
from letopis.web.params import Cursor, Limit

ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True))  # fmt: skip
TEMPLATES = Jinja2Templates(env=ENV)
ENV.globals["charts"] = charts
ENV.filters["q"] = lambda value: quote(str(value), safe="")
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FILTERS = ("entity", "pair", "type", "context", "topic", "place", "since", "until", "min_confidence")


TWINS = {"/": "/api/summary", "/paste": "/api/docs#/default/extract_api_extract_post"}


def twin(request: Request) -> str:
    """The JSON twin of a page: `/api` + its path and query (the overview's is the summary; the paste
    form's is `POST /api/extract`, shown in the API docs)."""
    path = request.url.path
    if path in TWINS:
        return TWINS[path]
    return "/api" + path + (f"?{request.url.query}" if request.url.query else "")


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """A page in the language asked for (`?lang=en`), remembered in a cookie for the pages after it."""
    asked = request.query_params.get("lang")
    lang = "en" if (asked or request.cookies.get("lang")) == "en" else "ru"
    response = TEMPLATES.TemplateResponse(
        request, name, {"t": words(lang), "lang": lang, "twin": twin(request), **context}, status_code=status
    )
    if asked is not None:
        response.set_cookie("lang", lang, samesite="lax")
    return response


def error(request: Request, status: int, detail: str) -> Response:
    return render(request, "error.html", status, detail=detail)


@router.get("/")
def overview(request: Request, of: Of) -> Response:
    with of.reading() as store:
        found = views.summary(store)
    return render(request, "overview.html", s=found, capitals=charts.capitals(found["countries"]))


@router.get("/search")
def search(request: Request, of: Of, asked: Asked, filters: Filters, q: Annotated[str, Query(max_length=1000)] = "",
           cursor: Cursor = None, limit: Limit = 20) -> Response:  # fmt: skip
    found = None
    if q.strip():
        with of.reading() as store:
            found = views.search(store, q, filters, cursor, limit, request.url.path, asked)
    return render(request, "search.html", q=q, found=found, asked=asked, choices=choices(),
                  filtering=filters != EventFilters())


@router.get("/documents")
def documents(request: Request, of: Of, asked: Asked, cursor: Cursor = None, limit: Limit = 50) -> Response:
    with of.reading() as store:
        found = views.documents(store, cursor, limit, request.url.path, asked)
    return render(request, "documents.html", found=found)


def article(request: Request, extraction: Extraction, doc_hash: str | None, text: str = "") -> Response:
    """The article view: the text with its marks, the records beside it."""

    def link(kind: str, key: str) -> str:
        return f"/{kind}/{quote(key, safe='')}" if doc_hash is not None else f"#rec-{key}"

    doc = extraction.document
    names = {e.id: e.name for e in extraction.entities}
    pieces = markup.pieces(doc.text, markup.marks(extraction.to_dict(), doc.text, link))
    return render(request, "article.html", x=extraction, doc=doc, hash=doc_hash, pieces=pieces, names=names,
                  held=positions(extraction), pasted=text, needs_token=request.app.state.token is not None)  # fmt: skip


@router.get("/document/{key}")
def document(request: Request, of: Of, key: str) -> Response:
    with of.reading() as store:
        found = views.document(store, key)
    if found is None:
        raise NotFound(f"no document {key!r}")
    return article(request, *found)


def choices() -> dict[str, list[str]]:
    return {"type": sorted(TYPES), "context": sorted(contexts()), "topic": sorted(topic_names())}


@router.get("/events")
def events(request: Request, of: Of, asked: Asked, filters: Filters, cursor: Cursor = None,
           limit: Limit = 50) -> Response:  # fmt: skip
    with of.reading() as store:
        found = views.events(store, filters, cursor, limit, request.url.path, asked)
    exports = urlencode({k: v for k, v in asked.items() if k in FILTERS and v})
    return render(request, "events.html", found=found, asked=asked, choices=choices(), exports=exports)


@router.get("/event/{event_id}")
def event(request: Request, of: Of, event_id: str) -> Response:
    with of.reading() as store:
        found = store.event(event_id)
    if found is None:
        raise NotFound(f"no event {event_id!r}")
    return render(request, "event.html", e=found)


@router.get("/entities")
def entities(request: Request, of: Of, asked: Asked, type: Annotated[str | None, Query(max_length=3)] = None,
             cursor: Cursor = None, limit: Limit = 50) -> Response:  # fmt: skip
    with of.reading() as store:
        found = views.entities(store, type or None, cursor, limit, request.url.path, asked)
    return render(request, "entities.html", found=found, kind=type or "")


@router.get("/entity/{name:path}")
def entity(request: Request, of: Of, name: str) -> Response:
    with of.reading() as store:
        found = views.entity(store, name)
    if found is None:
        raise NotFound(f"no entity called {name!r}")
    return render(request, "entity.html", e=found)


@router.get("/pairs")
def pairs(request: Request, of: Of, asked: Asked, cursor: Cursor = None, limit: Limit = 50) -> Response:
    with of.reading() as store:
        found = views.pairs(store, cursor, limit, request.url.path, asked)
    return render(request, "pairs.html", found=found)


@router.get("/pair/{pair}")
def pair(request: Request, of: Of, pair: str) -> Response:
    with of.reading() as store:
        found = views.pair(store, pair)
    return render(request, "pair.html", p=found)


@router.get("/paste")
def paste_form(request: Request) -> Response:
    return render(request, "paste.html", needs_token=request.app.state.token is not None)


@router.post("/paste")
async def paste(request: Request, text: Annotated[str | None, Form()] = None,
                file: Annotated[UploadFile | None, File()] = None, store: Annotated[bool, Form()] = False,
                token: Annotated[str | None, Form()] = None) -> Response:  # fmt: skip
    """Extract a pasted or uploaded article and show it in the article view; `store` also stores it."""
    extraction, doc_hash = await extract_request(request, text, file, store, token)
    if doc_hash is not None:
        with request.app.state.corpus.reading() as reader:
            extraction = reader.extraction(doc_hash)
    return article(request, extraction, doc_hash, extraction.document.text)
