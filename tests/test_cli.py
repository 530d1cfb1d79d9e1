from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.export import tsv_cell
from letopis.render import printable

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"
runner = CliRunner()


def test_extract_json() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)
    assert doc["id"] == "000_f9e879b08a32d2e4"
    assert doc["language"] == "ru"
    assert {"id", "type", "mode", "quad", "intensity", "modality", "contexts", "topics", "actor", "recipient",
            "place", "date", "evidence", "confidence", "date_precision"} == set(doc["events"][0])  # fmt: skip
    assert {"Ержан Кистафин", "Саид Хасан Накви"} <= {e["name"] for e in doc["entities"] if e["type"] == "PER"}
    assert set(doc["entities"][0]) == {"id", "type", "name", "country", "sector", "kind", "lat", "lon", "mentions",
                                       "generic", "country_from"}  # fmt: skip


def test_extract_jsonl_one_line_per_document(tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_text("Мэр Москвы Сергей Собянин открыл станцию метро.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SAMPLE), str(second), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["000_f9e879b08a32d2e4", "b"]


def test_extract_text_shows_people_with_positions() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "text"])
    assert result.exit_code == 0
    assert "People (4)" in result.stdout
    assert "председатель Государственный банк Пакистана" in result.stdout
    assert "Places (5)" in result.stdout


def test_a_broken_document_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    result = runner.invoke(app, ["extract", str(bad), str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 2
    assert f"letopis: cannot process {bad}: binary file" in result.stderr
    assert json.loads(result.stdout)["id"] == "000_f9e879b08a32d2e4"


@pytest.mark.parametrize(
    ("text", "keep", "shown"),
    [
        ("Кистафин\x1b[2J", "\n\t", "Кистафин\\x1b[2J"),  # an ESC code never reaches the terminal
        ("a\x00b\x7fc\x9bd", "\n\t", "a\\x00b\\x7fc\\x9bd"),
        ("Кис\u200bтафин\u202e", "\n\t", "Кис\\u200bтафин\\u202e"),
        ("строка\nи\tтаб", "\n\t", "строка\nи\tтаб"),
        ("строка\nи\tтаб", "", "строка\\x0aи\\x09таб"),  # a table cell stays on its line
    ],
)
def test_control_characters_are_shown_escaped(text: str, keep: str, shown: str) -> None:
    assert printable(text, keep) == shown


def test_a_tsv_cell_holds_no_tab_or_line_break() -> None:
    assert tsv_cell("Посол\tКазахстана\nв Пакистане\x00") == "Посол Казахстана в Пакистане\\x00"


def test_the_cli_starts_without_the_nlp_pipeline() -> None:
    """The corpus commands (`letopis summary`, `search`, ...) start without loading natasha: only the
    commands that extract import it, when they run."""
    heavy = ("natasha", "slovnet", "navec", "letopis.nlp", "letopis.pipeline", "letopis.extractors")
    code = f"import sys, letopis.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(SAMPLE.parent.parent / "src")}
    loaded = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
