"""The only natasha adapter: segmentation, morphology, lemmas, syntax and NER to letopis records.

Each unit of a document (headline, photo credit, dateline, body block) is segmented on its own, so a
headline is never glued to the first sentence. Models are loaded once per process (`pipeline()`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import natasha  # natasha before pymorphy: pymorphy2 needs it imported first on Python 3.11
from natasha import norm as natasha_norm
from razdel import sentenize, tokenize

from letopis.model import Document, EntityType, UnitKind


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    pos: str
    feats: Mapping[str, str]
    head: int
    rel: str
    sent: int
    memo: list[str] = field(default_factory=list, repr=False, compare=False)

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def lemma(self) -> str:
        """pymorphy's lemma chosen by the tagger's part of speech and features, computed on first use
        (most tokens never need one, and lemmatising all of them would cost a third of the run)."""
        if not self.memo:
            self.memo.append(pipeline().lemma(self.text, self.pos, self.feats))
        return self.memo[0]


@dataclass(frozen=True, slots=True)
class Sentence:
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


class NLP:
    """natasha models, built once."""

    def __init__(self) -> None:
        emb = natasha.NewsEmbedding()
        self.morph = natasha.NewsMorphTagger(emb)
        self.syntax = natasha.NewsSyntaxParser(emb)
        self.ner = natasha.NewsNERTagger(emb)
        self.vocab = natasha.MorphVocab()

    def parse(self, doc: Document) -> Parsed:
        text = doc.text
        sentences: list[tuple[int, int, UnitKind, list[tuple[int, int, str]]]] = []
        for unit in doc.units:
            chunk = text[unit.start : unit.end]
            for sent in sentenize(chunk):
                base = unit.start + sent.start
                words = [(base + t.start, base + t.stop, t.text) for t in tokenize(sent.text)]
                if words:
                    sentences.append((base, unit.start + sent.stop, unit.kind, words))
        chunks = [[w[2] for w in s[3]] for s in sentences]
        morphs = list(self.morph.map(chunks))
        trees = list(self.syntax.map(chunks))
        tokens: list[Token] = []
        records: list[Sentence] = []
        for index, ((start, end, kind, words), morph, tree) in enumerate(zip(sentences, morphs, trees, strict=True)):
            first = len(tokens)
            for (w_start, w_end, word), tag, dep in zip(words, morph.tokens, tree.tokens, strict=True):
                head = int(dep.head_id)
                tokens.append(
                    Token(
                        index=len(tokens),
                        start=w_start,
                        end=w_end,
                        text=word,
                        pos=tag.pos,
                        feats=tag.feats,
                        head=first + head - 1 if head > 0 else -1,
                        rel=dep.rel,
                        sent=index,
                    )
                )
            records.append(Sentence(index, start, end, first, len(tokens), kind))
        parsed = Parsed(text, tuple(tokens), tuple(records), ())
        spans = [
            NerSpan(
                unit.start + s.start,
                unit.start + s.stop,
                s.type,
                *parsed.token_range(unit.start + s.start, unit.start + s.stop),
            )
            for unit, markup in zip(doc.units, self.ner.map([text[u.start : u.end] for u in doc.units]), strict=True)
            for s in markup.spans
        ]
        return Parsed(text, parsed.tokens, parsed.sentences, tuple(spans))

    def lemma(self, word: str, pos: str, feats: Mapping[str, str]) -> str:
        return str(self.vocab.lemmatize(word, pos, dict(feats))).replace("ё", "е")

    def normal(self, tokens: Sequence[Token], type: EntityType) -> str:
        """Nominative normal form of a name. Persons and places inflect every word (natasha's rule);
        an organisation inflects its head noun and the words before it, and keeps the genitive tail
        (`Международного института политической экспертизы` -> `Международный институт политической
        экспертизы`). A hyphenated word pymorphy does not know inflects by its last part."""
        head = len(tokens)
        if type == "ORG":
            head = next((i + 1 for i, t in enumerate(tokens) if t.pos in {"NOUN", "PROPN"}), len(tokens))
        words = [self.inflect(t, agreeing(tokens, i)) if i < head else t.text.lower() for i, t in enumerate(tokens)]
        natasha_tokens: list[Any] = [natasha.doc.DocToken(t.start, t.end, t.text) for t in tokens]
        shaped = list(natasha_norm.recover_shapes(words, natasha_tokens))
        return str(natasha_norm.recover_spaces(shaped, natasha_tokens))

    def inflect(self, token: Token, feats: Mapping[str, str]) -> str:
        word = natasha.doc.DocToken(token.start, token.end, token.text, pos=token.pos, feats=dict(feats))
        form = str(natasha_norm.inflect_word(self.vocab, word))
        prefix, dash, last = token.text.rpartition("-")
        if dash and prefix and form == natasha_norm.normal_word(token.text) and last:
            part = natasha.doc.DocToken(0, len(last), last, pos=token.pos, feats=dict(feats))
            form = natasha_norm.normal_word(prefix) + "-" + str(natasha_norm.inflect_word(self.vocab, part))
        return form


def agreeing(tokens: Sequence[Token], index: int) -> Mapping[str, str]:
    """Features of a word, or for an adjective the tagger left bare (`Северо-Кавказском`), those of the
    next word it agrees with."""
    token = tokens[index]
    if token.case is not None or token.pos != "ADJ":
        return token.feats
    return next((t.feats for t in tokens[index + 1 :] if t.case is not None), token.feats)


@cache
def pipeline() -> NLP:
    return NLP()
