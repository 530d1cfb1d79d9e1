"""Tables derived from the events, written in the transaction of the events they come from, so that the
web app's lists and dashboards read a few rows where they scanned every event (docs/store.md):

- `event_index`: the first report of each event (`event_key`) with what a list of events shows (its
  document's key, the number of documents reporting it, its first evidence), once under the term `*`,
  once under each country pair it belongs to (`pair:KAZ-PAK`, the codes in order) and once under each
  party (`entity:ID`), with the names of its parties and place (a name is a scan of the entities at 1M:
  6 ms a page of events); kept sorted by term and date, so that a term's rows are read alone.
- `pair_months`, `pair_topics`, `pair_actors`, `pair_links`, `pair_places`: the pair dashboard's counts
  of those first reports per country pair, with the names and countries of the entities counted.
- `counterparts`: per entity, how often each other party is named with it in a report, with the other's
  name, type and country.
- `entity_names`: the names the documents give the entities, folded as `names.key()` folds them, so that an
  entity is found by its name in one lookup (the fold of every document's entity took 2.5 ms at each).
- `pair_pages`, `entity_pages`: what a pair's dashboard and an entity's page show, a row each (pages.py),
  written again for the pairs and entities a batch touched.

`refresh` brings them up to date for the events of some keys: the counts change by what the keys' first
reports were and are now; `count_reports` adds or takes away the counterparts of a document's reports.
Everything is SQL over the stored rows, so `rebuild` writes the same tables from the events
(tests/test_derived.py checks it after ingest, recoding and replacement).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import duckdb

from letopis.lexicon.names import QUOTES
from letopis.store.pages import write_entity_pages, write_pages
from letopis.store.schema import DERIVED

# A pair of countries as one value: the codes in order, so that KAZ-PAK and PAK-KAZ are one pair.
PAIR = "least({0}, {1}) || '-' || greatest({0}, {1})"
# The pairs an event belongs to: an actor's country with a recipient's, or two actors' countries (one
# country alone is the pair of it with itself), as the pair filter reads them (filters.EventFilters).
WITH_EACH = "flatten(list_transform(f.actor_countries, lambda a: list_transform(f.{0}, lambda b: {1})))"
PAIRS = (f"list_distinct(list_concat({WITH_EACH.format('recipient_countries', PAIR.format('a', 'b'))},"
         f" {WITH_EACH.format('actor_countries', PAIR.format('a', 'b'))}))")  # fmt: skip
# The names of a list of entities (`f.actor`), in its order.
NAMES = ("coalesce((SELECT list(n.name ORDER BY x.i) FROM unnest(f.{0}) WITH ORDINALITY AS x(id, i)"
         " JOIN entities n ON n.id = x.id), [])")  # fmt: skip
FIRSTS = f"""
WITH r AS (
    SELECT e.*, d.doc_key, d.ingested_at FROM events e JOIN documents d ON d.hash = e.hash {{where}}
), f AS (
    SELECT *, count(DISTINCT hash) OVER (PARTITION BY event_key) AS sources FROM r
    QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY ingested_at, id) = 1
), g AS (
    SELECT f.*, v.text AS evidence, {PAIRS} AS pairs,
           list_distinct(list_concat(f.actor, f.recipient)) AS parties, {NAMES.format('actor')} AS actor_names,
           {NAMES.format('recipient')} AS recipient_names, pl.name AS place_name
    FROM f LEFT JOIN (SELECT event, arg_min(text, start) AS text FROM evidence
                      WHERE event IN (SELECT id FROM f) GROUP BY event) v ON v.event = f.id
           LEFT JOIN entities pl ON pl.id = f.place
)
SELECT t.term, g.event_key, g.id, g.hash, g.doc_key, g.date, g.type, g.mode, g.modality, g.place, g.actor,
       g.recipient, g.actor_countries, g.recipient_countries, g.contexts, g.topics, g.confidence, g.start,
       g.sources, g.evidence, g.pairs, g.parties, g.actor_names, g.recipient_names, g.place_name
FROM g, unnest(list_concat(['*'], list_transform(g.pairs, lambda p: 'pair:' || p),
                           list_transform(g.parties, lambda x: 'entity:' || x))) AS t(term)
ORDER BY t.term, g.date, g.doc_key, g.start"""


@dataclass(frozen=True, slots=True)
class Count:
    """A table of counts: `keys` identify a row, `names` are the entities' names and countries beside them
    (`SELECT keys, names, n FROM source` gives each row's share, with `{n}` the sign), `entities` the
    key columns whose entity's country the names hold, refreshed when it changes."""

    table: str
    keys: tuple[str, ...]
    names: tuple[str, ...]
    source: str
    entities: tuple[tuple[str, str], ...] = ()  # (entity key column, country column)


FROM_PAIRS = "FROM f, unnest(f.pairs) AS x(pair)"
PAIR_COUNTS = (
    Count("pair_months", ("pair", "month", "type"), (),
          f"SELECT pair, coalesce(strftime(f.date, '%Y-%m'), '') AS month, f.type, {{n}} AS n {FROM_PAIRS}"),
    Count("pair_topics", ("pair", "topic"), (),
          f"SELECT pair, topic, {{n}} AS n {FROM_PAIRS}, unnest(f.topics) AS y(topic)"),
    Count("pair_actors", ("pair", "entity"), ("name", "type", "country"),
          f"SELECT pair, entity, a.name, a.type, a.country, {{n}} AS n {FROM_PAIRS},"
          " unnest(list_concat(f.actor, f.recipient)) AS y(entity) JOIN entities a ON a.id = entity"
          " WHERE a.type IN ('PER', 'ORG')", (("entity", "country"),)),
    Count("pair_links", ("pair", "actor", "recipient"),
          ("actor_name", "actor_country", "recipient_name", "recipient_country"),
          f"SELECT pair, a.id AS actor, r.id AS recipient, a.name AS actor_name, a.country AS actor_country,"
          f" r.name AS recipient_name, r.country AS recipient_country, {{n}} AS n {FROM_PAIRS},"
          " unnest(f.actor) AS y(a_id), unnest(f.recipient) AS z(r_id)"
          " JOIN entities a ON a.id = a_id JOIN entities r ON r.id = r_id WHERE a_id <> r_id",
          (("actor", "actor_country"), ("recipient", "recipient_country"))),
    Count("pair_places", ("pair", "place"), ("name", "country", "lat", "lon"),
          "SELECT pair, f.place, p.name, p.country, p.lat, p.lon, {n} AS n"
          " FROM f JOIN entities p ON p.id = f.place, unnest(f.pairs) AS x(pair)", (("place", "country"),)),
)  # fmt: skip
COUNTERPARTS = Count(
    "counterparts", ("entity", "other"), ("name", "type", "country"),
    "SELECT entity, other, o.name, o.type, o.country, {n} AS n"
    " FROM f, unnest(list_distinct(list_concat(f.actor, f.recipient))) AS x(entity),"
    " unnest(list_concat(f.actor, f.recipient)) AS y(other) JOIN entities o ON o.id = other WHERE entity <> other",
    (("other", "country"),),
)  # fmt: skip
# A name as `names.key()` folds it (case, ё, quotes, spaces), in SQL.
FOLDED = ("trim(regexp_replace(regexp_replace(replace(lower(name), 'ё', 'е'), '[" + QUOTES.replace("'", "''") + "]',"
          " '', 'g'), '\\s+', ' ', 'g'))")  # fmt: skip
ENTITY_NAMES = Count("entity_names", ("folded", "entity", "name"), (),
                     f"SELECT {FOLDED} AS folded, entity, name, {{n}} AS n FROM f")
CLUSTER = {"event_index": "term, date, doc_key, start", "counterparts": "entity, other", "pair_pages": "pair",
           "entity_pages": "id", "entity_names": "folded, entity, name",
           **{count.table: ", ".join(count.keys) for count in PAIR_COUNTS}}  # fmt: skip
UNCLUSTERED = 50_000  # rows written since the tables were last sorted, above which `cluster` sorts them


def keys_of(db: duckdb.DuckDBPyConnection, where: str, params: list[object]) -> list[str]:
    """The event keys of the stored reports `where` keeps."""
    return [row[0] for row in db.execute(f"SELECT DISTINCT event_key FROM events WHERE {where}", params).fetchall()]


class Stale(NamedTuple):
    """What the documents about to be deleted leave to refresh: their event keys and their entities."""

    keys: list[str]
    entities: list[str]


def forget(db: duckdb.DuckDBPyConnection, hashes: list[str]) -> Stale:
    """Before the documents `hashes` are deleted: take their reports from the counterparts, and give their
    event keys and entities, to be refreshed once they are gone."""
    if not hashes:
        return Stale([], [])
    count_reports(db, hashes, -1)
    return Stale(keys_of(db, "hash IN (SELECT unnest(?))", [hashes]), entities_of(db, hashes))


def entities_of(db: duckdb.DuckDBPyConnection, hashes: list[str]) -> list[str]:
    found = db.execute("SELECT DISTINCT entity FROM doc_entities WHERE hash IN (SELECT unnest(?))", [hashes])
    return [row[0] for row in found.fetchall()]


def update(db: duckdb.DuckDBPyConnection, stale: Stale, stored: list[str], recoded: list[str]) -> None:
    """After a batch: the counterparts of the reports of documents `stored`; the events of the keys of
    deleted documents (`stale`), of `stored` and of the entities `recoded` (whose country changed); and the
    pages of the entities of the deleted and stored documents and of those counting a recoded one."""
    fresh = keys_of(db, "hash IN (SELECT unnest(?))", [stored]) if stored else []
    moved = keys_of(db, "list_has_any(list_concat(actor, recipient), ?)", [recoded]) if recoded else []
    count_reports(db, stored, 1)
    refresh(db, sorted({*stale.keys, *fresh, *moved}), recoded)
    sql = "SELECT DISTINCT entity FROM counterparts WHERE list_contains(?, other)"
    holders = [row[0] for row in db.execute(sql, [recoded]).fetchall()] if recoded else []  # counting recoded ones
    touched = {*stale.entities, *(entities_of(db, stored) if stored else []), *holders}
    if touched:
        write_entity_pages(db, sorted(touched))


def count_reports(db: duckdb.DuckDBPyConnection, hashes: list[str], sign: int) -> None:
    """Add (1) or take away (-1) the counterparts of the reports and the names of the entities of documents
    `hashes`: after they are stored, before they are deleted."""
    if hashes:
        merge(db, COUNTERPARTS, "SELECT * FROM events WHERE hash IN (SELECT unnest(?))", [hashes], sign)
        merge(db, ENTITY_NAMES, "SELECT * FROM doc_entities WHERE hash IN (SELECT unnest(?))", [hashes], sign)


def refresh(db: duckdb.DuckDBPyConnection, keys: list[str], recoded: list[str]) -> None:
    """Bring `event_index`, the pair counts and the pages of their pairs up to date for the events `keys`
    (stored, replaced or deleted since); `recoded`: entities whose country changed, whose names in the
    counts are refreshed."""
    pairs: set[str] = set()
    if keys:
        chosen = "SELECT * FROM event_index WHERE term = '*' AND event_key IN (SELECT unnest(?))"
        pairs.update(pairs_of(db, keys))
        for count in PAIR_COUNTS:
            merge(db, count, chosen, [keys], -1)
        db.execute("DELETE FROM event_index WHERE event_key IN (SELECT unnest(?))", [keys])
        written = write_index(db, "WHERE e.event_key IN (SELECT unnest(?))", [keys])
        for count in PAIR_COUNTS:
            merge(db, count, chosen, [keys], 1)
        pairs.update(pairs_of(db, keys))
        db.execute("UPDATE meta SET value = CAST(value AS BIGINT) + ? WHERE key = 'unclustered'", [written])
    for count in (*PAIR_COUNTS, COUNTERPARTS) if recoded else ():
        for column, country in count.entities:
            db.execute(f"UPDATE {count.table} SET {country} = n.country FROM entities n"
                       f" WHERE n.id = {count.table}.{column} AND list_contains(?, n.id)", [recoded])  # fmt: skip
            if count is not COUNTERPARTS:
                found = db.execute(f"SELECT DISTINCT pair FROM {count.table} WHERE list_contains(?, {column})",
                                   [recoded])  # fmt: skip
                pairs.update(row[0] for row in found.fetchall())
    if pairs:
        write_pages(db, sorted(pairs))


def pairs_of(db: duckdb.DuckDBPyConnection, keys: list[str]) -> list[str]:
    """The country pairs of the first reports of the events `keys`."""
    sql = "SELECT DISTINCT unnest(pairs) FROM event_index WHERE term = '*' AND event_key IN (SELECT unnest(?))"
    return [row[0] for row in db.execute(sql, [keys]).fetchall()]


def write_index(db: duckdb.DuckDBPyConnection, where: str, params: list[object]) -> int:
    found = db.execute(f"INSERT INTO event_index {FIRSTS.format(where=where)}", params).fetchone()
    return int(found[0]) if found else 0


def merge(db: duckdb.DuckDBPyConnection, count: Count, chosen: str, params: list[object], sign: int) -> None:
    """Add `sign` times the shares of the rows `chosen` (the table `f` of `count.source`) to `count.table`."""
    keys, names = ", ".join(count.keys), ", ".join(f"any_value({name}) AS {name}" for name in count.names)
    same = " AND ".join(f"t.{key} = d.{key}" for key in count.keys)
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE delta AS WITH f AS ({chosen}) SELECT {keys}, {names}{', ' if names else ''}"
        f"sum(n) AS n FROM ({count.source.format(n=sign)}) GROUP BY {keys}",
        params,
    )
    db.execute(f"UPDATE {count.table} t SET events = t.events + d.n FROM delta d WHERE {same}")
    columns = ", ".join([*count.keys, *count.names])
    db.execute(f"INSERT INTO {count.table} ({columns}, events) SELECT {columns}, n FROM delta d"
               f" WHERE NOT EXISTS (SELECT 1 FROM {count.table} t WHERE {same}) ORDER BY {keys}")  # fmt: skip
    db.execute(f"DELETE FROM {count.table} WHERE events = 0")
    db.execute("DROP TABLE delta")


def rebuild(db: duckdb.DuckDBPyConnection) -> None:
    """Every derived table made again from the events (a store of schema version 4, or one whose events
    were written by SQL, as benchmarks/store.py does), sorted."""
    for table in DERIVED:
        db.execute(f"DELETE FROM {table}")
    write_index(db, "", [])
    everything = "SELECT * FROM event_index WHERE term = '*'"
    for count in PAIR_COUNTS:
        merge(db, count, everything, [], 1)
    merge(db, COUNTERPARTS, "SELECT * FROM events", [], 1)
    merge(db, ENTITY_NAMES, "SELECT * FROM doc_entities", [], 1)
    write_pages(db, None)
    write_entity_pages(db, None)
    cluster(db)


def cluster(db: duckdb.DuckDBPyConnection) -> None:
    """Sort the derived tables by what they are looked up by (a table's rows sorted are read a row group
    at a time, where rows appended by later batches are all read)."""
    for table, order in CLUSTER.items():
        db.execute(f"CREATE OR REPLACE TEMP TABLE sorted AS SELECT * FROM {table} ORDER BY {order}")
        db.execute(f"DELETE FROM {table}")
        db.execute(f"INSERT INTO {table} SELECT * FROM sorted")
        db.execute("DROP TABLE sorted")
    db.execute("UPDATE meta SET value = '0' WHERE key = 'unclustered'")


def unclustered(db: duckdb.DuckDBPyConnection) -> int:
    found = db.execute("SELECT value FROM meta WHERE key = 'unclustered'").fetchone()
    return int(found[0]) if found else 0
