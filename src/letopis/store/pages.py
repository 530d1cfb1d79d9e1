"""The pages of the web app that the ingest writes, a row each, from the derived counts (derived.py calls
them in the transaction of a batch, for the pairs and entities it touched):

- `pair_pages`: a country pair's dashboard as it is shown, each table of it a list of its rows in order
  (seven grouped queries cost 14 ms of CPU on a corpus of 123 articles, the one row 1.5 ms);
- `entity_pages`: an entity with the number of documents naming it, its aliases (the texts of its
  mentions), its positions (with the names of where and to whom) and its counterparts (per other entity,
  how often named with it in a report), which `queries.entity` merges when a name stands for several
  entities (four queries before, one now).
"""

from __future__ import annotations

import duckdb

# The tables of a pair's dashboard (`pair_pages`), each made from the counts of the pairs `{pairs}` keeps: a
# row of it (`x`), what the rows are read from, their order and how many are shown at most.
DASHBOARD: dict[str, tuple[str, str, str, int | None]] = {
    "by_month": ("{'month': nullif(month, ''), 'events': CAST(sum(events) AS BIGINT)}",
                 "pair_months WHERE {pairs} GROUP BY pair, month", "x.month", None),
    "by_type": ("{'type': type, 'events': CAST(sum(events) AS BIGINT)}",
                "pair_months WHERE {pairs} GROUP BY pair, type", "x.events DESC, x.type", None),
    "by_topic": ("{'topic': topic, 'events': events}", "pair_topics WHERE {pairs}", "x.events DESC, x.topic", None),
    "top_actors": ("{'name': name, 'type': type, 'country': country, 'events': CAST(sum(events) AS BIGINT)}",
                   "pair_actors WHERE {pairs} AND country IN (split_part(pair, '-', 1), split_part(pair, '-', 2))"
                   " GROUP BY pair, name, type, country", "x.events DESC, x.name, x.type, x.country", 20),
    "by_month_and_type": ("{'month': month, 'type': type, 'events': events}",
                          "pair_months WHERE {pairs} AND month <> ''", "x.month, x.type", None),
    "network": ("{'actor': actor_name, 'actor_country': actor_country, 'recipient': recipient_name,"
                " 'recipient_country': recipient_country, 'events': CAST(sum(events) AS BIGINT)}",
                "pair_links WHERE {pairs} GROUP BY pair, actor_name, actor_country, recipient_name, recipient_country",
                "x.events DESC, x.actor, x.recipient, x.actor_country, x.recipient_country", 40),
    "places": ("{'name': name, 'country': country, 'lat': lat, 'lon': lon, 'events': CAST(sum(events) AS BIGINT)}",
               "pair_places WHERE {pairs} AND lat IS NOT NULL AND lon IS NOT NULL"
               " GROUP BY pair, name, country, lat, lon",
               "x.events DESC, x.name, x.country, x.lat, x.lon", None),
}  # fmt: skip
ENTITY_PAGE = """
SELECT n.*, coalesce(d.documents, 0), coalesce(a.aliases, []), coalesce(p.positions, []),
       coalesce(c.counterparts, [])
FROM entities n
LEFT JOIN (SELECT entity, count(DISTINCT hash) AS documents FROM doc_entities WHERE {entity} GROUP BY entity) d
       ON d.entity = n.id
LEFT JOIN (SELECT entity, list(DISTINCT text ORDER BY text) AS aliases FROM mentions WHERE {entity} GROUP BY entity) a
       ON a.entity = n.id
LEFT JOIN (SELECT o.person, list({{'position': o.position, 'where': w.name, 'where_from': o.where_from,
                                  'accredited_to': t.name, 'month': strftime(o.date, '%Y-%m'), 'date': o.date}}
                                 ORDER BY o.date, o.hash, o.start) AS positions
           FROM occupations o LEFT JOIN entities w ON w.id = o.where LEFT JOIN entities t ON t.id = o.accredited_to
           WHERE {person} GROUP BY o.person) p ON p.person = n.id
LEFT JOIN (SELECT entity, list({{'other': other, 'name': name, 'type': type, 'country': country, 'events': events}}
                               ORDER BY events DESC, name, other) AS counterparts
           FROM counterparts WHERE {entity} GROUP BY entity) c ON c.entity = n.id
WHERE {id} ORDER BY n.id"""


def write_pages(db: duckdb.DuckDBPyConnection, pairs: list[str] | None) -> None:
    """Write again the dashboards of `pairs` (None: of every pair) from the pair counts."""
    kept = "TRUE" if pairs is None else "list_contains($pairs, pair)"
    parts = []
    for name, (row, source, order, limit) in DASHBOARD.items():
        shown = f"SELECT pair, {row} AS x FROM {source.replace('{pairs}', kept)}"
        if limit is not None:
            shown = (f"SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY pair ORDER BY {order}) AS k"
                     f" FROM ({shown})) WHERE k <= {limit}")  # fmt: skip
        parts.append(f"{name} AS (SELECT pair, list(x ORDER BY {order}) AS rows FROM ({shown}) GROUP BY pair)")
    tables = ", ".join(f"coalesce({name}.rows, [])" for name in DASHBOARD)
    joined = " ".join(f"LEFT JOIN {name} ON {name}.pair = p.pair" for name in DASHBOARD)
    params = {} if pairs is None else {"pairs": pairs}
    db.execute(f"DELETE FROM pair_pages WHERE {kept}", params)
    pairs_kept = f"SELECT DISTINCT pair FROM pair_months WHERE {kept}"
    db.execute(f"INSERT INTO pair_pages WITH {', '.join(parts)} SELECT p.pair, {tables}"
               f" FROM ({pairs_kept}) p {joined} ORDER BY p.pair", params)  # fmt: skip


def write_entity_pages(db: duckdb.DuckDBPyConnection, ids: list[str] | None) -> None:
    """Write again the pages of the entities `ids` (None: of every entity)."""
    def kept(column: str) -> str:
        return "TRUE" if ids is None else f"list_contains($ids, {column})"

    params = {} if ids is None else {"ids": ids}
    db.execute(f"DELETE FROM entity_pages WHERE {kept('id')}", params)
    sql = ENTITY_PAGE.format(entity=kept("entity"), person=kept("o.person"), id=kept("n.id"))
    db.execute(f"INSERT INTO entity_pages {sql}", params)
