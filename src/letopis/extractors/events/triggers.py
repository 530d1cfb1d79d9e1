"""Russian event triggers (lexicon/triggers/<type>.tsv), one file per PLOVER type (lexicon.plover).

A trigger pattern is a sequence of lemmas that must occur in order within one sentence, each within
three tokens after the previous one; `a|b` gives alternatives. The first word is the anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from letopis.lexicon import rows
from letopis.lexicon.names import fold
from letopis.lexicon.plover import TYPES, code
from letopis.nlp import Parsed, Sentence, Token, pipeline

MAX_STEP = 3
# where players meet, not negotiators (`встретились в финале`); closed class
GAMES = frozenset({"финал", "полуфинал", "четвертьфинал", "матч", "поединок", "турнир", "игра", "ринг", "бой", "раунд"})


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    words: tuple[frozenset[str], ...]
    mode: str | None
    future: bool
    example: str
    voice: str | None = None  # `passive` or `active`: the anchor's voice the pattern asks for


@dataclass(frozen=True, slots=True)
class Match:
    trigger: Trigger
    tokens: tuple[int, ...]

    @property
    def anchor(self) -> int:
        return self.tokens[0]


@cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Anchor lemma -> the triggers that start with it."""
    index: dict[str, list[Trigger]] = {}
    for type in TYPES:
        for pattern, mode, modality, example, *voice in rows(f"triggers/{type.lower()}.tsv"):
            words = tuple(frozenset(w.split("|")) for w in pattern.split())
            trigger = Trigger(type, words, None if mode == "-" else mode, modality == "future", example, *voice[:1])
            for anchor in words[0]:
                index.setdefault(anchor, []).append(trigger)
    return {anchor: tuple(found) for anchor, found in index.items()}


@cache
def anchor_prefixes() -> frozenset[str]:
    """First three letters of every form of every anchor (`дал`, `ушел` for `дать`, `уйти`): a cheap test
    before a token is lemmatised."""
    vocab = pipeline().vocab
    prefixes = set()
    for anchor in triggers():
        prefixes.add(anchor[:3])
        for parse in vocab(anchor)[:1]:
            prefixes.update(fold(form.word[:3]) for form in parse.lexeme)
    return frozenset(prefixes)


def lemma_of(token: Token) -> str | None:
    """The token's lemma when it may start a trigger, without lemmatising the rest."""
    if fold(token.text[:3]) not in anchor_prefixes():
        return None
    return token.lemma.lower()


def find_matches(parsed: Parsed, sent: Sentence) -> list[Match]:
    tokens = parsed.tokens
    found: list[Match] = []
    for index in range(sent.first, sent.last):
        lemma = lemma_of(tokens[index]) or ""
        passive = lemma.endswith("ся") and lemma not in triggers() and tokens[index].feats.get("Voice") == "Pass"
        # `вводится запрет`, `задерживаются полицией`: the passive of `вводить`, in conflict; `обсуждаются
        # варианты` names what is discussed, not who meets
        candidates = [t for t in triggers().get(lemma[:-2], ()) if code(t.type, None).quad > 2] if passive else None
        for trigger in triggers().get(lemma, ()) if candidates is None else candidates:
            if trigger.voice is not None and not in_voice(tokens, sent, index, trigger.voice):
                continue
            matched = follow(tokens, trigger.words[1:], index, sent.last)
            if matched is None and len(trigger.words) == 2:
                matched = fronted(tokens, trigger.words[1], index, sent.first)
            if matched is not None:
                found.append(Match(trigger, (index, *matched)))
    return keep_longest(found)


def in_voice(tokens: tuple[Token, ...], sent: Sentence, index: int, wanted: str) -> bool:
    """Whether the anchor is in the voice its pattern asks for: `passive` or `active` (`voice`),
    `reciprocal`, the act of several persons on each other (`Путин и Эрдоган встретились в Сочи`),
    or `addressed`, an act towards someone named in the dative (`Макрон позвонил Путину`)."""
    if wanted == "reciprocal":
        return reciprocal(tokens, sent, index)
    if wanted == "addressed":
        return addressed(tokens, sent, index)
    return voice(tokens[index]) == wanted


def addressed(tokens: tuple[Token, ...], sent: Sentence, verb: int) -> bool:
    """Whether the verb has a dative that names someone (`позвонил Владимиру Путину`, `позвонил президенту
    России`; not `позвонил жене`)."""
    words = tokens[sent.first : sent.last]
    datives = [t.index for t in words if t.head == verb and t.case == "Dat"]
    return any(t.pos == "PROPN" and (t.index == d or governed(tokens, t.index, d)) for d in datives for t in words)


def reciprocal(tokens: tuple[Token, ...], sent: Sentence, verb: int) -> bool:
    """Whether the verb's subject names two persons or more (`Владимир Путин и Реджеп Эрдоган`, `Президенты
    России и Турции Владимир Путин и Реджеп Эрдоган`) and no phrase of the verb is a game's
    (`Федерер и Надаль встретились в финале`)."""
    words = tokens[sent.first : sent.last]
    if any(t.head == verb and t.lemma.lower() in GAMES for t in words):
        return False
    for subject in (t for t in words if t.head == verb and t.rel == "nsubj"):
        phrase = [t for t in words if t.index == subject.index or governed(tokens, t.index, subject.index)]
        names = [t for t in phrase if t.pos == "PROPN" and t.feats.get("Animacy") == "Anim" and t.rel != "flat:name"]
        if len(names) >= 2:
            return True
    return False


def voice(token: Token) -> str:
    """`passive` for a passive verb or participle (`был осуждён`), or a participle the tagger calls a noun
    or an adjective, which its verb lemma gives away (`осуждённого журналиста`), else `active`."""
    noun = token.pos in {"NOUN", "ADJ"} and token.lemma.lower().endswith(("ть", "ти", "чь"))
    return "passive" if token.feats.get("Voice") == "Pass" or noun else "active"


def fronted(tokens: tuple[Token, ...], word: frozenset[str], verb: int, first: int) -> list[int] | None:
    """The object a verb of a two-word trigger has before it (`Поддержку законопроекту выразили депутаты`,
    `Обвинение ему предъявили в среду`)."""
    found = (i for i in range(first, verb) if tokens[i].head == verb and tokens[i].rel == "obj")
    return next(([i] for i in found if tokens[i].lemma.lower() in word), None)


def follow(tokens: tuple[Token, ...], words: tuple[frozenset[str], ...], start: int, stop: int) -> list[int] | None:
    """Token indexes of `words`, in order, each within MAX_STEP tokens after the previous one or, further
    on in the sentence, its dependent (`подписали в минувшую среду ... соглашение`)."""
    matched: list[int] = []
    position = start
    for word in words:
        near = range(position + 1, min(position + 1 + MAX_STEP, stop))
        found = next((i for i in near if tokens[i].lemma.lower() in word), -1)
        if found < 0:
            found = next(
                (
                    i
                    for i in range(position + 1, stop)
                    if governed(tokens, i, position) and tokens[i].lemma.lower() in word
                ),
                -1,
            )
        if found < 0:
            return None
        position = found
        matched.append(position)
    return matched


def governed(tokens: tuple[Token, ...], index: int, governor: int, depth: int = 3) -> bool:
    """Whether `governor` governs `index` within `depth` links (`принял в зале Кремля президента`: the parser
    often hangs the object on a nearer noun)."""
    parent = tokens[index].head
    for _ in range(depth):
        if parent == governor:
            return True
        if parent < 0:
            return False
        parent = tokens[parent].head
    return False


def keep_longest(found: list[Match]) -> list[Match]:
    """Of patterns sharing an anchor, keep the longest (`подписать соглашение` over `подписать`)."""
    best: dict[int, Match] = {}
    for match in found:
        current = best.get(match.anchor)
        if current is None or len(match.tokens) > len(current.tokens):
            best[match.anchor] = match
    covered = {i for m in best.values() for i in m.tokens[1:]}
    return sorted((m for m in best.values() if m.anchor not in covered), key=lambda m: m.anchor)
