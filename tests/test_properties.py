"""Properties that hold for any input: readers never raise, spans stay inside the text, JSON round-trips."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letopis.model import Document, Extraction, Failure, Mention, Span
from letopis.pipeline import extract
from letopis.read import from_text, read_bytes
from letopis.read.jsonl import read_jsonl
from letopis.read.sources import Origin

HERE = Origin("news.txt", "news.txt", "news")
# No deadline: the first example loads the language model, and extraction loads natasha.
READERS = settings(deadline=None)

# st.text() leaves out surrogates; these add the characters readers trip on.
TRICKY = st.sampled_from(["\x00", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200d", "\r", "\x0c", "\t", "\n"])
TEXTS = st.text(st.characters(codec="utf-8") | TRICKY)

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
PUNCTUATION = " .,;:-–—«»\"'()!?/0123456789\n"
WEIRD = "\x00\x0c\r\t\u200b\u200d\u00ad\u2028\ufeff"
WORDS = ["Путин", "Токаев", "посол", "Казахстана", "президент", "встретился", "с", "в", "Москве", "заявил", "МИД"]
NEWS = (
    st.lists(
        st.sampled_from(WORDS)
        | st.text(st.sampled_from(CYRILLIC), min_size=1, max_size=12)
        | st.text(st.sampled_from(PUNCTUATION + WEIRD), min_size=1, max_size=3),
        max_size=40,
    )
    .map("".join)
    .map(lambda text: text[:300])
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(["id", "text", "title", "url", "published", "other"])
RECORDS = st.dictionaries(FIELDS | TEXTS, JSON_VALUES | st.dates().map(date.isoformat) | TEXTS, max_size=6)


def assert_spans_inside(item: Document | Failure) -> None:
    assert isinstance(item, Document | Failure)
    if isinstance(item, Failure):
        return
    size = len(item.text)
    assert all(0 <= unit.start <= unit.end <= size for unit in item.units)
    if item.dateline is not None:
        span = item.dateline.span
        assert 0 <= span.start <= span.end <= size
        assert item.text[span.start : span.end] == span.text
    json.dumps([item.id, item.source, item.source_id, item.text, item.title, item.url], ensure_ascii=False).encode()


@READERS
@given(TEXTS)
def test_any_text_reads(text: str) -> None:
    assert_spans_inside(from_text(text, "news.txt", "news"))


@READERS
@given(st.binary(max_size=2000))
def test_any_bytes_read_to_a_document_or_a_failure(data: bytes) -> None:
    assert_spans_inside(read_bytes(data, HERE))
    for item in read_jsonl(data, HERE):
        assert_spans_inside(item)


@READERS
@given(st.lists(TEXTS, max_size=5))
def test_any_lines_read_as_jsonl(lines: list[str]) -> None:
    for item in read_jsonl("\n".join(lines).encode(), HERE):
        assert_spans_inside(item)


@READERS
@given(st.lists(RECORDS | JSON_VALUES, max_size=5), st.booleans())
def test_any_json_reads_as_jsonl(records: list[Any], ascii_only: bool) -> None:
    data = "\n".join(json.dumps(record, ensure_ascii=ascii_only) for record in records).encode()
    items = list(read_jsonl(data, HERE))
    assert len(items) == max(len(records), 1)  # one item a record, or one failure for an empty file
    for item in items:
        assert_spans_inside(item)


def assert_evidence(text: str, span: Span | Mention) -> None:
    assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWS)
def test_extraction_never_raises_and_evidence_is_exact(text: str) -> None:
    extraction = extract(text)
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert_evidence(text, mention)
    for occupation in extraction.occupations:
        assert_evidence(text, occupation.evidence)
    for event in extraction.events:
        for span in event.evidence:
            assert_evidence(text, span)
    assert_round_trip(extraction)


@READERS
@given(TEXTS, TEXTS, st.none() | TEXTS, st.none() | st.dates())
def test_any_document_round_trips_through_json(
    text: str, doc_id: str, title: str | None, published: date | None
) -> None:
    doc = Document(id=doc_id, source=doc_id, text=text, units=(), title=title, published=published)
    assert_round_trip(Extraction(doc, (), ()))


def assert_round_trip(extraction: Extraction) -> None:
    """The JSONL writer's line (`json.dumps(..., ensure_ascii=False)`) encodes as UTF-8 and reads back equal;
    `to_dict` keeps tuples, which JSON reads back as lists."""
    record = extraction.to_dict()
    line = json.dumps(record, ensure_ascii=False)
    assert "\n" not in line
    assert json.loads(line.encode("utf-8")) == lists(record)


def lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: lists(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [lists(item) for item in value]
    return value
