"""Titles coordinated with the one apposed to a name (`Иван Петров, актёр и режиссёр`, `Дарио Фо —
драматург, режиссёр, живописец`): each is the name's too, with the place read after it."""

from __future__ import annotations

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import role_at
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of

SEPARATORS = {",", "и"}


def coordinated(context: Context, person: Cluster, cand: Candidate, index: int, stop: int) -> list[Role]:
    """The roles of the singular positions the parse coordinates (`conj`) with the position at `index` or
    with the name (the parse often hangs the second title on the name), in the same case, up to `stop` or
    the first word that may not stand in a title or a list of titles; none past another person's name
    (`Иван Петров, актёр, и режиссёр Олег Смирнов`)."""
    tokens = context.tokens
    chain = {index, *range(cand.first, cand.last)}
    case = tokens[index].case
    found: list[Role] = []
    for at in range(index + 1, stop):
        token = tokens[at]
        if context.mentions.is_person(at) or not (context.may_stand_between(token) or token.text in SEPARATORS):
            break
        if (
            token.rel == "conj"
            and token.head in chain
            and token.feats.get("Number") != "Plur"
            and token.case == case
            and position_of(context, token) is not None
        ):
            chain.add(at)
            end = at + 1
            while end < stop and tokens[end].text not in SEPARATORS and context.may_stand_between(tokens[end]):
                end += 1
            if not context.mentions.is_person(end):
                found.append(role_at(context, person, at, range(at + 1, end), tokens[end - 1].end, cand))
    return found
