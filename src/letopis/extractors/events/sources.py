"""Who a sentence cites as its source is no party of its events: `по данным Reuters`, `как стало известно
«Интерфаксу»`, `как сообщил ТАСС`, `со ссылкой на МВД`."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.lexicon import event_words
from letopis.nlp import Sentence, Token

SOURCE_NOUNS = event_words()["source_noun"]
SAY_VERBS = event_words()["say_verb"]
SOURCE_PREPOSITIONS = {"по", "со", "с", "согласно"}  # closed class
CLIMB = 3  # heads looked at above a mention


def is_source(tokens: Sequence[Token], index: int, sent: Sentence) -> bool:
    """Whether the mention at `index` hangs, within three links, on a source noun after `по`, `со` or
    `согласно` (`по данным`, `со ссылкой на`) or on a verb of telling in a `как` clause (`как сообщил`)."""
    head = tokens[index].head
    for _ in range(CLIMB):
        if not sent.first <= head < sent.last:
            return False
        token = tokens[head]
        marks = {t.text.lower() for t in tokens[sent.first : sent.last] if t.head == head and t.rel in {"case", "mark"}}
        lemma = token.lemma.lower()
        if token.pos == "NOUN" and lemma in SOURCE_NOUNS and marks & SOURCE_PREPOSITIONS:
            return True
        if token.pos == "VERB" and lemma in SAY_VERBS and "как" in marks:
            return True
        head = token.head
    return False
