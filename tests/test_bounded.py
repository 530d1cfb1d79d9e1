"""Issue 10, bounded cost: pathological input extracts with every offset into its text, the models read
it in bounded pieces, and invisible characters never reach a name. Speed and memory are measured in
benchmarks/pathological.py, never here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from razdel import sentenize, tokenize

from letopis.model import Extraction, Mention, Span
from letopis.nlp import MAX_NER_TOKENS, MAX_SENTENCE_TOKENS, NLP, Parsed, pipeline, segment
from letopis.pipeline import extract
from letopis.plain import INVISIBLE
from letopis.read import from_text

SAMPLE = Path(__file__).parent.parent / "samples" / "000_f9e879b08a32d2e4.txt"
NAMES = [f"{first} {last}" for last in ["Петров", "Кистафин", "Ахмад", "Накви"] for first in ["Иван", "Ержан", "Саид"]]
ENVOY = "Посол Казахстана в Пакистане Ержан Кистафин совершил рабочую поездку в город Карачи."


def words_without_punctuation(size: int) -> str:
    """The reference article's words, no punctuation, repeated into one line of `size` characters."""
    words = re.findall(r"\w+", SAMPLE.read_text(encoding="utf-8"))
    line = " ".join(words)
    return (line + " ") * (size // (len(line) + 1)) + line[: size % (len(line) + 1)]


def names(count: int, separator: str) -> str:
    return separator.join(NAMES[i % len(NAMES)] for i in range(count))


PATHOLOGICAL = [
    ["20 KB run of «", "«" * 20_000],
    ["50 KB line without punctuation", words_without_punctuation(50_000)],
    ["2,000 names in a row", names(2_000, " ")],
    ["a list of 2,000 names", "Участники: " + names(2_000, ", ") + "."],
    ["a 1 KB sentence of envoys, 20 times", " ".join([ENVOY[:-1] + " и " + ENVOY] * 20)],
]


def spans(result: Extraction) -> Iterator[Mention | Span]:
    yield from (m for e in result.entities for m in e.mentions)
    yield from (o.evidence for o in result.occupations)
    yield from (s for event in result.events for s in event.evidence)


@pytest.mark.parametrize("name,text", PATHOLOGICAL, ids=[case[0] for case in PATHOLOGICAL])
def test_pathological_input_keeps_offsets(name: str, text: str) -> None:
    result = extract(text)
    for span in spans(result):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text, (name, span)


class Spy:
    """A model wrapper that records what it is given."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.inputs: list[Any] = []

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.inputs.append(item)
            yield from self.model.map([item])


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> NLP:
    nlp = pipeline()
    for model in ("morph", "syntax", "ner"):
        monkeypatch.setattr(nlp, model, Spy(getattr(nlp, model)))
    return nlp


@pytest.mark.parametrize("name,text", PATHOLOGICAL[:3], ids=[case[0] for case in PATHOLOGICAL[:3]])
def test_models_read_bounded_pieces(name: str, text: str, spied: Any) -> None:
    parsed = spied.parse(from_text(text, "<text>", "doc"))
    assert len(spied.morph.inputs) == len(spied.syntax.inputs) == len(parsed.sentences) > 1
    assert max(len(words) for words in spied.syntax.inputs) == MAX_SENTENCE_TOKENS
    assert max(len(list(tokenize(piece))) for piece in spied.ner.inputs) <= MAX_NER_TOKENS
    assert sum(len(words) for words in spied.morph.inputs) == len(parsed.tokens)


def test_news_is_read_whole(spied: Any) -> None:
    """Units of a news article go to NER whole, its sentences to the tagger and parser whole."""
    doc = from_text(SAMPLE.read_text(encoding="utf-8"), "<text>", "doc")
    parsed = spied.parse(doc)
    units = [doc.text[u.start : u.end] for u in doc.units]
    assert spied.ner.inputs == units
    assert len(parsed.sentences) == sum(len(list(sentenize(unit))) for unit in units)


def assert_chunks_tile(parsed: Parsed) -> None:
    """Sentences (and chunks of over-long ones) take the tokens in order, none skipped, each slicing the text."""
    assert parsed.sentences[0].first == 0 and parsed.sentences[-1].last == len(parsed.tokens)
    for before, after in zip(parsed.sentences, parsed.sentences[1:], strict=False):
        assert before.last == after.first and before.end <= after.start
    for sent in parsed.sentences:
        assert 0 < sent.last - sent.first <= MAX_SENTENCE_TOKENS
        assert all(sent.first <= t.head < sent.last for t in parsed.tokens[sent.first : sent.last] if t.head >= 0)
        assert (sent.start, sent.end) == (parsed.tokens[sent.first].start, parsed.tokens[sent.last - 1].end)
    assert all(parsed.text[t.start : t.end] == t.text for t in parsed.tokens)


def test_an_over_long_sentence_is_read_in_chunks() -> None:
    text = names(300, " ") + "."  # 600 words and a full stop
    parsed = pipeline().parse(from_text(text, "<text>", "doc"))
    assert [s.last - s.first for s in parsed.sentences] == [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 601 - 512]
    assert_chunks_tile(parsed)


# An invisible character inside or around a name: the name is read clean, its mention is an exact slice
# of the text that neither starts nor ends with the invisible character.
INVISIBLE_CASES = [
    ["zero-width space inside", ENVOY.replace("Кистафин", "Кис\u200bтафин"), "Ержан Кистафин"],
    ["soft hyphen inside", ENVOY.replace("Кистафин", "Кис\u00adтафин"), "Ержан Кистафин"],
    ["NUL inside", ENVOY.replace("Кистафин", "Кис\x00тафин"), "Ержан Кистафин"],
    ["ESC around", ENVOY.replace("Ержан Кистафин", "\x1bЕржан Кистафин\x1b"), "Ержан Кистафин"],
    ["zero-width space between words", ENVOY.replace("Ержан ", "Ержан\u200b "), "Ержан Кистафин"],
    ["bidi override around", ENVOY.replace("Ержан Кистафин", "\u202eЕржан Кистафин\u202c"), "Ержан Кистафин"],
    ["line separator between words", ENVOY.replace("Ержан ", "Ержан\u2028"), "Ержан Кистафин"],
    ["byte order mark first", "\ufeff" + ENVOY, "Ержан Кистафин"],
    ["soft hyphen in a place", ENVOY.replace("Казахстана", "Казах\u00adстана"), "Казахстан"],
    ["DEL and C1 next line", ENVOY.replace("Казахстана в", "Казахстана\x7f в\x85"), "Пакистан"],
]


@pytest.mark.parametrize("name,text,expected", INVISIBLE_CASES, ids=[case[0] for case in INVISIBLE_CASES])
def test_invisible_characters_stay_out_of_names(name: str, text: str, expected: str) -> None:
    result = extract(text)
    assert expected in [e.name for e in result.entities]
    for entity in result.entities:
        assert not INVISIBLE.search(entity.name) and "  " not in entity.name, entity
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert not INVISIBLE.match(mention.text[0]) and not INVISIBLE.match(mention.text[-1]), mention
    for span in spans(result):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["\x00", "\u200b\u200b", "\x00" * 1000, "\ufeff\u00ad\x1b"])
def test_a_text_of_invisible_characters_has_nothing(text: str) -> None:
    assert extract(text).entities == ()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Путин поздравил главу Кубы\nВладимир Путин, 2016 год\nПрезидент направил телеграмму.", 3),
        ("Президент направил\nтелеграмму главе Кубы.", 1),
    ],
)
def test_a_line_ends_a_sentence_unless_a_lowercase_word_continues_it(text: str, sentences: int) -> None:
    assert len(list(segment(text, 0, len(text)))) == sentences
