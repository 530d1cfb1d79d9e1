"""Word tests the steps of entity finding share: quotes, name words, titles, organisation words."""

from __future__ import annotations

from functools import cache

from letopis.extractors.entities.records import Candidate
from letopis.lexicon import org_words, positions
from letopis.lexicon.names import NAME_CONNECTORS, fold
from letopis.nlp import Parsed, Token

QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“"}
COMPLEMENTS = {"по", "при", "против"}


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit() or token.text.lower() in NAME_CONNECTORS


def leading_position(token: Token) -> bool:
    """`Замглавы` in an organisation span `Замглавы Федеральной миграционной службы`: a title, not a name."""
    return any(fold(w) in positions() for w in (token.lemma, token.text))


def org_sector_word(tokens: tuple[Token, ...]) -> str | None:
    """The sector named by the longest organisation-word phrase among the lemmas of `tokens`."""
    lemmas = [t.lemma.lower() for t in tokens]
    words = org_words()
    best: tuple[int, str] | None = None
    for i in range(len(lemmas)):
        for j in range(min(len(lemmas), i + longest_org_phrase()), i, -1):
            sector = words.get(tuple(lemmas[i:j]))
            if sector is not None and (best is None or j - i > best[0]):
                best = (j - i, sector)
                break
    return best[1] if best else None


@cache
def longest_org_phrase() -> int:
    return max(map(len, org_words()), default=0)


def lemmas(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.lemma.lower() for t in tokens)


def root(parsed: Parsed, cand: Candidate) -> Token:
    """The token of a mention that hangs from outside it."""
    tokens = parsed.tokens[cand.first : cand.last]
    return next((t for t in tokens if not cand.first <= t.head < cand.last), tokens[0])
