"""Names listed with a subject that the parser does not join to it: `Мэттью Хьюлетт (Matthew Hewlett) и
Калеб Тюрон (Caleb Turon) взломали банкомат`, where the brackets break the coordination."""

from __future__ import annotations

from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.nlp import Sentence

BRACKETS = {"(": ")", "[": "]"}  # closed class
JOINERS = {",", "и"}  # closed class


def listed_after(ctx: Context, sent: Sentence, item: Cluster) -> list[Cluster]:
    """The entities of `item`'s type named right after its mention in `sent`, each after `,` or `и` and
    past a bracketed gloss (`(Caleb Turon)`); the list ends at the first other word or after `и`."""
    tokens = ctx.tokens
    ends = [c.last for c in item.candidates if sent.first <= c.first < sent.last]
    if not ends or item.type not in {"PER", "ORG"}:
        return []
    position, found = min(ends), []
    while position < sent.last:
        if tokens[position].text in BRACKETS:
            close = BRACKETS[tokens[position].text]
            position = next((i + 1 for i in range(position, sent.last) if tokens[i].text == close), sent.last)
            continue
        joiner = tokens[position].text.lower()
        other = ctx.entity_at.get(position + 1)
        if joiner not in JOINERS or other is None or other is item or other.type != item.type:
            break
        found.append(other)
        position = max(c.last for c in other.candidates if c.first <= position + 1 < c.last)
        if joiner == "и":
            break
    return found
