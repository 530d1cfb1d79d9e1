"""A workplace shared by the titles of one person in one sentence: `первый замглавнокомандующего
Сухопутными войсками генерал-лейтенант Сергей Скоков` (the general serves in the ground forces), `Бывший
актёр и комик Марьян Шарец работал мэром города Камник`. NEREL gives a person's profession the workplace the
person is linked to nearest it."""

from __future__ import annotations

from dataclasses import replace

from letopis.extractors.roles.context import Context
from letopis.extractors.roles.learned import envoy
from letopis.extractors.roles.record import Role
from letopis.model import Span


def shared_workplaces(context: Context, roles: list[Role]) -> list[Role]:
    """`roles` with each that names no workplace given the one of the same person's role nearest it in its
    sentence, when that one is named after its title (`complement`); not for a plural title or an envoy."""
    tokens = context.tokens
    placed: dict[tuple[int, int], list[Role]] = {}
    for role in roles:
        if role.where is not None and role.where_from == "text" and complement(context, role):
            placed.setdefault((id(role.person), tokens[role.position_index].sent), []).append(role)
    found: list[Role] = []
    for role in roles:
        token = tokens[role.position_index]
        others = placed.get((id(role.person), token.sent), [])
        if role.where is not None or not others or token.feats.get("Number") == "Plur" or envoy(role):
            found.append(role)
            continue
        nearest = min(others, key=lambda r: abs(r.position_index - role.position_index))
        first, last = min(role.evidence.start, nearest.evidence.start), max(role.evidence.end, nearest.evidence.end)
        evidence = Span(first, last, context.parsed.text[first:last])
        found.append(replace(role, where=nearest.where, evidence=evidence))
    return found


def complement(context: Context, role: Role) -> bool:
    """Whether a role's workplace is named after its title (`генерал-лейтенант` serves in the `Сухопутными
    войсками` of `замглавнокомандующего Сухопутными войсками`), not by a country adjective before it
    (`итальянский драматург, режиссёр`: a nationality, which the other titles do not share)."""
    sent = context.tokens[role.position_index].sent
    return role.where is not None and any(
        c.first > role.position_index and context.tokens[c.first].sent == sent for c in role.where.candidates
    )
