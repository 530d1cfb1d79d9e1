"""Roles the patterns do not state, found by the attachment model (`letopis.learn`, trained on NEREL v1.1
train): rules where they are sure, the model where they are silent. In a sentence, a person who holds no
role of the patterns there is given the position word no role uses that the model links to them
(`works_as`) with probability `SURE` or more, and the position's workplace is the organisation or place
the model links to it (`workplace`) above the model's own threshold."""

from __future__ import annotations

from letopis.extractors.entities import Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import stated_places
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of, title
from letopis.learn.attachment import Model, load
from letopis.learn.features import Argument, Kind
from letopis.model import Span
from letopis.nlp import Sentence

# The probability from which the model's person-position link is taken. On the tune half of the
# factRuEval-2016 devset, which the model never saw (2026-12-02), official Track 3 Occupation F1 was 0.623
# without the model, 0.623 at 0.9, 0.621 at 0.8, 0.610 at 0.7, 0.606 at 0.6; at 0.9 one wrong occupation
# elsewhere in the devset takes `fact.Occupation.all` below its floor, so the cut is 0.95.
SURE = 0.95


def learned_roles(context: Context, roles: list[Role]) -> list[Role]:
    """The roles the model adds to those of the patterns (`roles`), in text order."""
    model = load()
    tokens = context.tokens
    used = {r.position_index for r in roles}
    held = {(id(r.person), tokens[r.position_index].sent) for r in roles}
    found: list[Role] = []
    for sent in context.parsed.sentences:
        people = [(a, c) for a, c in mentions(context, sent) if c.type == "PER" and (id(c), sent.index) not in held]
        positions = [i for i in range(sent.first, sent.last) if i not in used and position_of(context, tokens[i])]
        if not people or not positions:
            continue
        offered = [Argument(range(i, i + 1), "PROF") for i in positions]
        for person_arg, person in people:
            linked = [(a, p) for a, p in model.rank("works_as", context.parsed, person_arg, offered) if p >= SURE]
            if not linked:
                continue
            index = linked[0][0].tokens.start
            found.append(role(context, model, sent, person, person_arg, index))
            used.add(index)
            held.add((id(person), sent.index))
    return found


def workplace(
    context: Context, model: Model, sent: Sentence, person: Cluster, index: int, least: float
) -> Cluster | None:
    """The organisation or place of the sentence the model links best to the position word at `index`,
    if its probability is `least` or more."""
    places = [(a, c) for a, c in mentions(context, sent) if c.type != "PER" and c is not person]
    by_argument = {a.tokens: c for a, c in places}
    ranked = model.rank("workplace", context.parsed, Argument(range(index, index + 1), "PROF"), [a for a, _ in places])
    return by_argument[ranked[0][0].tokens] if ranked and ranked[0][1] >= least else None


def mentions(context: Context, sent: Sentence) -> list[tuple[Argument, Cluster]]:
    """The named mentions of a sentence as the model's arguments, with their entities."""
    found = []
    for item in context.clusters:
        for cand in item.candidates:
            if sent.first <= cand.first < sent.last:
                kind: Kind = "PER" if item.type == "PER" else "ORG" if item.type == "ORG" else "LOC"
                found.append((Argument(range(cand.first, cand.last), kind), item))
    return found


def role(context: Context, model: Model, sent: Sentence, person: Cluster, named: Argument, index: int) -> Role:
    """The role of the position word at `index` for the person named at `named`: its title, where it is
    held (the words after it as the rules read them, else the model's workplace), the evidence from the
    first to the last of the title and the name."""
    tokens = context.tokens
    position_word = position_of(context, tokens[index]) or tokens[index].lemma.lower()
    position, start, complement = title(context, index, sent.last)
    where, _ = stated_places(context, range(complement, min(sent.last, complement + 4)), index)
    if where is None:
        where = workplace(context, model, sent, person, index, model.relations["workplace"].threshold)
    first = min(tokens[start].start, tokens[named.tokens.start].start)
    last = max(tokens[complement - 1].end, tokens[named.tokens.stop - 1].end)
    evidence = Span(first, last, context.parsed.text[first:last])
    return Role(person, position, position_word, where, None, evidence, index, ())
