from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from letopis.cli import app

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"
runner = CliRunner()


def test_extract_json() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)
    assert doc["id"] == "000_f9e879b08a32d2e4"
    assert doc["language"] == "ru"
    assert {"id", "type", "mode", "quad", "intensity", "modality", "contexts", "topics", "actor", "recipient",
            "place", "date", "evidence", "confidence"} == set(doc["events"][0])  # fmt: skip
    assert {"Ержан Кистафин", "Саид Хасан Накви"} <= {e["name"] for e in doc["entities"] if e["type"] == "PER"}
    assert set(doc["entities"][0]) == {"id", "type", "name", "country", "sector", "kind", "lat", "lon", "mentions"}


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
    bad.write_bytes(b"\xff\xfe broken")
    result = runner.invoke(app, ["extract", str(bad), str(SAMPLE), "--format", "jsonl"])
    assert result.exit_code == 2
    assert f"letopis: cannot process {bad}: not valid UTF-8 at byte 0" in result.stderr
    assert json.loads(result.stdout)["id"] == "000_f9e879b08a32d2e4"
