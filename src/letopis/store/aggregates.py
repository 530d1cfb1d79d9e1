"""Aggregates of the events a filter keeps (by month and type; who acted on whom; places), each a query
of its own; and a country pair's dashboard, read from the counts the ingest writes (derived.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from letopis.store.filters import EventFilters
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
# A country pair's dashboard, from the counts written at ingest (derived.py): the same tables as the
# aggregates above over the pair's events, each a query over the rows of the pair (`$pair`), its order and
# its number of rows.
DASHBOARD: dict[str, tuple[str, str, int | None]] = {
    "by_month": ("SELECT nullif(month, '') AS month, CAST(sum(events) AS BIGINT) AS events FROM pair_months"
                 " WHERE pair = $pair GROUP BY month", "month", None),
    "by_type": ("SELECT type, CAST(sum(events) AS BIGINT) AS events FROM pair_months WHERE pair = $pair"
                " GROUP BY type", "events DESC, type", None),
    "by_topic": ("SELECT topic, events FROM pair_topics WHERE pair = $pair", "events DESC, topic", None),
    "top_actors": ("SELECT name, type, country, CAST(sum(events) AS BIGINT) AS events FROM pair_actors"
                   " WHERE pair = $pair AND country IN ($first, $second) GROUP BY ALL", "events DESC, name", 20),
    "by_month_and_type": ("SELECT month, type, events FROM pair_months WHERE pair = $pair AND month <> ''",
                          "month, type", None),
    "network": ("SELECT actor_name AS actor, actor_country, recipient_name AS recipient, recipient_country,"
                " CAST(sum(events) AS BIGINT) AS events FROM pair_links WHERE pair = $pair GROUP BY ALL",
                "events DESC, actor, recipient", 40),
    "places": ("SELECT name, country, lat, lon, CAST(sum(events) AS BIGINT) AS events FROM pair_places"
               " WHERE pair = $pair AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL", "events DESC, name", None),
}  # fmt: skip
PAIR = tuple(DASHBOARD)


def aggregate(db: duckdb.DuckDBPyConnection, kind: Aggregate, filters: EventFilters) -> list[dict[str, Any]]:
    """One aggregate of the events `filters` keep."""
    sql, params = event_query(db, filters, lean=True)
    return rows(db, kind.query(sql), params)


def pair(db: duckdb.DuckDBPyConnection, first: str, second: str) -> dict[str, Any]:
    """Relations of two countries: events by month, type and topic, the most active people and
    organisations on both sides, events by month and type, who acted on whom, and the places. One query
    a table: at 1M events the seven cost 25 ms of CPU, where the same seven as one statement of
    subqueries cost 47."""
    given = {"pair": "-".join(sorted((first, second))), "first": first, "second": second}
    found = {name: rows(db, f"{sql} ORDER BY {order}{f' LIMIT {limit}' if limit else ''}",
                        {key: value for key, value in given.items() if f"${key}" in sql})
             for name, (sql, order, limit) in DASHBOARD.items()}  # fmt: skip
    return {"pair": f"{first}-{second}", **found}
