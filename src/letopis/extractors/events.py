"""Events: PLOVER type and mode from Russian triggers, then actors, recipients, place, date, topics,
contexts and modality from the sentence's syntax and the article's discourse.

- One event per trigger type and sentence (`провел переговоры ..., где обсудил ...` is one CONSULT).
- Actor: the subject of the trigger (a name, a resolved role phrase such as `Глава Карачи`, `стороны`
  for both sides of the meeting, or a country adjective: `представители пакистанских кругов`); a
  passive or subject-less cooperative sentence takes the report's protagonist (the person whose
  activity the article is about).
- Recipients: participants in `с` + instrumental (`с комиссаром Карачи ...`, `с руководством
  "Портового Терминала Карачи"`); for a visit and for other types, what follows the trigger in its
  clause (`посетил компании ...`, `в Казахстан`).
- Place: a location in the prepositional case (`в Карачи`), the destination of a visit, else the
  destination of the trip the report is about, else the dateline's place. Date: a date in the
  sentence, else the dateline's, else the publication date; never later than publication unless
  the statement is about the future.
- The same event reported twice (headline and body) is one event with two evidence spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TypeVar

from letopis.extractors.dates import find_date
from letopis.extractors.entities import Cluster, Countries
from letopis.extractors.roles import Role
from letopis.extractors.triggers import Match, find_matches
from letopis.lexicon import positions, rows
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.plover import code
from letopis.model import Document, Event, Span
from letopis.nlp import Parsed, Sentence, Token

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
WITH = {"с", "со"}
PLACE_PREPOSITIONS = {"в", "во", "на"}
PLACE_NOUNS = {"город", "столица", "провинция", "область", "штат", "страна", "республика", "регион", "район"}
CLAUSE_WORDS = {"где", "который", "когда", "что", "чтобы", "но", "однако", "куда", "откуда"}
CHAIN_POS = {"NOUN", "ADJ", "PROPN", "X", "NUM", "DET"}
QUOTES = {'"', "«", "»", "“", "”", "„"}
FUTURE_WORDS = {"намерение", "намереваться", "намерен", "намеренный", "планировать", "запланировать",
                "запланированный", "планироваться", "план", "собираться", "готовность", "готовый", "готов",
                "предстоящий", "намечать", "намечаться", "ожидаться", "предполагать", "пообещать",
                "обещать"}  # fmt: skip
HYPOTHETICAL_WORDS = {"если", "бы", "возможно", "мочь", "может", "вероятно", "якобы"}
REFUSAL_WORDS = {"отказаться", "отказываться"}
ECONOMIC_SECTORS = {"BUS", "AGR", "LAB"}
HOSTING = {"принять", "принимать"}
T = TypeVar("T")


@dataclass(slots=True)
class Draft:
    """An event while it is being built; `finish` turns it into an `Event`."""

    type: str
    mode: str | None
    modality: str
    actor: list[Cluster]
    recipient: list[Cluster]
    place: Cluster | None
    date: date | None
    evidence: list[Span]
    topics: list[str]
    contexts: list[str]
    confidence: float
    unit: str
    sentence: int
    explicit_actor: bool = field(default=False)

    @property
    def participants(self) -> set[int]:
        return {id(c) for c in self.actor + self.recipient}


@cache
def topic_words() -> dict[str, tuple[str, str | None]]:
    """Lemma -> (topic, PLOVER context or None)."""
    return {lemma: (topic, None if context == "-" else context) for lemma, topic, context in rows("topics.tsv")}


class EventFinder:
    def __init__(self, doc: Document, parsed: Parsed, clusters: list[Cluster], roles: list[Role]) -> None:
        self.doc = doc
        self.parsed = parsed
        self.clusters = clusters
        self.owner: dict[int, Cluster] = {}
        self.described: set[int] = set()
        self.anaphoric: set[int] = set()
        for item in clusters:
            for cand in item.candidates:
                for index in range(cand.first, cand.last):
                    self.owner.setdefault(index, item)
            for mention in item.anaphors:
                first, last = parsed.token_range(mention.start, mention.end)
                for index in range(first, last):
                    self.owner[index] = item
                    self.anaphoric.add(index)
        for role in roles:
            first, last = parsed.token_range(role.evidence.start, role.evidence.end)
            self.described.update(i for i in range(first, last) if self.owner.get(i) is not role.person)
        self.protagonist: Cluster | None = None
        self.destination: Cluster | None = None
        self.countries = Countries(clusters)
        self.dateline_scan: tuple[int, Cluster | None] = (0, None)  # entities looked at, the one found

    def find(self) -> list[Draft]:
        sentences = [s for s in self.parsed.sentences if s.unit in {"headline", "body"}]
        found = {s.index: find_matches(self.parsed, s) for s in sentences}
        self.protagonist = self.find_protagonist(found)
        drafts: list[Draft] = []
        ordered = sorted(sentences, key=lambda s: (s.unit == "headline", s.index))
        for sent in ordered:
            by_type: dict[str, list[Match]] = {}
            for match in found[sent.index]:
                by_type.setdefault(match.trigger.type, []).append(match)
            for type, matches in by_type.items():
                if self.is_background(type, matches, by_type):
                    continue
                drafts.append(self.draft(sent, type, matches, by_type, drafts))
        return merge(sorted(drafts, key=lambda d: d.evidence[0].start))

    def find_protagonist(self, found: dict[int, list[Match]]) -> Cluster | None:
        """The person whose activity the report is about: the most mentioned person among the subjects
        of the triggers, else the most mentioned person."""
        subjects: list[Cluster] = []
        for index, matches in found.items():
            sent = self.parsed.sentences[index]
            for match in matches:
                subjects += [c for c in self.subjects(sent, [match])[0] if c.type == "PER"]
        persons = unique(subjects) or [c for c in self.clusters if c.type == "PER"]
        if not persons:
            return None
        return max(persons, key=lambda c: (len(c.candidates) + len(c.anaphors), -c.first))

    def is_background(self, type: str, matches: list[Match], by_type: dict[str, list[Match]]) -> bool:
        """`На прошедших переговорах представители ... выразили заинтересованность`: talks named only as the
        setting of another event, with no participant of their own, are not a new event."""
        if type != "CONSULT" or len(by_type) == 1:
            return False
        tokens = self.parsed.tokens
        nouns_only = all(tokens[m.anchor].pos == "NOUN" and tokens[m.anchor].rel != "root" for m in matches)
        return nouns_only and not any(self.with_participants(m.anchor) for m in matches)

    def draft(
        self, sent: Sentence, type: str, matches: list[Match], by_type: dict[str, list[Match]], before: list[Draft]
    ) -> Draft:
        mode = next((m.trigger.mode for m in matches if m.trigger.mode), None)
        others = {m.anchor for t, ms in by_type.items() if t != type for m in ms}
        actor, sides = self.subjects(sent, matches)
        explicit = bool(actor)
        recipient = self.recipients(sent, type, mode, matches, others, actor)
        if sides:
            if recipient:
                actor = [self.protagonist] if self.protagonist is not None else []
            elif before:
                previous = before[-1]
                actor = previous.actor + [c for c in previous.recipient if c not in previous.actor]
            explicit = bool(actor)
        if not actor and type in COOPERATIVE and self.protagonist is not None:
            actor = [self.protagonist]
        recipient = [c for c in recipient if c not in actor]
        if (
            mode == "visit"
            and any(self.parsed.tokens[m.anchor].lemma.lower() in HOSTING for m in matches)
            and recipient
        ):
            actor, recipient = recipient, actor  # `Обама принимает коллегу Саркози`: the guest visits the host
        modality = self.modality(matches)
        place = self.place(sent, mode, matches, recipient)
        evidence = self.evidence(sent)
        confidence = 0.5 + 0.2 * explicit + 0.1 * bool(recipient) + 0.1 * any(len(m.tokens) > 1 for m in matches)
        confidence = round(min(0.95, confidence - (0.2 if modality == "hypothetical" else 0.0)), 2)
        topics, contexts = self.topics(sent)
        return Draft(
            type, mode, modality, unique(actor), unique(recipient), place,
            self.date(sent, modality), [evidence], topics, contexts, confidence, sent.unit, sent.index, explicit,
        )  # fmt: skip

    def subjects(self, sent: Sentence, matches: list[Match]) -> tuple[list[Cluster], bool]:
        """Entities that are the grammatical subject of the trigger, and whether the subject is
        `стороны` (both sides)."""
        tokens = self.parsed.tokens
        heads = {i for m in matches for i in m.tokens} | {tokens[m.anchor].head for m in matches}
        heads |= {
            tokens[h].head for h in list(heads) if h >= 0 and tokens[h].pos == "VERB" and tokens[h].rel == "xcomp"
        }
        found: list[Cluster] = []
        sides = False
        for token in tokens[sent.first : sent.last]:
            if token.rel != "nsubj" or token.head not in heads or token.case not in {"Nom", None}:
                continue
            for subject in [
                token,
                *(t for t in tokens[sent.first : sent.last] if t.rel == "conj" and t.head == token.index),
            ]:
                if subject.lemma.lower() == "сторона" and subject.feats.get("Number") == "Plur":
                    sides = True
                    continue
                found += self.resolve(subject, sent)
        if not found:
            found = self.genitive_agents(sent, matches)
        return unique(found), sides

    def genitive_agents(self, sent: Sentence, matches: list[Match]) -> list[Cluster]:
        """`телефонный разговор Путина с ...`, `визит министра ... Сейджи Маехары`: the genitive names
        hanging on a noun trigger are its actors."""
        tokens = self.parsed.tokens
        anchors = {m.anchor for m in matches if tokens[m.anchor].pos == "NOUN"}
        found: list[Cluster] = []
        for token in tokens[sent.first : sent.last]:
            if token.head in anchors and token.case == "Gen" and token.rel == "nmod":
                found += self.resolve(token, sent)
        return [c for c in found if is_party(c)]

    def resolve(self, token: Token, sent: Sentence, adjectives: bool = True) -> list[Cluster]:
        """The entities a subject token stands for: its own mention, the names in its phrase
        (`президенты России и Сербии`), or a country adjective (`представители пакистанских кругов`)."""
        if token.index in self.owner:
            return [self.owner[token.index]]
        tokens = self.parsed.tokens
        phrase = [t for t in tokens[sent.first : sent.last] if self.governed_by(t, token.index, 3)]
        named = unique(self.owner[t.index] for t in phrase if t.index in self.owner)
        for kind in ("PER", "ORG", "LOC"):
            if any(c.type == kind for c in named):
                return [c for c in named if c.type == kind]
        for item in phrase if adjectives else []:
            iso3 = gazetteer().adjective_country(item.lemma) if item.pos == "ADJ" else None
            if iso3 is not None:
                found = self.countries.adjective(iso3, item)
                return [found] if found is not None else []
        return []

    def governed_by(self, token: Token, head: int, depth: int) -> bool:
        current = token
        for _ in range(depth):
            if current.head == head:
                return True
            if current.head < 0:
                return False
            current = self.parsed.tokens[current.head]
        return False

    def with_participants(self, anchor: int) -> bool:
        sent = self.parsed.sentence_of(anchor)
        return any(self.after_with(i, sent) for i in range(sent.first, sent.last) if i in self.owner)

    def after_with(self, index: int, sent: Sentence) -> bool:
        """Whether the mention at `index` is in a `с` + instrumental phrase (`с главой компании TCS ...`)."""
        tokens = self.parsed.tokens
        position = index - 1
        while position >= sent.first and (tokens[position].pos in CHAIN_POS or tokens[position].text in QUOTES):
            if tokens[position].text.lower() in WITH:
                return True
            position -= 1
        return position >= sent.first and tokens[position].text.lower() in WITH

    def recipients(
        self, sent: Sentence, type: str, mode: str | None, matches: list[Match], others: set[int], actor: list[Cluster]
    ) -> list[Cluster]:
        tokens = self.parsed.tokens
        first = min(m.anchor for m in matches)
        start = max((o + 1 for o in others if o < first), default=sent.first)
        stop = min((o for o in others if o > first), default=sent.last)
        found: list[Cluster] = []
        chain: list[Cluster] = []
        for index in range(start, stop):
            item = self.owner.get(index)
            if item is None or (index > sent.first and self.owner.get(index - 1) is item):
                continue
            if self.after_with(index, sent) and index not in self.described:
                direct = tokens[index - 1].text.lower() in WITH
                for_head = tokens[index - 1].lemma.lower() in positions() and is_party(item)
                if item.type != "LOC" or direct or for_head:
                    chain.append(item)
            elif chain:
                found += drop_descriptors(chain)
                chain = []
        found += drop_descriptors(chain)
        found += self.objects(sent, matches, actor)
        if type == "CONSULT" and mode != "visit":
            return found
        for index in sorted({i for m in matches for i in self.clause(m.tokens[-1], sent, others)}):
            item = self.owner.get(index)
            if item is None or item in actor or index in self.described or self.owner.get(index - 1) is item:
                continue
            if item.type == "LOC" and not self.is_direction(index, sent):
                continue
            found.append(self.host(item))
        return found

    def host(self, item: Cluster) -> Cluster:
        """A visit to a city is hosted by its country, when the document names the country."""
        if item.place is None or item.place.kind == "country":
            return item
        return self.countries.get(item.place.country) or item

    def is_direction(self, index: int, sent: Sentence) -> bool:
        """`в Казахстан` (accusative), `в город Карачи` or an object: a place the action goes to."""
        tokens = self.parsed.tokens
        before = tokens[index - 1].text.lower() if index > sent.first else ""
        towards = before in PLACE_PREPOSITIONS and tokens[index].case == "Acc"
        return towards or before in PLACE_NOUNS or tokens[index].rel in {"obj", "iobj"}

    def objects(self, sent: Sentence, matches: list[Match], actor: list[Cluster]) -> list[Cluster]:
        """Direct and indirect objects of the trigger wherever they stand (`Николаса Мадуро ...
        поздравил Путин`), with the names in their phrase."""
        tokens = self.parsed.tokens
        anchors = {i for m in matches for i in m.tokens}
        found: list[Cluster] = []
        for token in tokens[sent.first : sent.last]:
            if token.head in anchors and token.rel in {"obj", "iobj", "nsubj:pass"}:
                found += [c for c in self.resolve(token, sent, adjectives=False) if c not in actor and is_party(c)]
        return found

    def clause(self, anchor: int, sent: Sentence, others: set[int]) -> Iterable[int]:
        """Token indexes after `anchor` up to the end of its clause or the next trigger of another type."""
        tokens = self.parsed.tokens
        for index in range(anchor + 1, sent.last):
            token = tokens[index]
            if index in others or token.text in {".", ";", "!", "?"}:
                return
            following = tokens[index + 1] if index + 1 < sent.last else None
            if (
                token.text == ","
                and following is not None
                and (
                    following.lemma.lower() in CLAUSE_WORDS
                    or (following.pos == "VERB" and following.feats.get("VerbForm") in {"Fin", "Conv"})
                )
            ):
                return
            yield index

    def modality(self, matches: list[Match]) -> str:
        """negated (`не` before the trigger or its verb, `отказался` + trigger), hypothetical (`если`
        before it, `бы`, `может`, `возможно`), future (a future tense, `будет`, or an intention word:
        `намерение`, `планирует`, `выразили заинтересованность`), else asserted."""
        tokens = self.parsed.tokens
        anchors = [tokens[m.anchor] for m in matches]
        heads = [tokens[a.head] for a in anchors if a.head >= 0]
        near = [tokens[i] for a in anchors for i in range(max(0, a.index - 4), a.index)]
        before = [t for a in anchors for t in tokens[self.parsed.sentence_of(a.index).first : a.index]]
        negations = {t.index - 1 for t in anchors + heads}
        if any(tokens[i].text.lower() in {"не", "ни"} for i in negations if i >= 0):
            return "negated"
        if any(h.lemma.lower() in REFUSAL_WORDS for h in heads):
            return "negated"
        conditional = any(t.text.lower() in {"если", "ежели"} for t in before)
        if conditional or any(t.text.lower() in HYPOTHETICAL_WORDS or t.lemma.lower() == "мочь" for t in near + heads):
            return "hypothetical"
        if any(m.trigger.future for m in matches) or any(a.feats.get("Tense") == "Fut" for a in anchors + heads):
            return "future"
        markers = [t for t in before + heads if t.lemma.lower() in FUTURE_WORDS]
        auxiliaries = [t for t in near if t.lemma.lower() == "быть" and t.feats.get("Tense") == "Fut"]
        return "future" if markers or auxiliaries else "asserted"

    def place(self, sent: Sentence, mode: str | None, matches: list[Match], recipient: list[Cluster]) -> Cluster | None:
        tokens = self.parsed.tokens
        for index in range(sent.first + 1, sent.last):
            item = self.owner.get(index)
            if item is None or item.type != "LOC" or self.owner.get(index - 1) is item:
                continue
            if index in self.described or index in self.anaphoric:
                continue
            before = tokens[index - 1].text.lower()
            noun_before = tokens[index - 2].text.lower() if index - 2 >= sent.first else ""
            located = before in PLACE_PREPOSITIONS or (before in PLACE_NOUNS and noun_before in PLACE_PREPOSITIONS)
            visit = mode == "visit"
            country = item.place is not None and item.place.kind == "country"
            if located and (tokens[index].case != "Acc" or visit) and (visit or not country):
                if visit and self.destination is None:
                    self.destination = item
                return item
        return self.destination or self.dateline_place()

    def dateline_place(self) -> Cluster | None:
        """The first place entity that is the dateline's place; entities added since the last look (for
        country adjectives) are looked at once."""
        if self.doc.dateline is None:
            return None
        seen, found = self.dateline_scan
        if found is None:
            place, wanted = self.doc.dateline.place, gazetteer().place(self.doc.dateline.place)
            added = self.clusters[seen:]
            found = next((c for c in added if c.type == "LOC" and (c.place == wanted or c.name == place)), None)
            self.dateline_scan = (len(self.clusters), found)
        return found

    def date(self, sent: Sentence, modality: str) -> date | None:
        published = self.doc.published
        reference = self.doc.dateline.date if self.doc.dateline and self.doc.dateline.date else published
        text = self.parsed.visible(sent.start, sent.end)
        stated = find_date(text, reference, future=modality == "future")
        if stated is not None and (published is None or stated <= published or modality == "future"):
            return stated
        return reference

    def evidence(self, sent: Sentence) -> Span:
        return Span(sent.start, sent.end, self.parsed.text[sent.start : sent.end])

    def topics(self, sent: Sentence) -> tuple[list[str], list[str]]:
        words = topic_words()
        prefixes = topic_prefixes()
        topics: list[str] = []
        contexts: list[str] = []
        for token in self.parsed.tokens[sent.first : sent.last]:
            if token.pos not in {"NOUN", "ADJ", "PROPN"} or token.text[:3].lower() not in prefixes:
                continue
            hit = words.get(token.lemma.lower())
            if hit is not None:
                topics.append(hit[0])
                if hit[1]:
                    contexts.append(hit[1])
        return unique(topics), unique(contexts)


@cache
def topic_prefixes() -> frozenset[str]:
    return frozenset(word[:3].lower() for word in topic_words())


def unique(items: Iterable[T]) -> list[T]:
    """Items in order without repeats (entities by identity, strings by value)."""
    return list({id(item) if isinstance(item, Cluster) else item: item for item in items}.values())


def is_party(item: Cluster) -> bool:
    """Persons, organisations and countries take part in events; cities and regions are where they happen."""
    return item.type != "LOC" or (item.place is not None and item.place.kind == "country")


def drop_descriptors(chain: list[Cluster]) -> list[Cluster]:
    """In `с председателем Государственного банка Пакистана Джамилем Ахмадом` the person is the
    participant; the bank and the country before him describe him."""
    persons = [c for c in chain if c.type == "PER"]
    return persons or chain


def merge(drafts: list[Draft]) -> list[Draft]:
    """The same event reported twice (the headline and the body, or two sentences) becomes one event
    with several evidence spans."""
    kept: list[Draft] = []
    filed: dict[tuple[object, ...], list[int]] = {}
    for draft in drafts:
        near = sorted({i for key in twin_keys(draft) for i in filed.get(key, [])})
        twin = next((kept[i] for i in near if same_event(kept[i], draft)), None)
        if twin is None:
            for key in filing_keys(draft):
                filed.setdefault(key, []).append(len(kept))
            kept.append(draft)
            continue
        twin.evidence += draft.evidence
        twin.topics = unique(twin.topics + draft.topics)
        twin.contexts = unique(twin.contexts + draft.contexts)
        twin.confidence = round(min(0.95, max(twin.confidence, draft.confidence) + 0.05), 2)
    return kept


def filing_keys(draft: Draft) -> list[tuple[object, ...]]:
    """Where `merge` files a draft it keeps: by type, modality and date, and a body sentence's draft also
    by its participants; a draft without recipients is never a twin."""
    if not draft.recipient:
        return []
    same = (draft.type, draft.modality, draft.date)
    if draft.unit == "headline":
        return [("any", *same), ("headline", *same)]
    return [("any", *same), ("participants", *same, frozenset(draft.participants))]


def twin_keys(draft: Draft) -> list[tuple[object, ...]]:
    """Where `merge` looks for the twin of a draft (see `same_event`): a headline's among all drafts of
    its type, modality and date; a body sentence's among the headlines' and the drafts of the same
    participants."""
    if not draft.recipient:
        return []
    same = (draft.type, draft.modality, draft.date)
    if draft.unit == "headline":
        return [("any", *same)]
    return [("headline", *same), ("participants", *same, frozenset(draft.participants))]


def same_event(kept: Draft, new: Draft) -> bool:
    if (kept.type, kept.modality) != (new.type, new.modality) or not kept.recipient or not new.recipient:
        return False
    if kept.mode and new.mode and kept.mode != new.mode:
        return False
    if kept.date != new.date or (kept.place is not None and new.place is not None and kept.place is not new.place):
        return False
    if "headline" in {kept.unit, new.unit}:
        return new.participants <= kept.participants or kept.participants <= new.participants
    return kept.participants == new.participants


def finish(
    drafts: list[Draft], codes: dict[str, tuple[str | None, str | None]], ids: Callable[[Cluster], str]
) -> tuple[Event, ...]:
    events = []
    for number, draft in enumerate(drafts, 1):
        ontology = code(draft.type, draft.mode)
        parties = [codes.get(ids(c), (None, None)) for c in draft.actor + draft.recipient]
        contexts = draft.contexts + derived_contexts(draft, parties)
        events.append(
            Event(
                id=f"v{number}",
                type=draft.type,
                mode=draft.mode,
                quad=ontology.quad,
                intensity=ontology.intensity,
                modality=draft.modality,
                contexts=tuple(unique(contexts)),
                topics=tuple(draft.topics),
                actor=tuple(ids(c) for c in draft.actor),
                recipient=tuple(ids(c) for c in draft.recipient),
                place=ids(draft.place) if draft.place is not None else None,
                date=draft.date,
                evidence=tuple(draft.evidence),
                confidence=draft.confidence,
            )
        )
    return tuple(events)


def derived_contexts(draft: Draft, parties: list[tuple[str | None, str | None]]) -> list[str]:
    """Contexts from who takes part: officials of different countries make it diplomatic, businesses
    economic, the military military."""
    countries = {country for country, _ in parties if country}
    sectors = {sector for _, sector in parties if sector}
    if any(c.place is not None and c.place.kind == "country" for c in draft.actor + draft.recipient):
        sectors.add("GOV")  # a country acting as a whole is its government
    place = draft.place.place if draft.place is not None else None
    if place is not None:
        countries.add(place.country)
    contexts = []
    if "GOV" in sectors and len(countries) > 1:
        contexts.append("diplomatic")
    if sectors & ECONOMIC_SECTORS:
        contexts.append("economic")
    if "MIL" in sectors:
        contexts.append("military")
    if "MED" in sectors:
        contexts.append("health")
    return contexts
