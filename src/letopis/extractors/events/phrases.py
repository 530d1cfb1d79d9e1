"""Phrases around a trigger: `с` + instrumental participants, the clause after a trigger, a generic agent's
country, a visited city's host, the descriptors of a person in a list, the verb a trigger's noun is the
object of, an attack noun's own phrase, and nouns of quantity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.extractors.events.triggers import Match, governed
from letopis.lexicon.gazetteer import gazetteer
from letopis.nlp import Sentence, Token

WITH = {"с", "со"}
CLAUSE_WORDS = {"где", "который", "когда", "что", "чтобы", "но", "однако", "куда", "откуда"}
CHAIN_POS = {"NOUN", "ADJ", "PROPN", "X", "NUM", "DET"}
# nouns of quantity, which stand for those they count (`тысячи жителей`); closed class
QUANTITIES = {"тысяча", "сотня", "десяток", "миллион", "множество", "большинство", "группа", "часть", "толпа", "ряд"}
CHARGING = {"ACCUSE", "SANCTION", "COERCE"}  # acts whose phrases say what they are for
ABOUT = {"в", "во", "на", "о", "об", "обо", "по", "вокруг", "относительно"}  # a topic's prepositions; closed class
QUOTES = {'"', "«", "»", "“", "”", "„"}


def agent_country(phrase: list[Token], named: list[Cluster]) -> tuple[str | None, list[Token]]:
    """The country of a generic agent and the words of its phrase that state it: a country named in the
    phrase (`власти Пакистана`), else the country of a city or region it names (`администрация
    Санкт-Петербурга`), or a country adjective (`российские военные`)."""
    places = [c for c in named if c.place is not None and c.place.country]
    for item in sorted(places, key=lambda c: c.place is None or c.place.kind != "country"):
        if item.place is not None:
            words = [t for t in phrase if any(c.first <= t.index < c.last for c in item.candidates)]
            return item.place.country, words
    for word in phrase:
        if word.pos == "ADJ" and (iso3 := gazetteer().adjective_country(word.lemma)):
            return iso3, [word]
    return None, []


def with_participants(ctx: Context, anchor: int) -> bool:
    """Whether the sentence of `anchor` names anyone in a `с` + instrumental phrase."""
    sent = ctx.parsed.sentence_of(anchor)
    return any(after_with(ctx, i, sent) for i in range(sent.first, sent.last) if i in ctx.entity_at)


def after_with(ctx: Context, index: int, sent: Sentence) -> bool:
    """Whether the mention at `index` is in a `с` + instrumental phrase (`с главой компании TCS ...`)."""
    tokens = ctx.tokens
    position = index - 1
    while position >= sent.first and (tokens[position].pos in CHAIN_POS or tokens[position].text in QUOTES):
        if tokens[position].text.lower() in WITH:
            return True
        position -= 1
    return (position >= sent.first and tokens[position].text.lower() in WITH) or apposed_with(ctx, index, sent)


def apposed_with(ctx: Context, index: int, sent: Sentence) -> bool:
    """Whether a name in the instrumental is in apposition, through nouns, to a noun after `с` that a longer
    phrase separates from it (`с автором закона о запрете «пропаганды» Виталием Милоновым`); the parser may
    hang the name on the last noun of the phrase, so five links are followed."""
    tokens = ctx.tokens
    token = tokens[index]
    if token.case != "Ins":
        return False
    for _ in range(5):
        if token.rel not in {"appos", "nmod", "flat:name"} or not sent.first <= token.head < sent.last:
            return False
        token = tokens[token.head]
        marks = {t.text.lower() for t in tokens[sent.first : token.index] if t.head == token.index and t.rel == "case"}
        if token.case == "Ins" and marks & WITH:
            return True
    return False


def clause(ctx: Context, anchor: int, sent: Sentence, others: frozenset[int]) -> Iterable[int]:
    """Token indexes after `anchor` up to the end of its clause or the next trigger of another type."""
    tokens = ctx.tokens
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


def host(ctx: Context, item: Cluster) -> Cluster:
    """A visit to a city is hosted by its country, when the document names the country."""
    if item.place is None or item.place.kind == "country":
        return item
    return ctx.countries.get(item.place.country) or item


def drop_descriptors(chain: list[Cluster]) -> list[Cluster]:
    """In `с председателем Государственного банка Пакистана Джамилем Ахмадом` the person is the
    participant; the bank and the country before him describe him."""
    persons = [c for c in chain if c.type == "PER"]
    return persons or chain


def names_itself(ctx: Context, token: Token, sent: Sentence) -> bool:
    """Whether the word is a name, a pronoun or a noun with a name in apposition (`сержанта Петра
    Сидорова`), not a noun whose phrase only mentions one (`проблем в Косово`)."""
    if token.index in ctx.entity_at or token.pos == "PRON":
        return True
    return any(
        t.head == token.index and t.rel == "appos" and t.index in ctx.entity_at
        for t in ctx.tokens[sent.first : sent.last]
    )


def light_verb(tokens: Sequence[Token], index: int) -> int:
    """The verb a noun of a trigger is the object of (`применила газ`, `ввела санкции`), else the token."""
    token = tokens[index]
    return token.head if token.pos == "NOUN" and token.rel == "obj" and token.head >= 0 else index


def targets(ctx: Context, match: Match) -> Callable[[int], bool]:
    """Whether the word at an index after the trigger may be whom the act befalls: for an attack noun in a
    prepositional phrase, only a word in that noun's own phrase (`до теракта опубликовали селфи в
    Facebook`: Facebook is no target); for other triggers any word but one in a phrase of what a charge or
    punishment is for (`charges`)."""
    tokens = ctx.tokens
    anchor = tokens[match.anchor]
    sent = ctx.parsed.sentence_of(match.anchor)
    depth = sent.last - sent.first
    if match.trigger.type == "ASSAULT" and anchor.pos == "NOUN" and anchor.rel in {"obl", "nmod"}:
        return lambda index: governed(tokens, index, match.anchor, depth)
    if match.trigger.type not in CHARGING:
        return lambda index: True
    phrases = charges(tokens, sent, match)
    return lambda index: not any(governed(tokens, index, c, depth) for c in phrases)


def charges(tokens: Sequence[Token], sent: Sentence, match: Match) -> list[int]:
    """The phrases of what a charge or punishment is for (`обвинил Запад в попытках изолировать Россию`,
    `приговорил к пяти годам за убийство Сидорова`, `задержан по подозрению в ...`): whom they name is
    not whom the act befalls."""
    words = tokens[sent.first : sent.last]
    marks = {t.head: t.text.lower() for t in words if t.rel == "case"}
    phrases = (t for t in words if t.head in match.tokens and t.rel == "obl" and t.index in marks)
    return [t.index for t in phrases if marks[t.index] in {"за", "по"} or (marks[t.index] == "в" and t.case == "Loc")]


def counted(tokens: Sequence[Token], token: Token, sent: Sentence) -> bool:
    """Whether a genitive subject is counted by a numeral (`Трое жителей`, `пять человек`)."""
    return any(t.head == token.index and t.rel in {"nummod:gov", "nummod"} for t in tokens[sent.first : sent.last])


def counted_by(tokens: Sequence[Token], token: Token, sent: Sentence) -> Iterator[Token]:
    """The genitive noun a noun of quantity counts (`тысячи жителей`, `группа депутатов`)."""
    return (t for t in tokens[sent.first : sent.last] if t.head == token.index and t.rel == "nmod" and t.case == "Gen")


def is_destination(item: Cluster) -> bool:
    """A city or region a visit goes to, which stands for its host (`посетил Москву`)."""
    return item.type == "LOC" and item.place is not None and item.place.kind in {"city", "province"}


def topic_places(ctx: Context, phrase: Sequence[Token]) -> list[Cluster]:
    """The places an object's phrase names in a prepositional phrase of topic (`обсудили ситуацию на
    Украине`): what the act is about, not whom it befalls."""
    tokens = ctx.tokens
    marked = {t.head for t in phrase if t.rel == "case" and t.text.lower() in ABOUT}
    topic = [t.index for t in phrase if any(t.index == m or governed(tokens, t.index, m) for m in marked)]
    return [ctx.entity_at[i] for i in topic if i in ctx.entity_at and ctx.entity_at[i].type == "LOC"]
