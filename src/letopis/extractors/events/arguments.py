"""Who takes part in an event: the actor (the trigger's subject, a noun trigger's genitive names) and the
recipients (`с` + instrumental participants, objects, and what follows the trigger in its clause); never
a source the sentence cites (`по данным Reuters`)."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Cluster
from letopis.extractors.events.agents import agent_word, demonym
from letopis.extractors.events.allegations import alleged_actors
from letopis.extractors.events.antecedents import passive_agents, possessor
from letopis.extractors.events.context import Context
from letopis.extractors.events.learned import learned_agents
from letopis.extractors.events.lists import listed_after
from letopis.extractors.events.participles import described, participles, shares_subject
from letopis.extractors.events.phrases import (
    WITH,
    after_with,
    clause,
    counted,
    drop_descriptors,
    host,
    is_destination,
    light_verb,
    names_itself,
    targets,
)
from letopis.extractors.events.records import Draft, Occurrence, Parties, is_party, unique
from letopis.extractors.events.resolution import resolve
from letopis.extractors.events.sources import is_source
from letopis.extractors.events.triggers import Match
from letopis.extractors.events.undergoing import undergone
from letopis.extractors.events.where_when import is_direction
from letopis.lexicon import event_words, positions
from letopis.nlp import Sentence, Token

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTING = event_words()["hosting"]
PATIENT_NOUNS = event_words()["patient_noun"]


def find_parties(ctx: Context, occurrence: Occurrence, protagonist: Cluster | None, previous: Draft | None) -> Parties:
    """Actors and recipients of the event: `стороны` are the protagonist and the `с` participants, or the
    parties of the previous event; a cooperative event without a subject is the protagonist's; a host
    (`Обама принимает коллегу Саркози`) is the recipient of the visit and the guest its actor."""
    if (undergoing := undergone(ctx, occurrence, resolve)) is not None:
        return undergoing
    actor, sides = alleged_actors(ctx, occurrence, resolve), False
    if not actor:
        actor, sides = subjects(ctx, occurrence.sent, occurrence.matches, generic=False)
    if not actor and not sides:  # never one the trigger acts on (`был задержан и обвинён`: the accused)
        patients = objects(ctx, occurrence.sent, occurrence.matches, [])
        actor = [c for c in learned_agents(ctx, occurrence) if c not in patients]
    if not actor and not sides:
        actor = subjects(ctx, occurrence.sent, occurrence.matches)[0]
    explicit = bool(actor)
    recipient = recipients(ctx, occurrence, actor)
    if sides:
        if recipient:
            actor = [protagonist] if protagonist is not None else []
        elif previous is not None:
            actor = previous.actor + [c for c in previous.recipient if c not in previous.actor]
        explicit = bool(actor)
    verbal = any(ctx.tokens[m.anchor].pos == "VERB" for m in occurrence.matches)
    if not actor and occurrence.type in COOPERATIVE and protagonist and verbal and not said(ctx, occurrence):
        actor = [protagonist]
    recipient = [c for c in recipient if c not in actor]
    if (
        occurrence.mode == "visit"
        and any(ctx.tokens[m.anchor].lemma.lower() in HOSTING for m in occurrence.matches)
        and recipient
    ):
        actor, recipient = recipient, actor
    hosts = [c for c in recipient if is_party(c) or (occurrence.mode == "visit" and is_destination(c))]
    return Parties([c for c in actor if is_party(c)], hosts, explicit)


def said(ctx: Context, occurrence: Occurrence) -> bool:
    """Whether a trigger verb has a subject of its own, named or not (`Президент принял отставку губернатора`:
    a president the text does not name, not the report's protagonist); `я` of a quote is the speaker, often
    the protagonist."""
    anchors = {m.anchor for m in occurrence.matches}
    words = ctx.tokens[occurrence.sent.first : occurrence.sent.last]
    return any(t.head in anchors and t.rel == "nsubj" and t.lemma.lower() != "я" for t in words)


def subjects(
    ctx: Context, sent: Sentence, matches: Sequence[Match], generic: bool = True
) -> tuple[list[Cluster], bool]:
    """Entities that are the grammatical subject of the trigger, and whether the subject is `стороны`
    (both sides); generic agents of no stated country (`полиция`) only when `generic`."""
    tokens = ctx.tokens
    own = {i for m in matches for i in m.tokens}
    words = tokens[sent.first : sent.last]
    governors = own | {tokens[m.anchor].head for m in matches if shares_subject(words, tokens[m.anchor])}
    governors |= {light_verb(tokens, i) for m in matches for i in m.tokens}  # `применила газ`
    governors |= {
        tokens[h].head for h in list(governors) if h >= 0 and tokens[h].pos == "VERB" and tokens[h].rel == "xcomp"
    }
    governors |= set(participles(tokens, sent, own))  # `санкции, введённые Евросоюзом`
    objects = all(tokens[m.anchor].pos == "NOUN" and tokens[m.anchor].rel == "obj" for m in matches)
    if objects and (named := genitive_agents(ctx, sent, matches)):
        return unique(named), False  # `Кремль отверг обвинения Лондона`: Лондон accuses, not the Kremlin
    found: list[Cluster] = []
    sides = False
    candidates = [t for t in words if t.rel == "nsubj" and t.head in governors]
    # `Обвинения ... касаются`: an act is not its own subject; `Демонстранты ... готовятся`: those who act are
    candidates = [t for t in candidates if t.index not in own or agent_word(t) is not None]
    nominative = [t for t in candidates if t.case in {"Nom", None} or demonym(t) is not None]  # `Иорданцы` (Gen)
    nominative += [t for t in candidates if t.case == "Gen" and counted(tokens, t, sent)]  # `Трое жителей`
    # `музей` has one form for both cases: an inanimate subject tagged accusative, when there is no other
    nominative = nominative or [t for t in candidates if t.case == "Acc" and t.feats.get("Animacy") == "Inan"]
    for token in nominative:
        for subject in [
            token,
            *(t for t in tokens[sent.first : sent.last] if t.rel == "conj" and t.head == token.index),
        ]:
            if subject.lemma.lower() == "сторона" and subject.feats.get("Number") == "Plur":
                sides = True
                continue
            found += [c for c in resolve(ctx, subject, sent, generic=generic) if is_party(c)]
    found += [c for item in list(found) for c in listed_after(ctx, sent, item) if is_party(c)]
    if not found and not sides:
        found = fronted_objects(ctx, sent, governors, generic)
    if not found:
        agents = passive_agents(ctx, sent, governors)
        found = [c for agent in agents for c in resolve(ctx, agent, sent, generic=generic) if is_party(c)]
    if not found:
        found = genitive_agents(ctx, sent, matches)
    return unique(found), sides


def fronted_objects(ctx: Context, sent: Sentence, governors: set[int], generic: bool) -> list[Cluster]:
    """`Государственный исторический музей (ГИМ) отменил чтения`: an inanimate noun in the nominative
    before a verb that has no subject, which the parser took for its object, is the subject (such nouns
    have one form for both cases), and so is one tagged accusative when another object follows the verb."""
    tokens = ctx.tokens
    verbs = {i for i in governors if i >= 0 and tokens[i].pos == "VERB"}
    if any(t.rel == "nsubj" and t.head in verbs for t in tokens[sent.first : sent.last]):
        return []
    objects = [t for t in tokens[sent.first : sent.last] if t.rel == "obj" and t.head in verbs]
    fronted = [t for t in objects if t.index < t.head]
    second = {t.head for t in objects if t.index > t.head}  # `музей отменил чтения`: one of two is the subject
    chosen = [t for t in fronted if t.case == "Nom" or (t.head in second and t.feats.get("Animacy") == "Inan")]
    return [c for t in chosen for c in resolve(ctx, t, sent, generic=generic) if is_party(c)]


def genitive_agents(ctx: Context, sent: Sentence, matches: Sequence[Match]) -> list[Cluster]:
    """`телефонный разговор Путина с ...`, `визит министра ... Сейджи Маехары`: the genitive names hanging
    on a noun trigger, or on the noun an infinitive trigger completes (`решение депутатов Госдумы
    запретить`), are its actors; of a noun whose genitive is the one the act befalls (`убийство журналиста
    полицейским`), the instrumental is."""
    tokens = ctx.tokens
    anchors = {m.anchor for m in matches if tokens[m.anchor].pos == "NOUN"}
    completed = {tokens[m.anchor].head for m in matches if tokens[m.anchor].feats.get("VerbForm") == "Inf"}
    anchors |= {i for i in completed if i >= 0 and tokens[i].pos == "NOUN"}
    marked = {t.head for t in tokens[sent.first : sent.last] if t.rel == "case"}
    found: list[Cluster] = []
    for token in tokens[sent.first : sent.last]:
        if token.head not in anchors or token.rel != "nmod" or token.index in marked:
            continue
        patient = tokens[token.head].lemma.lower() in PATIENT_NOUNS
        if token.case == ("Ins" if patient else "Gen"):  # and its conjuncts: `Переговоры Путина и Эрдогана`
            conjuncts = [t for t in tokens[token.index + 1 : sent.last] if t.rel == "conj" and t.head == token.index]
            found += [c for each in [token, *conjuncts] for c in resolve(ctx, each, sent)]
    return [c for c in found if is_party(c)]


def objects(ctx: Context, sent: Sentence, matches: Sequence[Match], actor: list[Cluster]) -> list[Cluster]:
    """Direct and indirect objects of the trigger wherever they stand (`Николаса Мадуро ... поздравил
    Путин`), coordinated ones too (`Кроуфорду и Фейту предъявлены обвинения`), with the names in their
    phrase and the person a possessive of theirs stands for (`отклонил его иск`: Армстронг); and the genitive
    of a noun the trigger's pattern continues with (`принял отставку правительства Исама Шарафа`,
    `потребовали отставки мэра`)."""
    tokens = ctx.tokens
    anchors = {i for m in matches for i in m.tokens} | held_under(tokens, sent, matches)
    owned = {i for m in matches for i in m.tokens[1:] if tokens[i].pos == "NOUN"}
    owned |= {m.anchor for m in matches if tokens[m.anchor].lemma.lower() in PATIENT_NOUNS}  # `арест Навального`
    found = objects_of(ctx, sent, anchors, owned, actor)
    for token in described(tokens, sent, matches):  # `задержанного в Москве Ивана Петрова`, not `уволенных`
        if names_itself(ctx, token, sent):
            found += [c for c in resolve(ctx, token, sent, subject=False) if c not in actor and is_party(c)]
    if not found:  # `Иванова уволили и предъявили обвинения`, `задержала и допросила Петрова`: a shared object
        verbs = {m.anchor for m in matches if tokens[m.anchor].pos == "VERB"}
        heads = {tokens[v].head for v in verbs if tokens[v].rel == "conj"}
        following = {t.index for t in tokens[sent.first : sent.last] if t.rel == "conj" and t.head in verbs}
        shared = {i for i in heads | following if tokens[i].pos == "VERB"}
        found = objects_of(ctx, sent, shared, set(), actor, named=True)
    return found


def held_under(tokens: Sequence[Token], sent: Sentence, matches: Sequence[Match]) -> set[int]:
    """The verbs a noun trigger completes with `под` (`держать под арестом двух жителей`): their objects
    are the trigger's."""
    marked = {t.head for t in tokens[sent.first : sent.last] if t.rel == "case" and t.text.lower() == "под"}
    nouns = (tokens[m.anchor] for m in matches if tokens[m.anchor].pos == "NOUN" and m.anchor in marked)
    return {t.head for t in nouns if t.rel == "obl" and t.head >= 0 and tokens[t.head].pos == "VERB"}


def directed(ctx: Context, occurrence: Occurrence, actor: list[Cluster]) -> list[Cluster]:
    """Whom a phrase of `против` (any act) or `от` (a demand) of the trigger names (`Против Ивана Петрова
    возбуждено дело`); when the act has an actor, a generic agent or the country of an adjective too
    (`санкции против российских банков`, `потребовала от правительства Армении`): such a phrase alone makes
    no event (`протесты стали выступать против правого правительства`)."""
    tokens, sent = ctx.tokens, occurrence.sent
    own = {i for m in occurrence.matches for i in m.tokens}
    marks = {"против"} | ({"от"} if occurrence.type == "REQUEST" else set())
    marked = {t.head for t in tokens[sent.first : sent.last] if t.rel == "case" and t.text.lower() in marks}
    phrases = (t for t in tokens[sent.first : sent.last] if t.head in own and t.index in marked)
    named = (t for t in phrases if actor or t.index in ctx.entity_at)
    return [c for t in named for c in resolve(ctx, t, sent) if c not in actor and is_party(c)]


def objects_of(
    ctx: Context, sent: Sentence, anchors: set[int], owned: set[int], actor: list[Cluster], named: bool = False
) -> list[Cluster]:
    """The parties among the objects of the tokens `anchors` and the genitives of the nouns `owned`; when
    `named`, only objects that name someone themselves (`names_itself`; not `проблем в Косово`)."""
    tokens = ctx.tokens
    found: list[Cluster] = []
    for token in tokens[sent.first : sent.last]:
        genitive = token.head in owned and token.rel == "nmod" and token.case == "Gen"
        if genitive or (token.head in anchors and token.rel in {"obj", "iobj", "nsubj:pass"}):
            conjuncts = (t for t in tokens[token.index + 1 : sent.last] if t.rel == "conj" and t.head == token.index)
            for each in [token, *conjuncts]:
                if named and not names_itself(ctx, each, sent):
                    continue
                items = resolve(ctx, each, sent, subject=False, generic=not genitive)
                items += [p for t in tokens[sent.first : sent.last] if t.head == each.index if (p := possessor(ctx, t))]
                found += [c for c in items if c not in actor and is_party(c)]
    owners = (possessor(ctx, t) for t in tokens[sent.first : sent.last] if t.head in owned)  # `принял его отставку`
    found += [c for c in owners if c is not None and c not in actor and is_party(c)]
    return unique(found)


def recipients(ctx: Context, occurrence: Occurrence, actor: list[Cluster]) -> list[Cluster]:
    """`с` + instrumental participants between the neighbouring triggers of other types, the objects of the
    trigger, and (but for talks that are no visit) the parties that follow it in its clause."""
    tokens, sent, others = ctx.tokens, occurrence.sent, occurrence.others
    first = min(m.anchor for m in occurrence.matches)
    start = max((o + 1 for o in others if o < first), default=sent.first)
    stop = min((o for o in others if o > first), default=sent.last)
    found: list[Cluster] = []
    chain: list[Cluster] = []
    for index in range(start, stop):
        item = ctx.entity_at.get(index)
        if item is None or (index > sent.first and ctx.entity_at.get(index - 1) is item):
            continue
        if is_source(tokens, index, sent):
            continue
        if after_with(ctx, index, sent) and index not in ctx.described:
            direct = tokens[index - 1].text.lower() in WITH
            after_position = tokens[index - 1].lemma.lower() in positions() and is_party(item)
            if item.type != "LOC" or direct or after_position:
                chain.append(item)
        elif chain:
            found += drop_descriptors(chain)
            chain = []
    found += drop_descriptors(chain)
    found += objects(ctx, sent, occurrence.matches, actor) + directed(ctx, occurrence, actor)
    if occurrence.type == "CONSULT" and occurrence.mode != "visit":
        return found
    aims = [(m, targets(ctx, m)) for m in occurrence.matches]
    following = {i for m, aimed in aims for i in clause(ctx, m.tokens[-1], sent, others) if aimed(i)}
    for index in sorted(following):
        item = ctx.entity_at.get(index)
        if item is None or item in actor or index in ctx.described or ctx.entity_at.get(index - 1) is item:
            continue
        if is_source(tokens, index, sent):
            continue
        if item.type == "LOC" and not is_direction(ctx, index, sent):
            continue
        found.append(host(ctx, item))
    return found
