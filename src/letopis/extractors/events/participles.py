"""Which word a trigger takes its subject from, and passive participles: one describing the trigger's noun
names the act's actor by its instrumental agent (`санкции, введённые Евросоюзом`), and a trigger that is
itself a passive participle describes the one it befalls (`задержанного в Москве Ивана Петрова`,
`Арестованный судом ... Алексей Навальный объявил голодовку`: the court arrests Навальный)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from letopis.extractors.events.triggers import Match
from letopis.nlp import Sentence, Token


def is_participle(token: Token) -> bool:
    return token.feats.get("VerbForm") == "Part" and token.feats.get("Voice") == "Pass"


def shares_subject(tokens: Sequence[Token], anchor: Token) -> bool:
    """Whether a trigger's subject may be that of the word it hangs from: a noun's verb (`провёл
    переговоры`), a verb it completes or is coordinated with, a gerund's verb, the verb of saying a clause
    with no subject of its own reports (`сообщил, что принял отставку`); not a participle's noun, nor that
    verb when the clause names its own subject (`Песков заявил, что Россия не будет вводить санкции`)."""
    if is_participle(anchor) or (anchor.pos == "VERB" and anchor.feats.get("Voice") == "Pass"):
        return False  # nor a passive's: its subject is the one the act befalls
    gerund = anchor.rel == "advcl" and anchor.feats.get("VerbForm") == "Conv"
    if anchor.pos != "VERB" or anchor.rel in {"xcomp", "conj"} or gerund:
        return True
    return anchor.rel == "ccomp" and not any(t.head == anchor.index and t.rel == "nsubj" for t in tokens)


def participles(tokens: Sequence[Token], sent: Sentence, anchors: set[int]) -> Iterator[int]:
    """Passive participles describing a noun of the trigger (`санкции, введённые Евросоюзом`,
    `обвинения, предъявленные Генпрокуратурой`): their instrumental agent is the act's actor."""
    for token in tokens[sent.first : sent.last]:
        describing = token.head in anchors and token.rel in {"acl", "amod"} and is_participle(token)
        if describing and tokens[token.head].pos == "NOUN":
            yield token.index


def described(tokens: Sequence[Token], sent: Sentence, matches: Sequence[Match]) -> Iterator[Token]:
    """What a trigger that is a passive participle describes: the noun it modifies (`задержанного ...
    Ивана Петрова`), or, where the parser took the participle for a subject of its own, the subject of the
    same verb (`Арестованный судом ... Алексей Навальный объявил`)."""
    for match in matches:
        anchor = tokens[match.anchor]
        if not is_participle(anchor) or anchor.head < sent.first:
            continue
        if anchor.rel in {"acl", "amod"}:
            yield tokens[anchor.head]
        elif anchor.rel == "nsubj":
            others = tokens[sent.first : sent.last]
            yield from (t for t in others if t.head == anchor.head and t.rel == "nsubj" and t is not anchor)
