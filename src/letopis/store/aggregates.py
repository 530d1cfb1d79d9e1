"""Aggregates of the events a filter keeps (by month, type and topic; the most active actors; who acted on
whom; places), each written once. One runs alone as a query of its own; a country pair's dashboard runs
them all in one statement, over the pair's events picked once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from letopis.store.filters import EventFilters
from letopis.store.queries import event_query, rows


@dataclass(frozen=True, slots=True)
class Aggregate:
    """`SELECT columns FROM p tail ORDER BY order LIMIT limit` over the events `p`; `order` names output
    columns only, so that it also orders the rows gathered into one list."""

    columns: str
    tail: str
    order: str
    limit: int | None = None

    def query(self, events: str) -> str:
        """This aggregate as a query of its own over the event query `events`."""
        cut = f" LIMIT {self.limit}" if self.limit else ""
        return f"SELECT {self.columns} FROM ({events}) p{self.tail} ORDER BY {self.order}{cut}"

    def column(self, name: str) -> str:
        """This aggregate over the table `p` as the column `name`: its rows as a list of structs, in order."""
        cut = f"[1:{self.limit}]" if self.limit else ""
        return (f"coalesce((SELECT list(t ORDER BY {self.order}){cut} FROM (SELECT {self.columns} FROM p{self.tail})"
                f" t), []) AS {name}")  # fmt: skip


BY_MONTH = Aggregate("strftime(date, '%Y-%m') AS month, count(*) AS events", " GROUP BY month", "month")
BY_TYPE = Aggregate("type, count(*) AS events", " GROUP BY type", "events DESC, type")
BY_TOPIC = Aggregate("t AS topic, count(*) AS events", ", unnest(p.topics) AS x(t) GROUP BY t", "events DESC, topic")
BY_MONTH_AND_TYPE = Aggregate("strftime(date, '%Y-%m') AS month, type, count(*) AS events",
                              " WHERE date IS NOT NULL GROUP BY ALL", "month, type")  # fmt: skip
TOP_ACTORS = Aggregate(  # the people and organisations of two countries, given as parameters
    "n.name, n.type, n.country, count(*) AS events",
    ", unnest(list_concat(p.actor, p.recipient)) AS x(id) JOIN entities n ON n.id = x.id"
    " WHERE n.type IN ('PER', 'ORG') AND n.country IN (?, ?) GROUP BY ALL",
    "events DESC, name",
    limit=20,
)
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
    " JOIN events e ON e.id = p.id JOIN entities n ON n.id = e.place"
    " WHERE n.lat IS NOT NULL AND n.lon IS NOT NULL GROUP BY ALL",
    "events DESC, name",
)
PAIR = {"by_month": BY_MONTH, "by_type": BY_TYPE, "by_topic": BY_TOPIC, "top_actors": TOP_ACTORS,
        "by_month_and_type": BY_MONTH_AND_TYPE, "network": NETWORK, "places": PLACES}  # fmt: skip


def aggregate(db: duckdb.DuckDBPyConnection, kind: Aggregate, filters: EventFilters) -> list[dict[str, Any]]:
    """One aggregate of the events `filters` keep."""
    sql, params = event_query(db, filters, lean=True)
    return rows(db, kind.query(sql), params)


def pair(db: duckdb.DuckDBPyConnection, first: str, second: str) -> dict[str, Any]:
    """Relations of two countries, in one statement over their events: events by month, type and topic,
    the most active people and organisations on both sides, events by month and type, who acted on whom,
    and the places."""
    sql, params = event_query(db, EventFilters(pair=(first, second)), lean=True)
    columns = ", ".join(kind.column(name) for name, kind in PAIR.items())
    found = db.execute(f"WITH p AS MATERIALIZED ({sql}) SELECT {columns}", [*params, first, second]).fetchall()[0]
    return {"pair": f"{first}-{second}", **dict(zip(PAIR, found, strict=True))}
