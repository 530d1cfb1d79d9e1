"""The corpus store on real articles: idempotent ingest, replaced documents, cross-document entities,
search with Russian morphology, event and entity queries, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.model import Extraction
from letopis.pipeline import extract_document, extract_paths
from letopis.read import from_text
from letopis.read.text import parse_text
from letopis.store import EventFilters, Store
from letopis.store.queries import rows

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "000_f9e879b08a32d2e4.txt"
DEVSET = ROOT / "tests" / "data" / "factRuEval-2016" / "devset"
SOME = [SAMPLE, DEVSET]  # the reference article and the 122 devset texts


def extractions() -> list[Extraction]:
    return [r for r in extract_paths(SOME) if isinstance(r, Extraction)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.duckdb", write=True)
    report = store.ingest(extractions())
    assert (report.added, report.replaced, report.unchanged) == (123, 0, 0)
    return store


def test_ingesting_again_adds_nothing(store: Store) -> None:
    before = store.summary()
    report = store.ingest(extractions())
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 123)
    assert store.summary() == before


def test_a_changed_document_replaces_its_facts(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.duckdb", write=True)
    text = SAMPLE.read_text(encoding="utf-8")
    store.ingest([extract_document(parse_text(text, "a.txt", "a"))])
    first = store.summary()
    shorter = text.split("\n\n\n\n\n\n")[0]
    report = store.ingest([extract_document(parse_text(shorter, "a.txt", "a"))])
    assert (report.added, report.replaced) == (0, 1)
    second = store.summary()
    assert second["documents"] == 1
    assert second["events"] < first["events"]
    assert store.search("Фауджи") == []


def test_search_finds_word_forms_and_adjectives(store: Store) -> None:
    for query in ("Казахстан", "казахстанский", "Карачи"):
        found = store.search(query)
        assert found and found[0]["document"] == "000_f9e879b08a32d2e4", query
    snippet = store.search("Казахстан")[0]["snippet"]
    assert "[Казахстана]" in snippet or "[казахстанской]" in snippet


def test_events_of_a_country_pair_either_direction(store: Store) -> None:
    found = store.events(pair=("PAK", "KAZ"))
    meetings = [e for e in found if e["type"] == "CONSULT"]
    assert len(meetings) >= 6
    assert {"Саид Хасан Накви", "Джамиль Ахмад", "Халид Наваз Аван"} <= {n for e in meetings for n in e["recipient"]}
    assert all(e["date"].isoformat() == "2025-12-02" for e in meetings)


def test_events_filters(store: Store) -> None:
    assert {e["type"] for e in store.events(type="consult")} == {"CONSULT"}
    assert all("banking" in e["topics"] for e in store.events(topic="banking"))
    assert store.events(place="Карачи")
    assert store.events(entity="Ержан Кистафин")
    assert store.events(min_confidence=0.0)
    assert store.events(min_confidence=1.0) == []


def test_entity_page(store: Store) -> None:
    page = store.entity("Ержан Кистафин")
    assert page is not None
    assert (page["country"], page["sector"]) == ("KAZ", "GOV")
    assert {
        "position": "посол",
        "where": "Казахстан",
        "where_from": "text",
        "accredited_to": "Пакистан",
        "month": "2025-12",
    } in page["positions"]
    assert {"Посол", "Посол Казахстана", "Глава казахстанской дипмиссии"} <= set(page["aliases"])
    assert "Саид Хасан Накви" in {c["name"] for c in page["counterparts"]}


@pytest.mark.parametrize(
    ("one", "other"),
    [("Н. Кан", "Наото Кан"), ("А. Кудрин", "Алексей Кудрин"), ("ФАС", "Федеральная антимонопольная служба"),
     ("Беньямин Нетаньяху", "Биньямин Нетаньяху")],
)  # fmt: skip
def test_aliases_across_documents(store: Store, one: str, other: str) -> None:
    """Initials, acronyms and a second spelling meet the full name of another article."""
    assert store.find_entities(one) == store.find_entities(other) != []


def test_two_people_with_one_surname_stay_apart(store: Store) -> None:
    viktor, alla = store.find_entities("Виктор Бут"), store.find_entities("Алла Бут")
    assert viktor and alla and set(viktor).isdisjoint(alla)


def test_cli_ingest_search_events_entity(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", db])
    assert result.exit_code == 0 and "added 1" in result.stdout
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--db", db]).stdout.startswith("added 0, replaced 0, unchanged 1")
    assert "000_f9e879b08a32d2e4" in runner.invoke(app, ["search", "Казахстан", "--db", db]).stdout
    pairs = runner.invoke(app, ["events", "--pair", "KAZ-PAK", "--db", db, "--format", "csv"]).stdout
    assert pairs.startswith("id,hash,date,type") and "Саид Хасан Накви" in pairs
    page = runner.invoke(app, ["entity", "Ержан Кистафин", "--db", db]).stdout
    assert "посол" in page and "Саид Хасан Накви" in page
    summary = runner.invoke(app, ["summary", "--db", db]).stdout
    assert "documents 1" in summary and "KAZ-PAK" in summary


def test_pair_report(store: Store) -> None:
    report = store.pair("KAZ", "PAK")
    assert report["by_month"] == [{"month": "2025-12", "events": 10}]
    assert {"type": "CONSULT", "events": 7} in report["by_type"]
    assert {"logistics", "banking", "pharma"} <= {t["topic"] for t in report["by_topic"]}
    assert report["top_actors"][0]["name"] == "Ержан Кистафин"


def test_exports_of_a_query(store: Store, tmp_path: Path) -> None:
    parquet = tmp_path / "pair.parquet"
    assert store.export_parquet(parquet, EventFilters(pair=("KAZ", "PAK"))) == 10
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(SAMPLE), "--db", db])
    for kind in ("csv", "jsonl", "parquet", "plover", "gdelt"):
        out = tmp_path / f"events.{kind}"
        result = runner.invoke(app, ["export", kind, "-o", str(out), "--pair", "KAZ-PAK", "--db", db])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == f"10 events -> {out}"
    plover = [json.loads(line) for line in (tmp_path / "events.plover").read_text(encoding="utf-8").splitlines()]
    assert len(plover) == 10 and all(r["cite_info"]["language"] == "ru" for r in plover)
    assert all(a["entity_id"].startswith("E") for r in plover for a in r["actor"])
    gdelt = (tmp_path / "events.gdelt").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in gdelt)
    assert len((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()) == 10


def test_a_reprint_is_linked_and_its_events_counted_once(tmp_path: Path) -> None:
    """A reprint of the reference article by another agency, with a source line added."""
    store = Store(tmp_path / "d.duckdb", write=True)
    text = SAMPLE.read_text(encoding="utf-8")
    reprint = text.replace("KAZAKHSTAN TODAY", "Казинформ") + "\n\nИсточник: пресс-служба МИД РК."
    store.ingest([extract_document(from_text(text, "a.txt", "a")), extract_document(from_text(reprint, "b.txt", "b"))])
    summary = store.summary()
    assert (summary["documents"], summary["near_duplicates"]) == (2, 1)
    assert summary["event_reports"] > summary["events"]
    pair = store.events(pair=("KAZ", "PAK"))
    assert len(pair) == 10
    assert all(e["sources"] == 2 for e in pair)
    reprinted = rows(store.db, "SELECT similarity FROM documents WHERE doc_key = 'b'", [])[0]["similarity"]
    assert reprinted > 0.8
    [person] = store.find_entities("Ержан Кистафин")
    reasons = rows(store.db, "SELECT merge_reason FROM doc_entities WHERE entity = ?", [person])
    assert [r["merge_reason"] for r in reasons] == ["first seen here", "same full name"]


def test_different_articles_are_not_duplicates(store: Store) -> None:
    assert store.summary()["near_duplicates"] == 0


def test_ingest_reports_a_broken_document_and_stores_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    result = CliRunner().invoke(app, ["ingest", str(bad), str(SAMPLE), "--db", str(tmp_path / "b.duckdb")])
    assert result.exit_code == 2
    assert f"letopis: cannot process {bad}: binary file" in result.stderr
    assert result.stdout.startswith("added 1, replaced 0, unchanged 0, rejected 1; skipped 0 files in folders")


@pytest.mark.parametrize("asked", ["Ёлкин «Газпром»", "елкин газпром", "  ЕЛКИН   \"Газпром\" "])
def test_an_entity_is_found_by_its_name_whatever_the_case_yo_quotes_and_spaces(asked: str) -> None:
    import duckdb

    from letopis.store import derived
    from letopis.store.lookup import find_entities
    from letopis.store.schema import DDL

    db = duckdb.connect()
    db.execute(DDL)
    db.execute("INSERT INTO doc_entities VALUES ('h', 'e1', 'E1', 'Ёлкин «Газпром»', ''),"
               " ('h', 'e2', 'E2', 'Газпром', '')")  # fmt: skip
    derived.count_reports(db, ["h"], 1)  # the folded names, as an ingest of document h writes them
    assert find_entities(db, asked) == ["E1"]
