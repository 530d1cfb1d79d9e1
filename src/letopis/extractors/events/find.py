"""The order of the event steps: triggers, the protagonist, then for each type of trigger in a sentence
its parties, modality, place, date and topics; last the merging of reports of one event."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Cluster
from letopis.extractors.events.arguments import find_parties, subjects
from letopis.extractors.events.context import Context, build_context
from letopis.extractors.events.implied import attack_anchor, attackers, implied_actor
from letopis.extractors.events.merging import merge
from letopis.extractors.events.modality import find_modality
from letopis.extractors.events.phrases import with_participants
from letopis.extractors.events.records import Draft, Occurrence, Parties, occurrences, unique
from letopis.extractors.events.topics import find_topics
from letopis.extractors.events.triggers import Match, find_matches
from letopis.extractors.events.where_when import dateline_place, event_date, stated_place
from letopis.extractors.roles import Role
from letopis.lexicon import event_words
from letopis.model import Document, Span
from letopis.nlp import Parsed, Token

# Types that make an event without a named party when their own clause places them (`в Иерусалиме
# произошёл теракт`, `в Аммане прошли демонстрации`); any other trigger with nobody in it is background
# (`после прошлогоднего теракта`), a topic (`закон о митингах`) or a generic statement.
PLACED_ALONE = frozenset({"ASSAULT", "PROTEST"})
DEMONSTRATIVES = frozenset({"этот", "тот", "данный"})  # closed class
PAST_YEARS = frozenset({"прошлогодний", "позапрошлогодний", "давний"})  # closed class
PREPARING = event_words()["attempt"] - {"попытка"}  # an attempt took place; a plan or a preparation need not
DAYS = frozenset({"сегодня", "завтра", "послезавтра", "понедельник", "вторник", "среда", "четверг", "пятница",
                  "суббота", "воскресенье"})  # closed class; fmt: skip


def find_events(doc: Document, parsed: Parsed, clusters: list[Cluster], roles: list[Role]) -> list[Draft]:
    """The events of the headline and body, merged and in text order. Body sentences are read before the
    headline, so a visit's destination and the parties `стороны` refers to come from the body first; the
    destination of the first visit read with a stated place (`прибыл в Ирландию`) is the place of the
    events read after it that state none. A trigger with no party makes no event unless it is `alone`; an
    event with no actor takes the one its act implies, if any (`implied_actor`); an attack that names no
    actor once its reports are merged, its unidentified attackers (`attackers`)."""
    ctx = build_context(doc, parsed, clusters, roles)
    sentences = [s for s in parsed.sentences if s.unit in {"headline", "body"}]
    found = {s.index: find_matches(parsed, s) for s in sentences}
    protagonist = find_protagonist(ctx, found)
    drafts: list[Draft] = []
    attacks: dict[int, int] = {}  # id of a draft of an attack with no actor -> its trigger
    destination: Cluster | None = None
    for sent in sorted(sentences, key=lambda s: (s.unit == "headline", s.index)):
        for occurrence in occurrences(sent, found[sent.index]):
            if is_background(ctx, occurrence) or refers_back(ctx, occurrence, drafts) or courting(ctx, occurrence):
                continue
            parties = find_parties(ctx, occurrence, protagonist, drafts[-1] if drafts else None)
            modality = find_modality(parsed, occurrence.matches)
            visit = occurrence.mode == "visit"
            stated = stated_place(ctx, sent, visit, [m.anchor for m in occurrence.matches])
            if visit and destination is None:
                destination = stated
            if not (parties.actor or parties.recipient or alone(ctx, occurrence)):
                continue
            if not parties.actor and (implied := implied_actor(ctx, occurrence, bool(parties.recipient))):
                parties = Parties([implied], parties.recipient, parties.explicit)
            place = stated or destination or dateline_place(ctx)
            drafts.append(draft(ctx, occurrence, parties, modality, place))
            if not parties.actor and (anchor := attack_anchor(occurrence)) is not None:
                attacks[id(drafts[-1])] = anchor
    target_demands(drafts)
    merged = merge(sorted(refused(drafts), key=lambda d: d.evidence[0].start))
    for item in merged:
        if not item.actor and id(item) in attacks:
            item.actor = [attackers(ctx, attacks[id(item)])]
    return merged


def refused(drafts: list[Draft]) -> list[Draft]:
    """`Apple отказалась выполнить требование ФБР`: an act its actor refuses is that actor's refusal, one
    event, not a refusal and a negated act; whom the act was towards is whom the refusal is."""
    kept: list[Draft] = []
    for item in drafts:
        refusal = next((d for d in drafts if d.type == "REJECT" and d.sentence == item.sentence), None)
        if item.modality == "negated" and refusal is not None and item is not refusal and item.actor == refusal.actor:
            refusal.recipient = unique(refusal.recipient + [c for c in item.recipient if c not in refusal.actor])
        else:
            kept.append(item)
    return kept


def target_demands(drafts: list[Draft]) -> None:
    """A protest with no recipient is against whom its sentence's demands are (`Отставки губернатора
    требовали на митинге`: the governor)."""
    demands = {d.sentence: d.recipient for d in drafts if d.type == "REQUEST" and d.recipient}
    for item in drafts:
        if item.type == "PROTEST" and not item.recipient and item.sentence in demands:
            item.recipient = [c for c in demands[item.sentence] if c not in item.actor]


def alone(ctx: Context, occurrence: Occurrence) -> bool:
    """An attack or a protest that its own sentence places, in a city or a country (`В Египте продолжаются
    акции протеста`), is an event even with nobody named in it."""
    return occurrence.type in PLACED_ALONE and stated_place(ctx, occurrence.sent, True) is not None


def find_protagonist(ctx: Context, found: dict[int, list[Match]]) -> Cluster | None:
    """The person whose activity the report is about: the most mentioned person among the subjects of the
    triggers, else the most mentioned person."""
    named: list[Cluster] = []
    for index, matches in found.items():
        sent = ctx.parsed.sentences[index]
        for match in matches:
            named += [c for c in subjects(ctx, sent, [match])[0] if c.type == "PER"]
    persons = unique(named) or [c for c in ctx.clusters if c.type == "PER"]
    if not persons:
        return None
    return max(persons, key=lambda c: (len(c.candidates) + len(c.anaphors), -c.first))


def is_background(ctx: Context, occurrence: Occurrence) -> bool:
    """`На прошедших переговорах представители ... выразили заинтересованность`: talks named only as the
    setting of another event, with no participant of their own, are not a new event; nor is an act its
    noun places in a past year (`После прошлогоднего теракта власти усилили меры`)."""
    tokens = ctx.tokens
    dated = {t.head for t in tokens[occurrence.sent.first : occurrence.sent.last] if t.lemma.lower() in PAST_YEARS}
    if all(tokens[m.anchor].pos == "NOUN" and m.anchor in dated for m in occurrence.matches):
        return True
    if all(prepared(tokens, m.anchor) for m in occurrence.matches):
        return True
    if occurrence.type != "CONSULT" or not occurrence.others:
        return False
    nouns_only = all(tokens[m.anchor].pos == "NOUN" and tokens[m.anchor].rel != "root" for m in occurrence.matches)
    return nouns_only and not any(with_participants(ctx, m.anchor) for m in occurrence.matches)


def prepared(tokens: Sequence[Token], anchor: int) -> bool:
    """Whether an act's noun is what someone prepared or planned (`подозреваются в подготовке теракта`,
    `планировали совершить теракт`): it has not taken place."""
    head = anchor
    for _ in range(3 if tokens[anchor].pos == "NOUN" else 0):
        head = tokens[head].head
        if head < 0:
            return False
        if tokens[head].lemma.lower() in PREPARING:
            return True
    return False


def courting(ctx: Context, occurrence: Occurrence) -> bool:
    """`Стивен стал встречаться с актёром`, `форвард встречается с моделью`: `встречаться` in the present or
    after `стать`, `начать` is going out with someone, not talks (news report talks in the past or future,
    or in the present of a day they name: `Завтра Путин встречается с Эрдоганом`)."""
    tokens = ctx.tokens
    sent = occurrence.sent
    if occurrence.type != "CONSULT" or any(t.lemma.lower() in DAYS for t in tokens[sent.first : sent.last]):
        return False
    return all(going_out(tokens, tokens[m.anchor]) for m in occurrence.matches)


def going_out(tokens: Sequence[Token], anchor: Token) -> bool:
    """Whether a trigger word is `встречаться` in the present or after `стать`, `начать`."""
    inchoative = anchor.head >= 0 and tokens[anchor.head].lemma.lower() in {"стать", "начать"}
    return anchor.lemma.lower() == "встречаться" and (anchor.feats.get("Tense") == "Pres" or inchoative)


def refers_back(ctx: Context, occurrence: Occurrence, drafts: list[Draft]) -> bool:
    """`эти переговоры`, `этой встречи`: an event noun with a demonstrative names an event of its type
    reported before, not a new one."""
    tokens = ctx.tokens
    sent = occurrence.sent
    pointed = {t.head for t in tokens[sent.first : sent.last] if t.rel == "det" and t.lemma.lower() in DEMONSTRATIVES}
    nouns = all(tokens[m.anchor].pos == "NOUN" and m.anchor in pointed for m in occurrence.matches)
    return nouns and any(d.type == occurrence.type for d in drafts)


def draft(ctx: Context, occurrence: Occurrence, parties: Parties, modality: str, place: Cluster | None) -> Draft:
    """The event of one type in one sentence."""
    sent = occurrence.sent
    evidence = Span(sent.start, sent.end, ctx.parsed.text[sent.start : sent.end])
    topics, contexts = find_topics(ctx.parsed, sent)
    when, precision = event_date(ctx, sent, modality, [m.anchor for m in occurrence.matches])
    return Draft(
        occurrence.type, occurrence.mode, modality, unique(parties.actor), unique(parties.recipient), place,
        when, [evidence], topics, contexts, sent.unit, sent.index, parties.explicit, precision,
    )  # fmt: skip
