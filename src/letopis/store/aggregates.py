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
# A country pair's dashboard, from the counts written at ingest (derived.py): one query a table, each over
# the rows of one pair; the same tables as the aggregates above over the pair's events.
DASHBOARD = {
    "by_month": "SELECT nullif(month, '') AS month, CAST(sum(events) AS BIGINT) AS events FROM pair_months"
                " WHERE pair = ? GROUP BY month ORDER BY month",
    "by_type": "SELECT type, CAST(sum(events) AS BIGINT) AS events FROM pair_months WHERE pair = ?"
               " GROUP BY type ORDER BY events DESC, type",
    "by_topic": "SELECT topic, events FROM pair_topics WHERE pair = ? ORDER BY events DESC, topic",
    "top_actors": "SELECT name, type, country, CAST(sum(events) AS BIGINT) AS events FROM pair_actors"
                  " WHERE pair = ? AND country IN (?, ?) GROUP BY ALL ORDER BY events DESC, name LIMIT 20",
    "by_month_and_type": "SELECT month, type, events FROM pair_months WHERE pair = ? AND month <> ''"
                         " ORDER BY month, type",
    "network": "SELECT actor_name AS actor, actor_country, recipient_name AS recipient, recipient_country,"
               " CAST(sum(events) AS BIGINT) AS events FROM pair_links WHERE pair = ? GROUP BY ALL"
               " ORDER BY events DESC, actor, recipient LIMIT 40",
    "places": "SELECT name, country, lat, lon, CAST(sum(events) AS BIGINT) AS events FROM pair_places"
              " WHERE pair = ? AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL ORDER BY events DESC, name",
}  # fmt: skip
PAIR = tuple(DASHBOARD)


def aggregate(db: duckdb.DuckDBPyConnection, kind: Aggregate, filters: EventFilters) -> list[dict[str, Any]]:
    """One aggregate of the events `filters` keep."""
    sql, params = event_query(db, filters, lean=True)
    return rows(db, kind.query(sql), params)


def pair(db: duckdb.DuckDBPyConnection, first: str, second: str) -> dict[str, Any]:
    """Relations of two countries: events by month, type and topic, the most active people and
    organisations on both sides, events by month and type, who acted on whom, and the places."""
    key = "-".join(sorted((first, second)))
    found = {name: rows(db, sql, [key, first, second] if name == "top_actors" else [key])
             for name, sql in DASHBOARD.items()}  # fmt: skip
    return {"pair": f"{first}-{second}", **found}
