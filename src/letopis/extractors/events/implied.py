"""The actor an act implies when the text names none: a protest's protesters, an attack's unidentified
attackers, the authority behind an arrest, a charge or a sentence told in the passive."""

from __future__ import annotations

from letopis.extractors.entities import Cluster, org_sector_word
from letopis.extractors.events.agents import GOVERNMENT
from letopis.extractors.events.context import Context
from letopis.extractors.events.records import Occurrence

PROTESTERS = ("CVL", "протестующие")
# Attackers nobody names (`прогремел взрыв`, `теракт в Брюсселе`): CAMEO's and PLOVER's UAF, armed men
# of no known group, of the country it happens in, as GDELT codes unidentified gunmen.
ATTACKERS = ("UAF", "нападавшие")
ARMED_MODES = frozenset({None, "explosives", "suicide-attack", "firearms", "abduct"})
# The sectors of the organisations that arrest (COERCE), charge (ACCUSE) and sentence or ban (SANCTION).
AUTHORITIES = {"COERCE": {"COP", "JUD", "GOV"}, "ACCUSE": {"JUD", "COP"}, "SANCTION": {"JUD", "GOV"}}


def implied_actor(ctx: Context, occurrence: Occurrence, recipient: bool) -> Cluster | None:
    """Who acts when the text names no one but the act implies a kind of actor: a protest its protesters
    (`протестующие`, of the document's setting); an arrest, a charge, a sentence or a ban with someone it
    falls on (`был арестован`, `предъявлено обвинение`, `запрещён въезд`) the organisation of a fitting
    sector the document names before the trigger (a police force, a court), else the government of the
    country it happens in (`власти`, of the setting). None for other acts."""
    anchor = min(m.anchor for m in occurrence.matches)
    tokens = ctx.tokens
    if occurrence.type == "PROTEST":
        return ctx.agents.implied(tokens[anchor], *PROTESTERS)
    sectors = AUTHORITIES.get(occurrence.type)
    if sectors is None or not recipient or stated_subject(ctx, occurrence):
        return None
    for position in range(anchor - 1, -1, -1):
        item = ctx.entity_at.get(position)
        if item is not None and item.type == "ORG" and item.generic is None:
            words = [tokens[c.first : c.last] for c in item.candidates]
            if any(org_sector_word(tuple(w)) in sectors for w in words):
                return item
    return ctx.agents.implied(tokens[anchor], *GOVERNMENT)


def stated_subject(ctx: Context, occurrence: Occurrence) -> bool:
    """Whether a verb trigger has a subject that names no entity (`Совет директоров уже увольнял Джобса`):
    someone the text states acts, so no authority is implied."""
    sent = occurrence.sent
    verbs = {m.anchor for m in occurrence.matches if ctx.tokens[m.anchor].pos == "VERB"}
    return any(t.rel == "nsubj" and t.head in verbs for t in ctx.tokens[sent.first : sent.last])


def attack_anchor(occurrence: Occurrence) -> int | None:
    """The trigger of an armed attack, a bombing or a kidnapping (`теракт`, `взрыв`, `похищение`), whose
    attackers stand in when the event, once its reports are merged, still names no actor."""
    if occurrence.type != "ASSAULT" or occurrence.mode not in ARMED_MODES:
        return None
    return min(m.anchor for m in occurrence.matches)


def attackers(ctx: Context, anchor: int) -> Cluster:
    """The unidentified attackers (`нападавшие`, UAF, of the setting), with the trigger as their mention."""
    return ctx.agents.implied(ctx.tokens[anchor], *ATTACKERS)
