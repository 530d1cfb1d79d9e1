"""The actor of an act someone is suspected of, accused of or claims: `Петров подозревается в организации
теракта`, `власти связывают Рахами со взрывом`, `ИГ взяло на себя ответственность за теракт`. The act's
noun hangs from a word of suspicion, charge or responsibility, or has a relative clause of one; the one
that word points at is the actor of the act, not whoever voices the suspicion."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context, Resolver
from letopis.extractors.events.records import Occurrence, is_party
from letopis.lexicon import event_words
from letopis.nlp import Sentence, Token

SUSPICION = event_words()["suspicion"]
ATTEMPT = event_words()["attempt"]
STEPS = 3  # words between the act's noun and the word of suspicion


def alleged_actors(ctx: Context, occurrence: Occurrence, resolve: Resolver) -> list[Cluster]:
    """The parties a suspicion, charge or claim over the noun trigger of `occurrence` points at; none when
    the trigger is a verb, hangs from no such word, or the act was only prepared (`по подозрению в
    подготовке теракта`: no attack took place)."""
    tokens, sent = ctx.tokens, occurrence.sent
    for match in occurrence.matches:
        token = tokens[match.anchor]
        if token.pos != "NOUN":
            continue
        if claimed := [c for t in relative_claims(tokens, token, sent) for c in resolve(ctx, t, sent) if is_party(c)]:
            return claimed
        for _ in range(STEPS):
            if token.rel not in {"nmod", "obl"} or token.head < sent.first:
                break
            token = tokens[token.head]
            if token.lemma.lower() in ATTEMPT:
                return []
            if token.lemma.lower() in SUSPICION:
                return [c for t in suspects(tokens, token, sent) for c in resolve(ctx, t, sent) if is_party(c)]
    return []


def relative_claims(tokens: Sequence[Token], act: Token, sent: Sentence) -> list[Token]:
    """Who a relative clause of the act's noun says did it (`терактов, ответственность за которые взяло на
    себя ИГ`, `взрыва, в котором подозревается Петров`)."""
    words = tokens[sent.first : sent.last]
    verbs = [t for t in words if t.head == act.index and t.rel == "acl:relcl"]
    claims = [w for v in verbs for w in [v, *(t for t in words if t.head == v.index)] if w.lemma.lower() in SUSPICION]
    return [t for w in claims for t in suspects(tokens, w, sent)]


def suspects(tokens: Sequence[Token], word: Token, sent: Sentence) -> list[Token]:
    """Who the word of suspicion points at: the noun it describes (`Рахами, подозреваемый в ...`), the
    subject of a passive or reflexive verb (`Петров подозревается в ...`), the object of an active one
    (`связывают Рахами со взрывом`), or the subject of the verb a noun of it is the object of (`ИГ взяло
    ответственность за ...`)."""
    below = [t for t in tokens[sent.first : sent.last] if t.head == word.index]
    if word.pos in {"ADJ", "VERB"} and word.rel in {"amod", "acl"}:
        return [tokens[word.head]]
    if word.pos == "VERB":
        passive = word.feats.get("Voice") == "Pass" or word.lemma.lower().endswith("ся")
        wanted = {"nsubj", "nsubj:pass"} if passive else {"obj"}
        return [t for t in below if t.rel in wanted]
    if word.pos == "NOUN" and word.rel == "obj" and word.head >= sent.first:
        return [t for t in tokens[sent.first : sent.last] if t.head == word.head and t.rel == "nsubj"]
    return []
