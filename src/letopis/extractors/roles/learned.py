"""Roles the patterns do not state, found by the attachment model (`letopis.learn`, trained on NEREL v1.1
train): rules where they are sure, the model where they are silent. In a sentence, a person who holds no
role of the patterns there is given the position word no role uses that the model links to them
(`works_as`) with probability `SURE` or more, and the position's workplace is the organisation or place
the model links to it (`workplace`) above the model's own threshold."""

from __future__ import annotations

from letopis.extractors.entities import Cluster, named_arguments
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import stated_places
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of, title
from letopis.learn.attachment import Model, load
from letopis.learn.features import Argument
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
