"""Acts told from the side of the one they befall: `Посольство подверглось ракетной атаке`, `Решение
подверглось критике со стороны оппозиции`. The subject of `подвергнуться` is the act's recipient, and the
one named after `со стороны` its actor."""

from __future__ import annotations

from letopis.extractors.events.context import Context, Resolver
from letopis.extractors.events.records import Occurrence, Parties, is_party

UNDERGO = frozenset({"подвергнуться", "подвергаться"})  # closed class


def undergone(ctx: Context, occurrence: Occurrence, resolve: Resolver) -> Parties | None:
    """The parties of an act its subject undergoes (the trigger is `подвергнуться` or a noun it governs);
    None for any other act."""
    tokens, sent = ctx.tokens, occurrence.sent
    verbs = {m.anchor for m in occurrence.matches} | {tokens[m.anchor].head for m in occurrence.matches}
    verbs = {i for i in verbs if sent.first <= i < sent.last and tokens[i].lemma.lower() in UNDERGO}
    if not verbs:
        return None
    words = tokens[sent.first : sent.last]
    subjects = [t for t in words if t.head in verbs and t.rel in {"nsubj", "nsubj:pass"}]
    recipient = [c for t in subjects for c in resolve(ctx, t, sent) if is_party(c)]
    sides = [t.index for t in words if t.lemma.lower() == "сторона" and tokens[t.index - 1].text.lower() == "со"]
    actor = [ctx.entity_at[i + 1] for i in sides if i + 1 in ctx.entity_at and is_party(ctx.entity_at[i + 1])]
    return Parties(actor, [c for c in recipient if c not in actor], bool(actor))
