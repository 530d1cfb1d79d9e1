"""The only natasha adapter: segmentation, morphology, lemmas, syntax and NER to letopis records.

Each unit of a document (headline, photo credit, dateline, body block) is segmented on its own, so a
headline is never glued to the first sentence. Models are loaded once per process (`pipeline()`).

The models read the text without invisible characters (controls, zero-width and bidi marks, the soft
hyphen: `Кис\u200bтафин` is one word), in bounded pieces: natasha's parser scores every pair of words
of a sentence, so a sentence of more than MAX_SENTENCE_TOKENS words is read as consecutive chunks of at
most that many, and NER reads a unit in pieces of whole sentences of at most MAX_NER_TOKENS words. Every
offset is mapped back into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice, pairwise
from typing import Any

import natasha  # natasha before pymorphy: pymorphy2 needs it imported first on Python 3.11
import numpy as np
from natasha import norm as natasha_norm
from numpy.typing import NDArray
from razdel import sentenize, tokenize
from slovnet.vocab import Vocab

from letopis.lexicon.nominative import adjectival, agreeing_endings, common_gender_surname, stem_lemma, unknown_surname
from letopis.model import Document, EntityType, UnitKind
from letopis.plain import Plain, visible

MAX_SENTENCE_TOKENS = 256  # the longest sentence of factRuEval-2016 and NEREL has 202 words
LINE_END = re.compile(r"\n(?=[ \t]*[^\sа-яёa-z])")
MAX_NER_TOKENS = 512  # the longest unit of factRuEval-2016 and NEREL has 424 words
NOMINATIVES = 10_000  # words remembered in the nominative, as many as natasha remembers pymorphy's parses


@dataclass(frozen=True, slots=True)
class Chunk:
    """A sentence, or a chunk of an over-long one, as the models read it: its words and where each
    starts in the plain text."""

    starts: list[int]
    words: list[str]

    @property
    def end(self) -> int:
        return self.starts[-1] + len(self.words[-1])


@dataclass(frozen=True, slots=True)
class Token:
    """A word with offsets into the document text; `text` is the word as the models read it (without
    invisible characters) and `plain_start` where it starts in that reading."""

    index: int
    start: int
    end: int
    text: str
    pos: str
    feats: Mapping[str, str]
    head: int
    rel: str
    sent: int
    plain_start: int
    memo: str | None = field(default=None, repr=False, compare=False)

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def lemma(self) -> str:
        """pymorphy's lemma chosen by the tagger's part of speech and features, computed on first use
        (most tokens never need one, and lemmatising all of them would cost a third of the run)."""
        memo = self.memo
        if memo is None:
            memo = pipeline().lemma(self.text, self.pos, self.feats)
            object.__setattr__(self, "memo", memo)  # frozen to everyone else: set once, here
        return memo


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, or a chunk of one longer than MAX_SENTENCE_TOKENS words."""

    index: int
    start: int
    end: int
    first: int
    last: int
    unit: UnitKind


@dataclass(frozen=True, slots=True)
class NerSpan:
    start: int
    end: int
    type: EntityType
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    spans: tuple[NerSpan, ...]
    ends: list[int] = field(init=False, repr=False, compare=False)
    starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ends", [t.end for t in self.tokens])
        object.__setattr__(self, "starts", [t.start for t in self.tokens])

    def sentence_of(self, token: int) -> Sentence:
        return self.sentences[self.tokens[token].sent]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes [first, last) of the tokens that overlap text[start:end]."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)

    def visible(self, start: int, end: int) -> str:
        """text[start:end] as the models read it, for names built from the text."""
        return visible(self.text[start:end])


class NLP:
    """natasha models, built once."""

    def __init__(self) -> None:
        emb = natasha.NewsEmbedding()
        self.emb = emb
        words = Vocab(emb.vocab.words)
        self.morph = share_words(natasha.NewsMorphTagger(emb), words)
        self.syntax = share_words(natasha.NewsSyntaxParser(emb), words)
        self.ner = share_words(natasha.NewsNERTagger(emb), words)
        self.vocab = natasha.MorphVocab()
        self.nominatives = lru_cache(NOMINATIVES)(self.nominative)  # names recur: `России`, `Обамы`

    def parse(self, doc: Document) -> Parsed:
        """Tokens, sentences (chunks of long ones) and NER spans of a document, offsets into `doc.text`."""
        plain = Plain.of(doc.text)
        units = [(u.kind, plain.inner(u.start), plain.inner(u.end)) for u in doc.units]
        segmented = [(kind, start, end, list(segment(plain.text, start, end))) for kind, start, end in units]
        pieces = [piece for _, start, end, chunks in segmented for piece in ner_pieces(start, end, chunks)]
        sentences = [(kind, chunk) for kind, _, _, chunks in segmented for chunk in chunks]
        parsed = Parsed(doc.text, *self.tag(plain, sentences), ())
        return Parsed(doc.text, parsed.tokens, parsed.sentences, self.recognise(plain, pieces, parsed))

    def tag(
        self, plain: Plain, sentences: list[tuple[UnitKind, Chunk]]
    ) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
        """Morphology and syntax of each sentence, streamed: a batch of sentences at a time in memory. Tokens
        of one tag share its part of speech and features (half of a token's memory otherwise)."""
        texts = [chunk.words for _, chunk in sentences]
        tags: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, Mapping[str, str]]] = {}
        tokens: list[Token] = []
        records: list[Sentence] = []
        tagged = zip(sentences, self.morph.map(texts), self.syntax.map(texts), strict=True)
        for index, ((kind, chunk), morph, tree) in enumerate(tagged):
            first = len(tokens)
            for start, text, tag, dep in zip(chunk.starts, chunk.words, morph.tokens, tree.tokens, strict=True):
                head = int(dep.head_id)
                pos, feats = tags.setdefault((tag.pos, tuple(tag.feats.items())), (tag.pos, tag.feats))
                tokens.append(
                    Token(
                        index=len(tokens),
                        start=plain.outer(start),
                        end=plain.outer(start + len(text) - 1) + 1,
                        text=text,
                        pos=pos,
                        feats=feats,
                        head=first + head - 1 if head > 0 else -1,
                        rel=dep.rel,
                        sent=index,
                        plain_start=start,
                    )
                )
            records.append(Sentence(index, tokens[first].start, tokens[-1].end, first, len(tokens), kind))
        return tuple(tokens), tuple(records)

    def recognise(self, plain: Plain, pieces: list[tuple[int, int]], parsed: Parsed) -> tuple[NerSpan, ...]:
        """NER spans of the pieces (plain offsets), mapped to the document text and its tokens."""
        spans: list[NerSpan] = []
        markups = self.ner.map([plain.text[start:end] for start, end in pieces])
        for (offset, _), markup in zip(pieces, markups, strict=True):
            for span in markup.spans:
                start, end = plain.outer(offset + span.start), plain.outer(offset + span.stop - 1) + 1
                spans.append(NerSpan(start, end, span.type, *parsed.token_range(start, end)))
        return tuple(spans)

    def vector(self, word: str) -> NDArray[np.float32] | None:
        """navec's news vector of a lowercase word (300 numbers), None for a word it does not know."""
        found = self.emb.get(word)
        return None if found is None else np.asarray(found, dtype=np.float32)

    def lemma(self, word: str, pos: str, feats: Mapping[str, str]) -> str:
        return str(self.vocab.lemmatize(word, pos, dict(feats))).replace("ё", "е")

    def normal(self, tokens: Sequence[Token], type: EntityType) -> str:
        """Nominative normal form of a name. Persons and places inflect every word (natasha's rule);
        an organisation inflects its head noun and the words before it, and keeps the genitive tail
        (`Международного института политической экспертизы` -> `Международный институт политической
        экспертизы`). A hyphenated word pymorphy does not know inflects by its last part."""
        head = len(tokens)
        if type == "ORG":
            nouns = (i + 1 for i, t in enumerate(tokens) if t.pos in {"NOUN", "PROPN"} and not adjectival(t))
            head = next(nouns, len(tokens))
        feats = agreeing(tokens)
        words = [self.inflect(t, feats[i]) if i < head else t.text.lower() for i, t in enumerate(tokens)]
        if type == "PER":
            words = [common_gender_surname(t.text, t.case, w) for t, w in zip(tokens, words, strict=True)]
            words[-1] = unknown_surname(tokens[-1].text, tokens[-1].case, words[-1])
            words = [stem_lemma(t.text, t.case, w, t.lemma) for t, w in zip(tokens, words, strict=True)]
            words = agreeing_endings([t.text for t in tokens], [t.case for t in tokens], words)
        natasha_tokens: list[Any] = [
            natasha.doc.DocToken(t.plain_start, t.plain_start + len(t.text), t.text) for t in tokens
        ]
        shaped = list(natasha_norm.recover_shapes(words, natasha_tokens))
        return str(natasha_norm.recover_spaces(shaped, natasha_tokens))

    def inflect(self, token: Token, feats: Mapping[str, str]) -> str:
        return self.nominatives(token.text, "ADJ" if adjectival(token) else token.pos, tuple(feats.items()))

    def nominative(self, text: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        """The nominative of a word with its part of speech and features (a function of these alone)."""
        word = natasha.doc.DocToken(0, len(text), text, pos=pos, feats=dict(feats))
        form = str(natasha_norm.inflect_word(self.vocab, word))
        if pos == "ADJ" and form == natasha_norm.normal_word(text):
            word.pos = "VERB"  # a participle the tagger calls an adjective: `Соединённого` Королевства
            form = str(natasha_norm.inflect_word(self.vocab, word))
        prefix, dash, last = text.rpartition("-")
        if dash and prefix and form == natasha_norm.normal_word(text) and last:
            part = natasha.doc.DocToken(0, len(last), last, pos=pos, feats=dict(feats))
            form = natasha_norm.normal_word(prefix) + "-" + str(natasha_norm.inflect_word(self.vocab, part))
        return form


def agreeing(tokens: Sequence[Token]) -> list[Mapping[str, str]]:
    """Features of each word, or for an adjective the tagger left bare (`Северо-Кавказском`), those of the
    next word with a case, which it agrees with."""
    found: list[Mapping[str, str]] = []
    following: Mapping[str, str] | None = None
    for token in reversed(tokens):
        bare = token.case is None and token.pos == "ADJ"
        found.append(following if bare and following is not None else token.feats)
        if token.case is not None:
            following = token.feats
    return found[::-1]


def segment(text: str, start: int, end: int) -> Iterator[Chunk]:
    """Each sentence of text[start:end], a line that a lowercase word does not continue ending one (a
    headline or a caption with no full stop), a sentence longer than MAX_SENTENCE_TOKENS words in
    consecutive chunks of at most that many."""
    cuts = [start, *(m.end() for m in LINE_END.finditer(text, start, end)), end]
    for first, last in pairwise(cuts):
        for sent in sentenize(text[first:last]):
            tokens = tokenize(sent.text)
            while chunk := list(islice(tokens, MAX_SENTENCE_TOKENS)):
                yield Chunk([first + sent.start + t.start for t in chunk], [t.text for t in chunk])


def ner_pieces(start: int, end: int, chunks: list[Chunk]) -> Iterator[tuple[int, int]]:
    """Plain offsets of the pieces of a unit NER reads: the whole unit when it has at most MAX_NER_TOKENS
    words, else runs of whole sentences (or chunks of one) of at most that many words each; none when the
    unit has no words (it was all invisible characters)."""
    if not chunks:
        return
    if sum(len(chunk.words) for chunk in chunks) <= MAX_NER_TOKENS:
        yield start, end
        return
    piece: list[Chunk] = []
    size = 0
    for chunk in chunks:
        if piece and size + len(chunk.words) > MAX_NER_TOKENS:
            yield piece[0].starts[0], piece[-1].end
            piece, size = [], 0
        piece.append(chunk)
        size += len(chunk.words)
    if piece:
        yield piece[0].starts[0], piece[-1].end


def share_words(tagger: Any, words: Any) -> Any:
    """`tagger` reading its words through `words`, the one vocabulary built on navec's word list: each of
    natasha's three taggers loads those 250,000 words again as a list and a dict of its own (117 MB of a
    process's memory for the three copies). A tagger whose words differ keeps its own."""
    if tagger.infer.encoder.words_vocab.items == words.items:
        tagger.infer.encoder.words_vocab = words
    return tagger


@cache
def pipeline() -> NLP:
    return NLP()
