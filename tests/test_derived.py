"""The tables derived from the events at ingest (store/derived.py) equal a rebuild from the events after
every way the events change: a first ingest, documents added that recode earlier ones' parties, a
document replaced (its events deleted), and the upgrade of a store of schema version 4 or 5."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from letopis.model import Extraction
from letopis.pipeline import extract_document, extract_paths
from letopis.read import from_text
from letopis.store import Store, derived, facts
from letopis.store.schema import DERIVED

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "000_f9e879b08a32d2e4.txt"
DEVSET = ROOT / "tests" / "data" / "factRuEval-2016" / "devset"

# Лебедев's country is first the setting's (RUS), then stated (KAZ): his events of the first text are recoded.
GUESSED = ("Президент Сергей Кравцов встретился в Москве с министром Иваном Лебедевым и подписал соглашение"
           " о сотрудничестве.")
STATED = "Посол Казахстана в Пакистане Иван Лебедев встретился с премьер-министром Пакистана Шахбазом Шарифом."


def tables(db: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    return {table: sorted(repr(row) for row in db.execute(f"SELECT * FROM {table}").fetchall()) for table in DERIVED}


def assert_derived_as_rebuilt(path: Path) -> None:
    db = duckdb.connect(str(path))
    try:
        written = tables(db)
        db.execute("BEGIN TRANSACTION")
        derived.rebuild(db)
        assert tables(db) == written
        db.execute("ROLLBACK")
    finally:
        db.close()


@pytest.fixture(scope="module")
def results() -> list[Extraction]:
    found = [r for r in extract_paths([SAMPLE, DEVSET]) if isinstance(r, Extraction)]
    return found[:40]


def test_ingest_recode_and_replace_keep_the_derived_tables(tmp_path: Path, results: list[Extraction],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    recoded: list[str] = []
    recode = facts.recode_events

    def watched(*args: object) -> list[str]:
        changed = recode(*args)  # type: ignore[arg-type]
        recoded.extend(changed)
        return changed

    monkeypatch.setattr("letopis.store.ingest.recode_events", watched)
    path = tmp_path / "c.duckdb"
    store = Store(path, write=True)
    store.ingest([*results, extract_document(from_text(GUESSED, "a", "a", source_id="a"))])
    store.close()
    assert_derived_as_rebuilt(path)
    store.ingest([extract_document(from_text(STATED, "b", "b", source_id="b"))])
    store.close()
    assert recoded, "the second ingest recodes no earlier event: the test no longer covers recoding"
    assert_derived_as_rebuilt(path)
    shorter = SAMPLE.read_text(encoding="utf-8").split("\n\n\n\n\n\n")[0]
    report = store.ingest([extract_document(from_text(shorter, "a", "a", source_id="a"))])  # "a" holds a new text
    store.close()
    assert report.replaced == 1
    assert_derived_as_rebuilt(path)


# What a store of each older version lacks: version 4 every derived table, version 5 the pages and the
# names beside the event index and the counterparts.
OLDER = [(4, DERIVED, ()),
         (5, ("pair_pages", "entity_pages", "entity_names"), ("event_index.actor_names", "event_index.recipient_names",
                                              "event_index.place_name", "counterparts.name", "counterparts.type",
                                              "counterparts.country"))]  # fmt: skip


@pytest.mark.parametrize("version,missing,columns", OLDER)
def test_an_older_store_is_upgraded_by_an_ingest(tmp_path: Path, results: list[Extraction], version: int,
                                                 missing: tuple[str, ...], columns: tuple[str, ...]) -> None:
    path = tmp_path / "c.duckdb"
    store = Store(path, write=True)
    store.ingest(results[:10])
    store.close()
    with Store(path) as store:
        expected = store.pair("KAZ-PAK"), store.events(pair="KAZ-PAK"), store.entity("Ержан Кистафин")
    assert expected[0]["by_type"], "the corpus has no KAZ-PAK events: the test no longer covers the dashboard"
    db = duckdb.connect(str(path))
    for table in missing:
        db.execute(f"DROP TABLE {table}")
    for column in columns:
        table, name = column.split(".")
        db.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    if version == 4:
        db.execute("DELETE FROM meta WHERE key = 'unclustered'")
    db.close()
    with pytest.raises(Exception, match="an ingest into it"):
        Store(path)
    Store(path, write=True).close()
    with Store(path) as store:
        assert (store.pair("KAZ-PAK"), store.events(pair="KAZ-PAK"), store.entity("Ержан Кистафин")) == expected
    assert_derived_as_rebuilt(path)
