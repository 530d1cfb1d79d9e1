"""Who a subject or object that names nobody stands for: a personal pronoun (`Она пообещала`, `его
арестовали`) or a noun of a person (`избил юношу`) is the nearest person of its gender named before it as a
subject, else the nearest one; an institution noun (`Суд постановил`, `Компания признала`) is the nearest
organisation named before it whose name holds that noun (or, for a noun of no kind, `ведомство`, the
organisation named last). The passive agent (`был обвинён трибуналом`) is the actor of a passive trigger."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from letopis.extractors.entities import Cluster
from letopis.extractors.events.context import Context
from letopis.lexicon import PRONOUN_GENDERS, event_words
from letopis.nlp import Sentence, Token

POSSESSIVE_GENDERS = {"его": "Masc", "ее": "Fem"}  # closed class
INSTITUTIONS = event_words()["institution"]
GENERIC_INSTITUTIONS = event_words()["generic_institution"]
PERSON_NOUNS = event_words()["person_noun"]
LOOKBACK = 3  # sentences before the pronoun or noun in which its antecedent is looked for


def antecedent(ctx: Context, token: Token) -> Cluster | None:
    """The entity a pronoun or an institution noun refers back to, if any."""
    lemma = token.lemma.lower()
    if token.pos == "PRON" and lemma in PRONOUN_GENDERS and token.feats.get("Number") != "Plur":
        return person_of_gender(ctx, token.index, PRONOUN_GENDERS[lemma])
    if lemma in PERSON_NOUNS and token.feats.get("Number") == "Sing" and (gender := token.feats.get("Gender")):
        words = ctx.tokens[ctx.parsed.sentence_of(token.index).first : token.index]
        described = any(t.head == token.index and t.rel == "amod" for t in words)  # `неизвестный мужчина`
        return None if described else person_of_gender(ctx, token.index, gender)
    if token.pos != "NOUN" or lemma not in INSTITUTIONS or token.feats.get("Number") == "Plur":
        return None
    if lemma in GENERIC_INSTITUTIONS:  # `Компания «Яндекс» ... Компания признала`, else the last named
        kind = nearest(ctx, token.index, lambda item, at: item.type == "ORG" and introduced_as(ctx, item, lemma))
        return kind or nearest(ctx, token.index, lambda item, at: item.type == "ORG")
    return nearest(ctx, token.index, lambda item, at: item.type == "ORG" and holds(item.name, lemma))


def possessor(ctx: Context, token: Token) -> Cluster | None:
    """The person a possessive determiner stands for (`его иск`, `её заявление`), as its personal pronoun
    would (`его`: a man, `её`: a woman); None for any other word."""
    gender = POSSESSIVE_GENDERS.get(token.text.lower().replace("ё", "е"))
    if token.rel != "det" or gender is None:
        return None
    return person_of_gender(ctx, token.index, gender)


def person_of_gender(ctx: Context, index: int, gender: str) -> Cluster | None:
    """The person of `gender` a pronoun at `index` stands for: the nearest named before it as a subject,
    else the nearest; never the subject of the pronoun's own clause (`Путин принял его отставку`: not Путин,
    who would be `свою`)."""
    own = own_subjects(ctx, index)
    return nearest(ctx, index, lambda item, at: item.type == "PER" and at.feats.get("Gender") == gender
                   and item not in own, subject=True)  # fmt: skip


def own_subjects(ctx: Context, index: int) -> list[Cluster]:
    """The entities that are the subject of the verb nearest above `index`, with their titles' names and
    their conjuncts (`Участковый Денис Иванов и его заместитель Олег Прохоренко`)."""
    tokens = ctx.tokens
    verb = tokens[index].head
    while verb >= 0 and tokens[verb].pos not in {"VERB", "AUX"}:
        verb = tokens[verb].head
    sent = ctx.parsed.sentence_of(index)
    words = tokens[sent.first : sent.last]
    subjects = {t.index for t in words if t.head == verb >= 0 and t.rel == "nsubj" and t.index != index}
    for _ in range(2):  # `Президент Владимир Путин`, `Иванов и Петров`
        subjects |= {t.index for t in words if t.head in subjects and t.rel in {"appos", "conj"}}
    return [ctx.entity_at[i] for i in sorted(subjects) if i in ctx.entity_at]


def introduced_as(ctx: Context, item: Cluster, lemma: str) -> bool:
    """Whether a mention of the entity follows the noun (`компания «Яндекс»`, `организации Amnesty`)."""
    tokens = ctx.tokens
    for mention in item.candidates:
        before = mention.first - 1
        while before >= 0 and tokens[before].pos == "PUNCT" and mention.first - before <= 2:
            before -= 1
        if before >= 0 and tokens[before].lemma.lower() == lemma:
            return True
    return False


def holds(name: str, lemma: str) -> bool:
    """Whether a name has a word of the noun's stem (`Замоскворецкий суд`, `суда`: суд)."""
    stem = lemma[: max(3, len(lemma) - 2)]
    return any(word.startswith(stem) for word in name.lower().split())


def nearest(ctx: Context, index: int, fits: Callable[[Cluster, Token], bool], subject: bool = False) -> Cluster | None:
    """The entity whose mention ends nearest before `index` (within `LOOKBACK` sentences) that `fits`; with
    `subject`, the nearest that was the subject of its clause first (`Стивен Фрай ... встречался с актёром
    Стивеном Веббом. ... Он встречался с Милоновым`: Фрай), else the nearest."""
    sent = ctx.parsed.sentence_of(index)
    first = ctx.parsed.sentences[max(0, sent.index - LOOKBACK)].first
    found: Cluster | None = None
    for position in range(index - 1, first - 1, -1):
        item = ctx.entity_at.get(position)
        if item is None or not fits(item, ctx.tokens[position]):
            continue
        if not subject or is_subject(ctx, item, position):
            return item
        found = found or item
    return found


def is_subject(ctx: Context, item: Cluster, position: int) -> bool:
    """Whether the mention of `item` over `position` is the subject of its clause, active or passive."""
    span = next(((c.first, c.last) for c in item.candidates if c.first <= position < c.last), (position, position + 1))
    return any(ctx.tokens[i].rel in {"nsubj", "nsubj:pass"} for i in range(*span))


def passive_agents(ctx: Context, sent: Sentence, governors: set[int]) -> Iterable[Token]:
    """The instrumental agents of passive triggers, and their conjuncts (`одобрен Госдумой и Советом
    Федерации`)."""
    tokens = ctx.tokens[sent.first : sent.last]
    passive = {i for i in governors if i >= 0 and ctx.tokens[i].feats.get("Voice") == "Pass"}
    prepositions = {t.head for t in tokens if t.rel == "case"}
    for token in tokens:
        agent = token.head in passive and token.rel in {"obl", "obl:agent"} and token.case == "Ins"
        if agent and token.index not in prepositions:
            yield token
            yield from (t for t in tokens if t.rel == "conj" and t.head == token.index)
