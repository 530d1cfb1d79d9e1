"""Every offset in every output over all bundled articles points at the text it claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from letopis.model import Extraction, Skipped
from letopis.pipeline import extract_paths

ROOT = Path(__file__).parent.parent
BUNDLED = [ROOT / "samples", ROOT / "tests" / "data" / "factRuEval-2016" / "devset"]


@pytest.fixture(scope="module")
def results() -> list[Extraction]:
    items = [i for i in extract_paths(BUNDLED) if not isinstance(i, Skipped)]  # the devset's annotation files
    assert all(isinstance(i, Extraction) for i in items), [i for i in items if not isinstance(i, Extraction)]
    return [i for i in items if isinstance(i, Extraction)]


def test_all_bundled_articles_are_read(results: list[Extraction]) -> None:
    assert len(results) == 1 + 122


def test_mentions_and_evidence_slice_the_text(results: list[Extraction]) -> None:
    checked = 0
    for result in results:
        text = result.document.text
        spans = [m for e in result.entities for m in e.mentions] + [o.evidence for o in result.occupations]
        spans += [s for event in result.events for s in event.evidence]
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text, (result.document.id, span)
            checked += 1
        if result.document.dateline is not None:
            line = result.document.dateline.span
            assert text[line.start : line.end] == line.text
    assert checked > 2000


def test_references_point_at_entities(results: list[Extraction]) -> None:
    for result in results:
        ids = {e.id: e.type for e in result.entities}
        assert len(ids) == len(result.entities)
        for job in result.occupations:
            assert ids[job.person] == "PER"
            assert job.where is None or job.where in ids
            assert job.accredited_to is None or ids[job.accredited_to] == "LOC"
        for event in result.events:
            assert all(a in ids for a in event.actor + event.recipient)
            assert event.place is None or ids[event.place] == "LOC"


def test_events_are_found_and_dated_no_later_than_publication(results: list[Extraction]) -> None:
    events = [(r.document, e) for r in results for e in r.events]
    assert len(events) > 200  # 243 on 2026-12-02: one record per real event, none without a party
    for doc, event in events:
        assert event.date is not None or doc.published is None
        if doc.published is not None and event.date is not None and event.modality != "future":
            assert event.date <= doc.published, (doc.id, event)
