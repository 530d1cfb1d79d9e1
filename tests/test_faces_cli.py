"""The CLI's conventions (issue 17): --version, `-` for standard input, AND search with phrases and
--any, summary formats, tables that fit 100 columns and say when they are cut, entities by any form of
their name, help that lists every format and filter, and the exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import letopis
from letopis.cli import app
from letopis.cli.output import cut, fit, short
from letopis.pipeline import extract_paths
from letopis.store import Store

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"
runner = CliRunner()
SOBYANIN = "Мэр Москвы Сергей Собянин открыл станцию метро."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A corpus of `samples/` only."""
    path = tmp_path_factory.mktemp("cli") / "corpus.duckdb"
    with Store(path, write=True) as store:
        store.ingest(extract_paths([SAMPLES]))
    return str(path)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"letopis {letopis.__version__}\n", "")


STDIN = [
    (SOBYANIN, ["stdin"]),
    (json.dumps({"id": "a", "text": SOBYANIN}, ensure_ascii=False) + "\n"
     + json.dumps({"id": "b", "text": SOBYANIN}, ensure_ascii=False) + "\n", ["a", "b"]),
    ("\ufeff" + json.dumps({"text": SOBYANIN}, ensure_ascii=False), ["<stdin>:1"]),
    ("{not json, read as text} " + SOBYANIN, ["stdin"]),
]  # fmt: skip


@pytest.mark.parametrize(("given", "ids"), STDIN)
def test_a_dash_reads_standard_input_as_text_or_jsonl(given: str, ids: list[str]) -> None:
    code, out, err = run("extract", "-", "--format", "jsonl", stdin=given)
    if given.startswith("{not"):  # a line that opens like JSON but is not: the JSONL reader says why
        assert code == 2 and "<stdin>:1" in err
        return
    assert code == 0, err
    found = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in found] == ids
    assert all("Сергей Собянин" in {e["name"] for e in d["entities"]} for d in found)


def test_ingest_reads_standard_input(tmp_path: Path) -> None:
    corpus = str(tmp_path / "c.duckdb")
    code, out, err = run("ingest", "-", "--db", corpus, "-q", stdin=SOBYANIN)
    assert code == 0, err
    assert out.startswith("added 1,")
    assert run("entity", "Собянина", "--db", corpus)[0] == 0


SEARCHES = [
    (["Кистафин Карачи"], 1),
    (["Кистафин Москва"], 0),  # every word must match
    (["Кистафин Москва", "--any"], 1),
    (['"Ержан Кистафин"'], 1),
    (['"Кистафин Ержан"'], 0),  # a phrase in its order
    (["казахстанских посла"], 1),
]


@pytest.mark.parametrize(("args", "documents"), SEARCHES)
def test_search_wants_every_word_a_phrase_or_any(db: str, args: list[str], documents: int) -> None:
    code, out, err = run("search", *args, "--db", db, "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)) == documents


def test_summary_formats(db: str) -> None:
    code, out, _ = run("summary", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)[0]["documents"] == 1
    code, out, _ = run("summary", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"section": "count", "name": "documents", "value": "1"} in rows
    assert any(r["section"] == "events_by_type" and r["name"] == "CONSULT" for r in rows)
    code, out, _ = run("summary", "--db", db)
    assert code == 0 and out.startswith("documents 1 ")


TABLES = [
    ["events"],
    ["events", "--pair", "KAZ-PAK", "--limit", "3"],
    ["search", "Кистафин"],
    ["entity", "Ержан Кистафин"],
    ["pair", "KAZ", "PAK"],
    ["summary"],
    ["rejects"],
]


@pytest.mark.parametrize("args", TABLES)
def test_tables_fit_100_columns(db: str, args: list[str]) -> None:
    code, out, err = run(*args, "--db", db)
    assert code == 0, err
    assert max(len(line) for line in out.splitlines() or [""]) <= 100, out


def test_a_cut_list_says_so(db: str) -> None:
    code, out, err = run("events", "--db", db, "--limit", "3")
    assert code == 0
    total = len(Store(db).events())
    assert "showing 3 of " + str(total) + " (use --limit)" in err
    assert len(out.splitlines()) == 4
    assert re.match(r"^[0-9a-f]{8}…-v\d+ ", out.splitlines()[1])
    assert "showing" not in run("events", "--db", db)[2]


FITS = [
    (["id"], [["39a277bf…-v1"]], [12]),
    (["a", "b"], [["x" * 200, "y" * 10]], [88, 10]),
    (["a", "b", "c"], [["x" * 80, "y" * 80, "z" * 80]], [32, 32, 32]),
]


@pytest.mark.parametrize(("header", "cells", "widths"), FITS)
def test_fit(header: list[str], cells: list[list[str]], widths: list[int]) -> None:
    assert fit(header, cells) == widths


@pytest.mark.parametrize(("value", "shown"), [("39a277bf5fb01db3-v12", "39a277bf…-v12"), ("a" * 64, "aaaaaaaa…"),
                                              ("short-v1", "short-v1")])  # fmt: skip
def test_ids_are_shortened_and_told_apart(value: str, shown: str) -> None:
    assert short(value) == shown
    assert cut("Казахстан", 5) == "Каза…"


ENTITIES = [
    ("Ержан Кистафин", "Ержан Кистафин"),
    ("ержан кистафин", "Ержан Кистафин"),
    ("Кистафина", "Ержан Кистафин"),  # a form no text uses, by its ending
    ("Кистафин", "Ержан Кистафин"),  # a part of the name
    ("Ержана Кистафина", "Ержан Кистафин"),
    ("Саида Хасана Накви", "Саид Хасан Накви"),
    ("Накви", "Саид Хасан Накви"),
    ("Джамилем Ахмадом", "Джамиль Ахмад"),
]


@pytest.mark.parametrize(("typed", "name"), ENTITIES)
def test_an_entity_by_any_form_of_its_name(db: str, typed: str, name: str) -> None:
    code, out, err = run("entity", typed, "--db", db, "--format", "json")
    assert code == 0, err
    assert json.loads(out)[0]["name"] == name


def test_help_lists_every_format_and_filter() -> None:
    top = run("--help")[1]
    for word in ("json", "jsonl", "text", "plover", "gdelt", "csv", "parquet", "--version", "Exit status"):
        assert word in top, word
    events = run("events", "--help")[1]
    for option in ("--entity", "--pair", "--type", "--context", "--topic", "--place", "--since", "--until",
                   "--min-confidence", "--format", "--limit"):  # fmt: skip
        assert option in events, option
    assert "KAZ-PAK" in events and "2025-12-01" in events and "CONSULT,AGREE" in events


def test_exit_codes(db: str, tmp_path: Path) -> None:
    """0 ok, 1 a user error, 2 some documents failed (README, Use)."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert run("events", "--db", db)[0] == 0
    assert run("events", "--db", db, "--type", "MEET")[0] == 1
    assert run("events", "--db", str(tmp_path / "none.duckdb"))[0] == 1
    assert run("entity", "Никто Никакой", "--db", db)[0] == 1
    assert run("extract", str(bad), "--format", "jsonl")[0] == 2
    assert run("ingest", str(bad), "--db", str(tmp_path / "c.duckdb"), "-q")[0] == 2


DOCUMENTED = ["**Exit status**: 0 ok; 1 a user error", "2 some documents could not be read", "--any",
              "extract - --format jsonl", "as_frame=True", "as_relation=True", "letopis[analysis]",
              "docs/tutorial.md", "--version", "showing 100 of 350"]


@pytest.mark.parametrize("phrase", DOCUMENTED)
def test_the_readme_documents_the_conventions(phrase: str) -> None:
    assert phrase in (ROOT / "README.md").read_text(encoding="utf-8")
