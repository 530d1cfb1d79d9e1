"""Calibrated event confidence: the features an event shows, the model's probability, and the filters
that use it (`extract --min-confidence`, the store's `min_confidence`)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.extractors.events.confidence import calibrated, features, probability, weights
from letopis.model import Extraction
from letopis.pipeline import extract
from letopis.store.filters import EventFilters

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"
TEXT = "Басманный суд Москвы арестовал журналиста Ивана Петрова. Суд постановил арестовать Петрова на два месяца."


@pytest.fixture(scope="module")
def result() -> Extraction:
    return extract(TEXT)


def test_an_event_shows_its_type_its_parties_and_its_reports(result: Extraction) -> None:
    [event] = result.events
    assert features(event, result) == ["bias", "type=COERCE", "actor", "recipient", "actor=ORG", "reports", "mode"]


def test_confidence_is_the_models_probability(result: Extraction) -> None:
    [event] = result.events
    assert event.confidence == round(probability(features(event, result)), 2)
    assert 0 < event.confidence < 1


def test_calibration_changes_only_the_confidence(result: Extraction) -> None:
    zeroed = replace(result, events=tuple(replace(e, confidence=0.0) for e in result.events))
    again = calibrated(zeroed)
    assert again == result


def test_the_weights_name_known_features() -> None:
    kinds = {"bias", "actor", "recipient", "no_party", "reports", "headline", "place", "mode"}
    assert all(name in kinds or name.split("=")[0] in {"type", "modality", "actor"} for name in weights())


def test_extract_keeps_events_of_at_least_the_confidence() -> None:
    runner = CliRunner()
    everything = json.loads(runner.invoke(app, ["extract", str(SAMPLE)]).output)[0]["events"]
    none = json.loads(runner.invoke(app, ["extract", str(SAMPLE), "--min-confidence", "1"]).output)[0]["events"]
    assert everything and none == []
    least = min(e["confidence"] for e in everything)
    kept = json.loads(runner.invoke(app, ["extract", str(SAMPLE), "--min-confidence", str(least)]).output)[0]
    assert len(kept["events"]) == len(everything)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_a_confidence_filter_outside_0_to_1_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="min_confidence"):
        EventFilters.parse(min_confidence=value)


def test_a_confidence_filter_is_a_number() -> None:
    assert EventFilters.parse(min_confidence="0.5").min_confidence == 0.5
