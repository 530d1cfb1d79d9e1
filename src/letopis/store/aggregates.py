"""Aggregates of the events a filter keeps (by month and type; who acted on whom; places), each a query
of its own; and a country pair's dashboard, the row the ingest writes for it (derived.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from letopis.store.filters import EventFilters
from letopis.store.pages import DASHBOARD
from letopis.store.queries import event_query, rows


@dataclass(frozen=True, slots=True)
class Aggregate:
    """`SELECT columns FROM p tail ORDER BY order LIMIT limit` over the events `p`."""

    columns: str
    tail: str
    order: str
    limit: int | None = None

    def query(self, events: str) -> str:
        """This aggregate as a query of its own over the event query `events`."""
        cut = f" LIMIT {self.limit}" if self.limit else ""
        return f"SELECT {self.columns} FROM ({events}) p{self.tail} ORDER BY {self.order}{cut}"


BY_MONTH_AND_TYPE = Aggregate("strftime(date, '%Y-%m') AS month, type, count(*) AS events",
                              " WHERE date IS NOT NULL GROUP BY ALL", "month, type")  # fmt: skip
NETWORK = Aggregate(
    "a.name AS actor, a.country AS actor_country, r.name AS recipient, r.country AS recipient_country,"
    " count(*) AS events",
    ", unnest(p.actor) AS x(a_id), unnest(p.recipient) AS y(r_id) JOIN entities a ON a.id = x.a_id"
    " JOIN entities r ON r.id = y.r_id WHERE a.id <> r.id GROUP BY ALL",
    "events DESC, actor, recipient",
    limit=40,
)
PLACES = Aggregate(
    "n.name, n.country, n.lat, n.lon, count(*) AS events",
    " JOIN entities n ON n.id = p.place"
    " WHERE n.lat IS NOT NULL AND n.lon IS NOT NULL GROUP BY ALL",
    "events DESC, name",
)
PAIR = tuple(DASHBOARD)  # the tables of a pair's dashboard


def aggregate(db: duckdb.DuckDBPyConnection, kind: Aggregate, filters: EventFilters) -> list[dict[str, Any]]:
    """One aggregate of the events `filters` keep."""
    sql, params = event_query(db, filters, lean=True)
    return rows(db, kind.query(sql), params)


def pair(db: duckdb.DuckDBPyConnection, first: str, second: str) -> dict[str, Any]:
    """Relations of two countries: events by month, type and topic, the most active people and
    organisations on both sides, events by month and type, who acted on whom, and the places; one row of
    `pair_pages`, which the ingest writes (derived.py)."""
    cursor = db.execute(f"SELECT {', '.join(PAIR)} FROM pair_pages WHERE pair = ?", ["-".join(sorted((first, second)))])
    found = cursor.fetchone() or tuple([] for _ in PAIR)
    return {"pair": f"{first}-{second}", **dict(zip(PAIR, found, strict=True))}
