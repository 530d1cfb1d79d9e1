"""A position restated by a role phrase in a sentence that names its holder (`Министр финансов Иван Петров
заявил, что министр не уйдёт`), or that is the subject of the sentence after one whose subject is the holder
(`Петров заявил ... Министр не уйдёт`): each statement is an occupation of its own, with the phrase as
evidence, as NEREL links every profession mention to the person it names. factRuEval states a fact once per document,
so the scorers there count it with the role it restates (docs/evaluation.md)."""

from __future__ import annotations

from dataclasses import replace

from letopis.extractors.entities import Cluster, named_arguments
from letopis.extractors.roles.anaphora import phrase, phrase_end
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of
from letopis.learn.attachment import load
from letopis.learn.features import Argument
from letopis.model import Mention, Span

# The probability from which the attachment model's link of the person's name to the phrase in their
# sentence (`works_as`) takes the phrase as a statement of the person's position, chosen on 2026-12-03 on
# NEREL v1.1 train, where the model was trained (occupation triples F1 0.700, precision 0.863, with no
# restated roles; every phrase 0.712, precision 0.845; from 0.05 0.713; from 0.1 0.713, precision 0.857;
# from 0.2 0.712; 0.3 0.709; 0.5 0.706); NEREL dev 0.658 -> 0.667 at 0.1. A phrase the model gives almost
# no chance is mostly one NEREL does not link to the person.
RESTATES = 0.1


def restated(context: Context, roles: list[Role], found: list[tuple[Cluster, Mention]]) -> list[Role]:
    """For each role phrase of `found` (a person and the phrase that refers back to them) in a sentence
    that also names the person, linked to the name by the model (`RESTATES`), or the subject of the
    sentence after one the person is the subject of (`continued`), the person's role it restates (of the
    same position, `премьер` for `глава правительства`) with the phrase as evidence and position word;
    none when the person holds no such role."""
    restating: list[Role] = []
    for person, mention in found:
        index = context.parsed.token_range(mention.start, mention.end)[0]
        token = context.tokens[index]
        word = position_of(context, token) or token.lemma.lower()
        kind, _ = phrase(context, word, token, phrase_end(context, index))
        held = next((r for r in roles if r.person is person and kind in {r.kind, r.position_word}), None)
        if held is not None and (linked(context, person, index) >= RESTATES or continued(context, person, index)):
            evidence = Span(mention.start, mention.end, mention.text)
            restating.append(replace(held, evidence=evidence, position_index=index))
    return restating


def continued(context: Context, person: Cluster, index: int) -> bool:
    """Whether the position word at `index` is the subject of its sentence and a name of the person the
    subject of the sentence before (`Рауль Кастро подтвердил ... Глава Кубы объявил об этом`), or of the one
    before that when the sentence between names no one (train 0.735 -> 0.736, 2026-12-03, later). Added on
    2026-12-03: NEREL train triples 0.719 -> 0.724 (precision 0.852 -> 0.850), dev 0.673 -> 0.679 (0.855 ->
    0.857); a name in apposition to the subject (`Министр финансов Иван Петров прибыл`) too gave train
    0.724 at precision 0.846, so it does not count."""
    sent = context.parsed.sentence_of(index)
    if context.tokens[index].rel not in {"nsubj", "nsubj:pass"} or sent.index == 0:
        return False
    back = 2 if sent.index > 1 and sent.index - 1 not in context.persons_by_sentence else 1
    before = context.parsed.sentences[sent.index - back]
    said = [c for c in person.candidates if before.first <= c.first < before.last]
    return any(context.tokens[i].rel.startswith("nsubj") for c in said for i in range(c.first, c.last))


def linked(context: Context, person: Cluster, index: int) -> float:
    """The model's best probability that a name of `person` in the sentence of the position word at
    `index` holds it, against the other position words of the sentence; 0.0 when the sentence names
    them not."""
    sent = context.parsed.sentence_of(index)
    offered = [Argument(range(i, i + 1), "PROF") for i in range(sent.first, sent.last)
               if i == index or position_of(context, context.tokens[i])]  # fmt: skip
    names = [a for a, c in named_arguments(context.clusters, sent.first, sent.last) if c is person]
    model = load()
    ranked = (model.rank("works_as", context.parsed, a, offered) for a in names)
    return max((p for found in ranked for m, p in found if m.tokens.start == index), default=0.0)
