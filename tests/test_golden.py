"""The reference article against its gold extraction (tests/data/golden), and a reviewed snapshot."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from letopis.evaluate.gold import find, match_events, missing_entities, missing_occupations
from letopis.lexicon.names import key
from letopis.model import Extraction
from letopis.pipeline import extract_paths

ROOT = Path(__file__).parent
SAMPLE = ROOT.parent / "samples" / "000_f9e879b08a32d2e4.txt"
GOLD = ROOT / "data" / "golden" / "000_f9e879b08a32d2e4.gold.json"
SNAPSHOT = ROOT / "data" / "golden" / "000_f9e879b08a32d2e4.output.json"


@pytest.fixture(scope="module")
def result() -> Extraction:
    item = next(iter(extract_paths([SAMPLE])))
    assert isinstance(item, Extraction)
    return item


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def test_document_header(result: Extraction, gold: dict[str, Any]) -> None:
    out = result.to_dict()
    assert out["published"] == gold["document"]["published"]
    assert out["title"] == gold["document"]["title"]
    assert out["dateline"] == gold["document"]["dateline"]


def test_all_persons_with_full_names(result: Extraction, gold: dict[str, Any]) -> None:
    assert missing_entities(result, gold, "PER") == []


def test_all_places(result: Extraction, gold: dict[str, Any]) -> None:
    assert missing_entities(result, gold, "LOC") == []
    for want in gold["entities"]["LOC"]:
        place = find(result, "LOC", want)
        assert place is not None
        assert (place.country, place.kind) == (want["country"], want["kind"])
        if want["kind"] in {"city", "province"}:
            assert place.lat is not None and place.lon is not None


def test_organisations(result: Extraction, gold: dict[str, Any]) -> None:
    missing = missing_entities(result, gold, "ORG")
    assert len(missing) <= 2, missing


def test_no_organisation_read_as_person(result: Extraction, gold: dict[str, Any]) -> None:
    persons = {key(e.name) for e in result.entities if e.type == "PER"}
    assert persons.isdisjoint(key(n) for n in gold["entities"]["must_not_be_persons"])
    org_words = {w for g in gold["entities"]["ORG"] for w in key(g["name"]).split()}
    assert all(not set(p.split()) <= org_words for p in persons)


def test_all_occupations(result: Extraction, gold: dict[str, Any]) -> None:
    assert missing_occupations(result, gold) == []


@pytest.mark.parametrize("type", ["PER", "ORG"])
def test_actor_codes(result: Extraction, gold: dict[str, Any], type: str) -> None:
    for want in gold["entities"][type]:
        entity = find(result, type, want)
        if entity is not None:
            assert entity.country == want["country"], entity.name
            if "sector" in want:
                assert entity.sector == want["sector"], entity.name


def test_role_phrases_are_anaphoric_mentions(result: Extraction, gold: dict[str, Any]) -> None:
    for want in gold["entities"]["PER"]:
        person = find(result, "PER", want)
        assert person is not None
        anaphors = {key(m.text) for m in person.mentions if m.anaphor}
        assert {key(a) for a in want.get("also_referred_to_as", [])} <= anaphors


def test_snapshot(result: Extraction) -> None:
    """The whole output, committed; a change shows up as a reviewed diff (LETOPIS_UPDATE_GOLDEN=1 rewrites)."""
    out = json.loads(result.to_json())
    out["source"] = SAMPLE.name
    if os.environ.get("LETOPIS_UPDATE_GOLDEN"):
        SNAPSHOT.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert out == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_gold_events(result: Extraction, gold: dict[str, Any]) -> None:
    matched, false_positives = match_events(result, gold)
    required = [w["id"] for w in gold["events"] if w["required"]]
    missing = [w for w in required if w not in matched]
    assert len(missing) <= 1, missing
    assert len(false_positives) <= 1, [(e.type, e.evidence[0].text[:60]) for e in false_positives]


def test_gold_event_details(result: Extraction, gold: dict[str, Any]) -> None:
    """Mode, contexts, topics and modality of the matched events, where the gold gives them."""
    matched, _ = match_events(result, gold)
    for want in gold["events"]:
        event = matched.get(want["id"])
        if event is None:
            continue
        if "mode" in want:
            assert event.mode == want["mode"], want["id"]
        if "contexts_any" in want:
            assert set(event.contexts) & set(want["contexts_any"]), (want["id"], event.contexts)
        if "topics_any" in want:
            assert set(event.topics) & set(want["topics_any"]), (want["id"], event.topics)
        assert event.modality == want.get("modality", "asserted"), want["id"]


def test_headline_and_body_talks_are_one_event(result: Extraction, gold: dict[str, Any]) -> None:
    matched, _ = match_events(result, gold)
    talks = matched["meet-commissioner"]
    assert talks.evidence[0].text.startswith("На переговорах с главой Карачи")
    assert any(s.text.startswith("На переговорах с комиссаром Карачи") for s in talks.evidence[1:])


def test_no_event_from_credit_or_dateline(result: Extraction) -> None:
    doc = result.document
    outside = [u for u in doc.units if u.kind in {"credit", "dateline"}]
    for event in result.events:
        assert not all(any(u.start <= s.start < u.end for u in outside) for s in event.evidence)
