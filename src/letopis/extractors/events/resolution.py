"""What a word that stands for a party stands for: its own mention, the names of its phrase, what a pronoun or
an institution noun refers back to, a generic agent (`власти Пакистана`) or a country adjective."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Cluster
from letopis.extractors.events.agents import agent_word, demonym, is_capital, label
from letopis.extractors.events.antecedents import antecedent
from letopis.extractors.events.context import Context
from letopis.extractors.events.phrases import QUANTITIES, agent_country, counted_by, topic_places
from letopis.extractors.events.records import is_party, unique
from letopis.extractors.events.triggers import governed
from letopis.lexicon import event_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.nlp import Sentence, Token

STANCES = event_words()["stance_noun"]
MEMBERS = {"сотрудник", "служащий"}  # who stand for the body they serve (`сотрудники полиции`); closed class


def resolve(ctx: Context, token: Token, sent: Sentence, subject: bool = True, generic: bool = True) -> list[Cluster]:
    """The entities a subject token stands for: its own mention (a capital as the subject or agent speaks
    for its government: `Москва заявила`), the names in its phrase (`президенты России и Сербии`), what a
    pronoun or an institution noun refers back to (`antecedent`), a generic agent (`власти Пакистана`,
    `полиция`), or a country adjective (`представители пакистанских кругов`). A capital in the genitive of
    what a government says or does speaks for the government too (`назвал заявления Вашингтона провокацией`)."""
    tokens = ctx.tokens
    staff = token.lemma.lower() in MEMBERS and token.feats.get("Number") == "Plur"  # not `сотрудник ..., Арпон`
    if (token.lemma.lower() in QUANTITIES or staff) and (many := next(counted_by(tokens, token, sent), None)):
        return resolve(ctx, many, sent, subject, generic)  # `Тысячи жителей Бишкека`, `сотрудники полиции`
    if token.index in ctx.entity_at:
        own = ctx.entity_at[token.index]
        acting = token.rel == "nsubj" or (token.case == "Ins" and token.rel in {"obl", "obl:agent"})
        if (acting or speaks_for(tokens, token)) and own.type == "LOC" and is_capital(own.place):
            return [government(ctx, token, own)]  # `Москва заявила`, `заявления Вашингтона`
        if own.type == "LOC" and own.place is None and (people := demonym(token)) is not None:
            return [ctx.agents.get(token, "CVL", people[1], people[0])]  # `Иорданцы` tagged as a place
        return [own]
    phrase = [t for t in tokens[sent.first : sent.last] if governed(tokens, t.index, token.index)]
    mentioned = ((t, ctx.entity_at[t.index]) for t in phrase if t.index in ctx.entity_at)
    named = unique(government(ctx, t, item) if speaks_for(tokens, t) else item for t, item in mentioned)
    if not subject:  # `обсудили ситуацию на Украине`
        named = [c for c in named if c not in topic_places(ctx, phrase)]
    apposed = {t.index for t in phrase if t.head == token.index and t.rel == "appos"}
    apposed |= {t.index for t in phrase if t.head in apposed and t.rel == "conj"}
    persons = unique(ctx.entity_at[i] for i in apposed if i in ctx.entity_at and ctx.entity_at[i].type == "PER")
    if persons:  # `Адвокат Мирзаева Алексей Гребенской`: the named person, not whom the title is of
        return persons
    for kind in ("PER", "ORG"):
        if any(c.type == kind for c in named):
            return [c for c in named if c.type == kind]
    agent = agent_word(token)
    country, words = agent_country(phrase, named) if agent is not None else (None, [])
    if agent is None and (people := demonym(token)) is not None:
        agent, country = ("CVL", people[1]), people[0]
    if agent is None or not (generic or country):
        agent = None
    if (parties := [c for c in named if is_party(c)]) and agent is None:
        return parties
    referent = antecedent(ctx, token)
    if referent is not None:
        return [referent]
    if agent is not None:
        span = [token, *words]
        ends = (min(span, key=lambda t: t.index), max(span, key=lambda t: t.index))
        called = label(tokens, token, words)
        if called is not None:
            ends = (min(ends[0], called[0], key=lambda t: t.index), ends[1])
        return [ctx.agents.get(token, *agent, country, phrase=ends, called=called[1] if called else None)]
    for word in phrase if subject else []:
        iso3 = gazetteer().adjective_country(word.lemma) if word.pos == "ADJ" else None
        if iso3 is not None:
            found = ctx.countries.adjective(iso3, word)
            return [found] if found is not None else []
    return []


def speaks_for(tokens: Sequence[Token], token: Token) -> bool:
    """Whether a word is the genitive of a noun of what a government says or does (`заявления Вашингтона`)."""
    return token.case == "Gen" and token.rel == "nmod" and token.head >= 0 and tokens[token.head].lemma in STANCES


def government(ctx: Context, token: Token, item: Cluster) -> Cluster:
    """The government a capital speaks for (`Москва заявила`), or the entity itself if it is no capital."""
    if item.type == "LOC" and item.place is not None and is_capital(item.place):
        return ctx.agents.government(token, item.place)
    return item
