"""The store never loses a document: identities by source, hashes checked before extracting, rejects
recorded, files that are no corpus refused before anything is written, options checked."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.model import Document, Extraction, Failure, Limits
from letopis.pipeline import process
from letopis.read import read_paths
from letopis.store import Store, StoreError
from letopis.store import opening as store_opening
from letopis.store.queries import rows
from letopis.store.schema import VERSION

runner = CliRunner()
ARTICLE = "Мэр Москвы Сергей Собянин открыл новую станцию метро «Рассказовка» на западе столицы."
OTHER = "Губернатор Санкт-Петербурга Александр Беглов провёл совещание о ремонте набережных города."


class Counting:
    """`process` that counts the documents it extracts."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, doc: Document) -> Extraction | Failure:
        self.calls += 1
        return process(doc)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ingest(store: Store, root: Path, *paths: Path, extract: Counting | None = None) -> tuple[int, ...]:
    report = store.ingest(read_paths(list(paths), root), extract or Counting())
    return report.added, report.replaced, report.unchanged, report.rejected


def test_same_named_files_in_two_folders_are_two_documents(tmp_path: Path) -> None:
    """Regression: `2024/01/news.txt` and `2024/02/news.txt` were one document, "replaced" every run."""
    write(tmp_path / "2024" / "01" / "news.txt", ARTICLE)
    write(tmp_path / "2024" / "02" / "news.txt", OTHER)
    store = Store(tmp_path / "c.duckdb", write=True)
    assert ingest(store, tmp_path, tmp_path / "2024") == (2, 0, 0, 0)
    extract = Counting()
    assert ingest(store, tmp_path, tmp_path / "2024", extract=extract) == (0, 0, 2, 0)
    assert extract.calls == 0  # hashes are checked before extracting
    found = rows(store.db, "SELECT source_id FROM sources ORDER BY source_id", [])
    assert [r["source_id"] for r in found] == ["2024/01/news.txt", "2024/02/news.txt"]
    assert store.summary()["documents"] == 2


def test_two_feeds_numbering_items_from_one_are_four_documents(tmp_path: Path) -> None:
    """Regression: JSONL items with `id` 1 and 2 in two feeds overwrote each other."""
    for feed, texts in (("a.jsonl", (ARTICLE, OTHER)), ("b.jsonl", (OTHER + " Второй выпуск.", ARTICLE + " Ещё"))):
        lines = [f'{{"id": {n}, "text": "{t}"}}' for n, t in enumerate(texts, 1)]
        write(tmp_path / feed, "\n".join(lines) + "\n")
    store = Store(tmp_path / "c.duckdb", write=True)
    assert ingest(store, tmp_path, tmp_path / "a.jsonl", tmp_path / "b.jsonl") == (4, 0, 0, 0)
    found = [r["source_id"] for r in rows(store.db, "SELECT source_id FROM sources ORDER BY 1", [])]
    assert found == ["a.jsonl#1", "a.jsonl#2", "b.jsonl#1", "b.jsonl#2"]


def test_a_changed_text_replaces_and_an_unchanged_one_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "news.txt", ARTICLE)
    store = Store(tmp_path / "c.duckdb", write=True)
    assert ingest(store, tmp_path, path) == (1, 0, 0, 0)
    write(path, OTHER)
    assert ingest(store, tmp_path, path) == (0, 1, 0, 0)
    assert store.summary()["documents"] == 1
    assert store.search("Собянин") == [] and store.search("Беглов")


def test_one_text_in_two_sources_is_one_document_kept_while_a_source_holds_it(tmp_path: Path) -> None:
    first, second = write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", ARTICLE)
    store = Store(tmp_path / "c.duckdb", write=True)
    extract = Counting()
    assert ingest(store, tmp_path, first, second, extract=extract) == (2, 0, 0, 0)
    assert extract.calls == 1
    assert (store.summary()["documents"], store.summary()["sources"]) == (1, 2)
    write(first, OTHER)
    assert ingest(store, tmp_path, first, second) == (0, 1, 1, 0)
    assert store.summary()["documents"] == 2
    assert store.search("Собянин") and store.search("Беглов")


def test_a_bad_record_is_one_reject_and_the_rest_is_stored(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", f'{{"text": "{ARTICLE}"}}\n{{"text": "x", "title": {{}}}}\nnot json\n')
    store = Store(tmp_path / "c.duckdb", write=True)
    assert ingest(store, tmp_path, feed) == (1, 0, 0, 2)
    found = store.rejects()
    assert [r["source"] for r in found] == [f"{feed}:2", f"{feed}:3"]
    assert all(r["stage"] == "read" and r["reason"] for r in found)


def test_a_reject_is_cleared_when_its_source_is_stored(tmp_path: Path) -> None:
    path = write(tmp_path / "news.txt", ARTICLE)
    store = Store(tmp_path / "c.duckdb", write=True)
    store.ingest(read_paths([path], tmp_path), lambda doc: process(doc, Limits(max_chars=10)))
    assert [r["stage"] for r in store.rejects()] == ["limit"]
    assert ingest(store, tmp_path, path) == (1, 0, 0, 0)
    assert store.rejects() == []


def test_a_lone_surrogate_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.duckdb", write=True)
    doc = Document("x", "x.txt", ARTICLE + "\ud800", (), source_id="x.txt")
    report = store.ingest([doc], process)
    assert (report.added, report.rejected) == (0, 1)
    assert store.rejects()[0]["stage"] == "store"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a letopis corpus (not a DuckDB database file)"),
        (b"hello, this is a text file, not a database", "not a letopis corpus (not a DuckDB database file)"),
        (b"\x00" * 8 + b"DUCK" + b"\x00" * 4000, "cannot open"),
    ],
)
def test_a_file_that_is_no_corpus_is_refused_in_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.duckdb"
    path.write_bytes(content)
    for write_mode in (False, True):
        with pytest.raises(StoreError, match=re.escape(message)):
            Store(path, write=write_mode)
    assert path.read_bytes() == content


def test_an_sqlite_file_is_refused_without_loading_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is an SQLite database, not a letopis corpus"):
        Store(path, write=True)
    assert path.read_bytes() == before


def test_a_foreign_duckdb_database_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE sales (id INTEGER)")
    db.close()
    with pytest.raises(StoreError, match=r"a DuckDB database but not a letopis corpus \(it holds tables sales\)"):
        Store(path, write=True)
    db = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in db.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["sales"]
    db.close()


def test_an_older_schema_is_refused_with_its_version(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    db.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    db.close()
    with pytest.raises(StoreError, match=f"schema version 2; this letopis reads version {VERSION}"):
        Store(path)


def test_queries_open_read_only_and_refuse_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no corpus at"):
        Store(tmp_path / "typo.duckdb")
    assert not (tmp_path / "typo.duckdb").exists()
    Store(tmp_path / "c.duckdb", write=True).close()
    reader = Store(tmp_path / "c.duckdb")
    with pytest.raises(duckdb.Error, match="read-only"):
        reader.db.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(ValueError, match="opened for reading"):
        reader.ingest([])


def test_a_corpus_held_by_another_process_is_reported_not_hung(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.duckdb"
    Store(path, write=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; d = duckdb.connect({str(path)!r}); print('held', flush=True); "
                               "time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(store_opening, "READ_WAIT", 0.3)
        with pytest.raises(StoreError, match="is in use by another letopis process; try again when it ends"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_the_corpus_is_free_between_ingest_batches(tmp_path: Path) -> None:
    """A writer holds the file only while it writes a batch, so another process can query meanwhile."""
    path = tmp_path / "c.duckdb"
    store = Store(path, write=True)
    ingest(store, tmp_path, write(tmp_path / "a.txt", ARTICLE))
    assert store.connection is None
    script = f"from letopis.store import Store; print(Store({str(path)!r}).summary()['documents'])"
    query = [sys.executable, "-c", script]
    assert subprocess.run(query, capture_output=True, text=True, check=True).stdout.strip() == "1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("options")
    db = str(folder / "c.duckdb")
    result = runner.invoke(app, ["ingest", str(write(folder / "a.txt", ARTICLE)), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["search", "Москва", "--limit", "0"], "the limit is a number from 1 to 1,000, not 0"),
        (["search", "Москва", "--limit", "99999999999"], "the limit is a number from 1 to 1,000, not 99,999,999,999"),
        (["search", "   "], "query is empty"),
        (["events", "--since", "yesterday"], "since 'yesterday' is not a date YYYY-MM-DD"),
        (["events", "--since", "2010-13-01"], "since '2010-13-01' is not a date YYYY-MM-DD (month must be in 1..12)"),
        (["events", "--since", "2020-01-02", "--until", "2020-01-01"], "since 2020-01-02 is after until 2020-01-01"),
        (["events", "--pair", ""], "a country pair is two ISO alpha-3 codes, as KAZ-PAK, not ''"),
        (["events", "--pair", "KAZ"], "a country pair is two ISO alpha-3 codes, as KAZ-PAK, not 'KAZ'"),
        (["events", "--pair", "KAZ-XYZ"], "'XYZ' is not an ISO 3166 alpha-3 country code"),
        (["events", "--type", "MEET"], "type 'MEET' is not one of: ACCUSE, AGREE, AID, ASSAULT"),
        (["events", "--context", "gossip"], "context 'gossip' is not one of:"),
        (["events", "--topic", "gossip"], "topic 'gossip' is not one of:"),
        (["events", "--limit", "0"], "the limit is a number from 1 to 1,000,000, not 0"),
        (["pair", "KAZ", "PAKI"], "'PAKI' is not an ISO 3166 alpha-3 country code"),
        (["entity", ""], "name is empty"),
    ],
)
def test_a_bad_option_is_one_clear_line(corpus: str, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, [*arguments, "--db", corpus])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("letopis: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "command", [["summary"], ["search", "Москва"], ["events"], ["rejects"], ["pair", "KAZ", "PAK"]]
)
def test_a_mistyped_db_is_refused_and_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(tmp_path / "typo.duckdb")])
    assert result.exit_code == 1
    assert result.stderr == f"letopis: no corpus at {tmp_path / 'typo.duckdb'} (letopis ingest creates one)\n"
    assert list(tmp_path.iterdir()) == []


def test_rejects_command_lists_them(tmp_path: Path) -> None:
    db = str(tmp_path / "c.duckdb")
    feed = write(tmp_path / "feed.jsonl", f'{{"text": "{ARTICLE}"}}\n{{"id": [1], "text": "x"}}\n')
    result = runner.invoke(app, ["ingest", str(feed), "--db", db])
    assert result.exit_code == 2
    assert result.stdout.startswith("added 1, replaced 0, unchanged 0, rejected 1")
    listed = runner.invoke(app, ["rejects", "--db", db, "--format", "csv"])
    assert listed.exit_code == 0
    assert listed.stdout.splitlines()[0] == "source,stage,reason,rejected_at"
    assert listed.stdout.splitlines()[1].startswith(f"{feed}:2,read,")


def test_a_second_ingest_into_the_same_corpus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    with store_opening.IngestLock(path), pytest.raises(StoreError, match="another letopis ingest is writing to"):
        Store(path, write=True).ingest([Document("a", "a.txt", ARTICLE, ())], process)
    assert Store(path, write=True).ingest([Document("a", "a.txt", ARTICLE, ())], process).added == 1


def test_an_ingest_that_failed_outside_its_write_leaves_nothing_counted_as_stored(tmp_path: Path) -> None:
    """Regression (review): a `process` that raised left its batch's sources marked stored in memory,
    and the next ingest on the same Store skipped them."""
    docs = [Document(name, f"{name}.txt", text, (), source_id=f"{name}.txt") for name, text in (("a", ARTICLE),
                                                                                                  ("b", OTHER))]

    def failing(doc: Document) -> Extraction | Failure:
        if doc.id == "b":
            raise RuntimeError("a bug in a process function")
        return process(doc)

    store = Store(tmp_path / "c.duckdb", write=True)
    with pytest.raises(RuntimeError):
        store.ingest(docs, failing)
    report = store.ingest(docs, process)
    assert (report.added, report.unchanged) == (2, 0)
    assert store.summary()["sources"] == 2


def test_a_source_stored_then_failed_in_one_batch_keeps_its_reject_apart(tmp_path: Path) -> None:
    """Regression (review): a success and then a failure of the same source in one batch left a stored
    source and a reject of it."""
    store = Store(tmp_path / "c.duckdb", write=True)
    doc = Document("x", "x.txt", ARTICLE, (), source_id="x.txt")
    store.ingest([doc, Failure("x.txt", "broken", "extract", "x.txt")], process)
    assert [r["source"] for r in store.rejects()] == ["x.txt"]
    assert store.ingest([doc], process).unchanged == 1
    store.ingest([Document("x", "x.txt", OTHER, (), source_id="x.txt")], process)
    assert store.rejects() == []


def test_an_export_to_a_folder_that_does_not_exist_is_one_line(corpus: str, tmp_path: Path) -> None:
    for kind in ("parquet", "csv"):
        result = runner.invoke(app, ["export", kind, "-o", str(tmp_path / "missing" / f"x.{kind}"), "--db", corpus])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"letopis: cannot write {tmp_path / 'missing' / f'x.{kind}'}")
