"""Query parameters shared by the pages and the API, declared once."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from letopis.store import EventFilters
from letopis.store.filters import MAX_TEXT
from letopis.web.paging import MAX_PAGE

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Cursor = Annotated[str | None, Query(max_length=200, description="The `next` link's cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page, 1 to {MAX_PAGE}")]


async def event_filters(
    entity: Annotated[str | None, Query(max_length=MAX_TEXT, description="Events of this entity (its name)")] = None,
    pair: Annotated[str | None, Query(max_length=20, description="Country pair, either direction: KAZ-PAK")] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type: CONSULT, AGREE, ...")] = None,
    context: Annotated[str | None, Query(max_length=40, description="PLOVER context: diplomatic, ...")] = None,
    topic: Annotated[str | None, Query(max_length=40, description="Topic: trade, banking, ...")] = None,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="Place name")] = None,
    since: Annotated[str | None, Query(max_length=20, description="From date YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=20, description="To date YYYY-MM-DD")] = None,
    min_confidence: Annotated[str | None, Query(max_length=20, description="Confidence at least (0-1)")] = None,
) -> EventFilters:
    """The event filters of a request, checked by the store's rules (a bad value is a 400 saying why);
    an empty field of a form leaves its filter out. A coroutine, so that FastAPI does not run it in its
    thread pool."""
    given = {"entity": entity, "pair": pair, "type": type, "context": context, "topic": topic, "place": place,
             "since": since, "until": until, "min_confidence": min_confidence}  # fmt: skip
    return EventFilters.parse(**{k: v for k, v in given.items() if v not in (None, "")})
