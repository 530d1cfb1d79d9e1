"""What an event is about: topics and PLOVER contexts from the words of its sentence (lexicon/topics.tsv)."""

from __future__ import annotations

from functools import cache

from letopis.extractors.events.records import unique
from letopis.lexicon import rows
from letopis.nlp import Parsed, Sentence


@cache
def topic_words() -> dict[str, tuple[str, str | None]]:
    """Lemma -> (topic, PLOVER context or None)."""
    return {lemma: (topic, None if context == "-" else context) for lemma, topic, context in rows("topics.tsv")}


@cache
def topic_prefixes() -> frozenset[str]:
    """First three letters of every topic word: a cheap test before a token is lemmatised."""
    return frozenset(word[:3].lower() for word in topic_words())


def find_topics(parsed: Parsed, sent: Sentence) -> tuple[list[str], list[str]]:
    """The topics of the sentence's nouns, adjectives and names, and the contexts of those topics
    (`нефть` -> energy)."""
    words = topic_words()
    prefixes = topic_prefixes()
    topics: list[str] = []
    contexts: list[str] = []
    for token in parsed.tokens[sent.first : sent.last]:
        if token.pos not in {"NOUN", "ADJ", "PROPN"} or token.text[:3].lower() not in prefixes:
            continue
        hit = words.get(token.lemma.lower())
        if hit is not None:
            topics.append(hit[0])
            if hit[1]:
                contexts.append(hit[1])
    return unique(topics), unique(contexts)
