"""Finding an entity by a name as users type it: the name itself (`Ержан Кистафин`), a form the texts
use (`Путина`, from the stored mentions), or some words of the name in any case (`Кистафина`, `путин`:
pymorphy's lemmas and the common endings of surnames). When several entities match only in part, the
one named in the most documents is taken (and every entity of that name)."""

from __future__ import annotations

from functools import lru_cache

import duckdb

from letopis.lexicon.names import fold, key, morphology

# Case endings of Russian surnames and first names, longest first: Кистафина, Кистафиным, Накви.
ENDINGS = ("ыми", "ими", "ого", "ому", "ой", "ым", "им", "ом", "ем", "ую", "а", "у", "е", "ы", "и")


@lru_cache(maxsize=10_000)
def forms(word: str) -> frozenset[str]:
    """`кистафина` -> {`кистафина`, `кистафин`}; `путина` -> {`путина`, `путин`}."""
    found = {word, *(fold(p.normal_form) for p in morphology().parse(word))}
    found.update(word[: -len(end)] for end in ENDINGS if word.endswith(end) and len(word) - len(end) >= 3)
    return frozenset(found)


def find_entities(db: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Corpus ids of the entities called `name` (compared as the gold rules do: case, ё, quotes), else of
    those mentioned so, else of the best-known entity whose name holds every word of `name` in some form."""
    wanted = key(name)
    sql = "SELECT DISTINCT entity, name FROM entity_names WHERE folded = ?"  # key() in SQL (derived.py), then here
    exact = sorted({entity for entity, called in db.execute(sql, [wanted]).fetchall()
                    if key(called) == wanted})  # fmt: skip
    if exact:
        return exact
    mentioned = db.execute(
        "SELECT DISTINCT entity FROM mentions WHERE NOT anaphor AND lower(replace(text, 'ё', 'е')) = ?", [wanted]
    ).fetchall()
    if mentioned:
        return best(db, {row[0] for row in mentioned})
    words = [forms(word) for word in wanted.split()]
    named = db.execute("SELECT DISTINCT entity, name FROM doc_entities").fetchall()
    return best(db, {entity for entity, called in named if holds(words, key(called).split())})


def holds(words: list[frozenset[str]], name: list[str]) -> bool:
    """Whether every word typed (by its forms) is a word of the name or a form of one; only the name's
    words that begin as a typed form does are analysed."""
    return bool(words) and all(word & set(name) or any(word & forms(part) for part in name if near(part, word))
                               for word in words)  # fmt: skip


def near(part: str, word: frozenset[str]) -> bool:
    return any(part[:3] == form[:3] for form in word)


def best(db: duckdb.DuckDBPyConnection, ids: set[str]) -> list[str]:
    """The ids among `ids` of the name the most documents use."""
    if not ids:
        return []
    found = db.execute(
        "SELECT n.name, list(DISTINCT n.id ORDER BY n.id) FROM entities n JOIN doc_entities d ON d.entity = n.id"
        " WHERE list_contains(?, n.id) GROUP BY n.name ORDER BY count(DISTINCT d.hash) DESC, n.name LIMIT 1",
        [sorted(ids)],
    ).fetchone()
    return list(found[1]) if found else []
