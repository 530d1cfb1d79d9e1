"""Roles the patterns do not state, found by the attachment model (`letopis.learn`, trained on NEREL v1.1
train): rules where they are sure, the model where they are silent. In a sentence, a person who holds no
role of the patterns there is given the position word no role uses that the model links to them
(`works_as`) with probability `SURE` or more, and the position's workplace is the organisation or place
the model links to it (`workplace`) above the model's own threshold. A role that still names no workplace
takes the organisation or place of its sentence the model links best to its position word, with
probability `PLACED` or more (`learned_workplaces`)."""

from __future__ import annotations

from dataclasses import replace

from letopis.extractors.entities import Cluster, named_arguments
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import stated_places
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of, title
from letopis.learn.attachment import Model, load
from letopis.learn.features import Argument
from letopis.lexicon import positions
from letopis.model import Span
from letopis.nlp import Sentence

# The probability from which the model's person-position link is taken, chosen on 2026-12-03 by
# three-fold cross-validation on NEREL v1.1 train (a model trained on two folds, occupation triples scored
# on the third: F1 0.672 at 0.95, 0.672 at 0.9, 0.680 at 0.8, 0.685 at 0.7, 0.689 at 0.6, precision
# 0.843, 0.842, 0.840, 0.834, 0.828) and the factRuEval-2016 tune half (official Track 3 Occupation F1
# 0.679 at 0.95, 0.689 at 0.8 and 0.7, 0.679 at 0.6). 0.8 is the lowest cut that keeps
# `fact.Occupation.all` of the devset gate at its floor (0.7175; 0.703 at 0.7): the model's roles are
# mostly bare professions, which factRuEval never annotates. The check half is level (0.767 at both).
SURE = 0.8
# The probability from which the model's position-workplace link places a role that names none, chosen on
# 2026-12-03 by the same three-fold cross-validation (occupation triples F1 0.691 with no such link, 0.691
# at 0.5, 0.692 at 0.35 and 0.25, 0.694 at 0.15, 0.697 at 0.08, 0.705 at 0.0) and the factRuEval-2016
# devset: 0.15 is the lowest cut tried that leaves it unchanged (tune 0.689 at every cut down to 0.08; at
# 0.08 the devset's official Occupation F1 falls 0.733 -> 0.729 and the gate's fact.Occupation below its
# floor; at 0.0 tune falls to 0.659): factRuEval annotates fewer workplaces than NEREL links.
PLACED = 0.15


def learned_roles(context: Context, roles: list[Role]) -> list[Role]:
    """The roles the model adds to those of the patterns (`roles`), in text order."""
    model = load()
    tokens = context.tokens
    used = {r.position_index for r in roles}
    held = {(id(r.person), tokens[r.position_index].sent) for r in roles}
    found: list[Role] = []
    for sent in context.parsed.sentences:
        named = named_arguments(context.clusters, sent.first, sent.last)
        people = [(a, c) for a, c in named if c.type == "PER" and (id(c), sent.index) not in held]
        positions = [i for i in range(sent.first, sent.last) if i not in used and position_of(context, tokens[i])]
        if not people or not positions:
            continue
        offered = [Argument(range(i, i + 1), "PROF") for i in positions]
        for person_arg, person in people:
            linked = [(a, p) for a, p in model.rank("works_as", context.parsed, person_arg, offered) if p >= SURE]
            if not linked:
                continue
            index = linked[0][0].tokens.start
            places = [(a, c) for a, c in named if c.type != "PER"]
            found.append(role(context, model, sent, person, person_arg, index, places))
            used.add(index)
            held.add((id(person), sent.index))
    return found


def named_things(context: Context, span: range) -> set[int]:
    """The organisations and places named in `span` (ids of their entities)."""
    return {id(item) for i in span if (item := context.mentions.entity(i)) is not None and item.type != "PER"}


def role(
    context: Context,
    model: Model,
    sent: Sentence,
    person: Cluster,
    named: Argument,
    index: int,
    places: list[tuple[Argument, Cluster]],
) -> Role:
    """The role of the position word at `index` for the person named at `named`: its title, where it is
    held (the words after it as the rules read them, else the organisation or place of `places` the model
    links best to the position, above its threshold; none for a plural title over several places), the
    evidence from the first to the last of the title and the name."""
    tokens = context.tokens
    position_word = position_of(context, tokens[index]) or tokens[index].lemma.lower()
    position, start, complement = title(context, index, sent.last)
    after = range(complement, min(sent.last, complement + 4))
    where, _ = stated_places(context, after, index)
    if tokens[index].feats.get("Number") == "Plur" and len(named_things(context, after)) > 1:
        where = None  # `Представители России, Франции и Германии`: whose is which, the list patterns decide
    elif where is None:
        anchor = Argument(range(index, index + 1), "PROF")
        linked = model.linked("workplace", context.parsed, anchor, [a for a, _ in places])
        where = next(c for a, c in places if a.tokens == linked[0][0].tokens) if linked else None
    first = min(tokens[start].start, tokens[named.tokens.start].start)
    last = max(tokens[complement - 1].end, tokens[named.tokens.stop - 1].end)
    evidence = Span(first, last, context.parsed.text[first:last])
    return Role(person, position, position_word, where, None, evidence, index, ())


def learned_workplaces(context: Context, roles: list[Role]) -> list[Role]:
    """`roles` with a workplace for each that names none (`Баскетболист Деррик Роуз` in a sentence about the
    Chicago Bulls): the organisation or place of its sentence the model links best to its position word,
    with probability `PLACED` or more. Not for a plural title (whose is which, the list patterns decide)
    nor for an envoy (the model prefers the host country; the rules keep the sending one)."""
    model = load()
    placed: list[Role] = []
    for role in roles:
        token = context.tokens[role.position_index]
        if role.where is not None or token.feats.get("Number") == "Plur" or envoy(role):
            placed.append(role)
            continue
        sent = context.parsed.sentence_of(role.position_index)
        places = [(a, c) for a, c in named_arguments(context.clusters, sent.first, sent.last) if c.type != "PER"]
        anchor = Argument(range(role.position_index, role.position_index + 1), "PROF")
        ranked = model.rank("workplace", context.parsed, anchor, [a for a, _ in places])
        best = next((c for a, c in places if ranked and a.tokens == ranked[0][0].tokens), None)
        placed.append(replace(role, where=best) if best is not None and ranked[0][1] >= PLACED else role)
    return placed


def envoy(role: Role) -> bool:
    return positions().get(role.position_word, ("", ""))[1] == "envoy"
