"""`letopis eval events`: the scorer of the event gold, run on the reference article's gold written in the
event-gold format (the text is the bundled sample, so no ../shared is needed)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluate.events import GoldError, evaluate
from letopis.evaluate.score import Report

ROOT = Path(__file__).parent.parent
SAMPLE = Path("samples") / "000_f9e879b08a32d2e4.txt"
GOLD = ROOT / "tests" / "data" / "golden" / "000_f9e879b08a32d2e4.gold.json"


def write_gold(folder: Path, sha256: str) -> Path:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gold["document"] = {"corpus": "samples", "file": SAMPLE.name, "sha256": sha256}
    folder.mkdir(parents=True)
    path = folder / "000_f9e879b08a32d2e4.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("gold") / "tune"
    write_gold(folder, hashlib.sha256((ROOT / SAMPLE).read_bytes()).hexdigest())
    result = Report()
    evaluate(folder.parent, result, texts=ROOT)
    return result


def test_reference_article_finds_every_required_event(report: Report) -> None:
    strict = report.scores["events.strict"]
    assert strict.gold == 9
    assert strict.correct_gold == 9
    assert strict.pred - strict.correct_pred <= 1


def test_loose_is_never_below_strict(report: Report) -> None:
    for name, score in report.scores.items():
        if name.startswith("events.strict.") and name != "events.strict.confident":
            loose = report.scores[name.replace("strict", "loose")]
            assert loose.correct_gold >= score.correct_gold
            assert loose.correct_pred >= score.correct_pred


def test_per_type_counts_add_up_to_the_total(report: Report) -> None:
    types = [s for n, s in report.scores.items() if n.startswith("events.strict.") and n != "events.strict.confident"]
    assert sum(s.gold for s in types) == report.scores["events.strict"].gold
    assert sum(s.pred for s in types) == report.scores["events.strict"].pred


def test_every_error_names_a_miss_or_a_false_event(report: Report) -> None:
    assert all(" MISS " in line or " FALSE " in line for line in report.errors)


def test_a_changed_text_is_refused(tmp_path: Path) -> None:
    write_gold(tmp_path / "tune", "0" * 64)
    with pytest.raises(GoldError, match="sha256 differs"):
        evaluate(tmp_path, Report(), texts=ROOT)


def test_a_missing_text_is_refused(tmp_path: Path) -> None:
    write_gold(tmp_path / "tune", "0" * 64)
    with pytest.raises(GoldError, match="is missing"):
        evaluate(tmp_path, Report(), texts=tmp_path)


def test_the_command_prints_the_scores_and_refuses_a_missing_text(tmp_path: Path) -> None:
    write_gold(tmp_path / "tune", hashlib.sha256((ROOT / SAMPLE).read_bytes()).hexdigest())
    scored = CliRunner().invoke(app, ["eval", "events", str(tmp_path), "--texts", str(ROOT)])
    assert scored.exit_code == 0, scored.output
    assert "events.strict " in scored.output and "events.loose " in scored.output
    missing = CliRunner().invoke(app, ["eval", "events", str(tmp_path), "--texts", str(tmp_path)])
    assert missing.exit_code == 1
    assert "is missing" in missing.output
