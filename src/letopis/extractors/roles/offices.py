"""Offices named without their holder (`Премьер-министр Израиля заявил`, `визит российского
президента`, `мэра Москвы`) and the untitled person near them who holds them."""

from __future__ import annotations

from letopis.extractors.entities import Cluster
from letopis.extractors.roles.anaphora import GENERIC_CHIEFS, Holders, phrase, phrase_end, resolve
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import adjective_country, known_country
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import outer_position, position_of, title
from letopis.lexicon import position_scopes, role_words
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import Span
from letopis.nlp import Token

HOLDER_WINDOW = 3  # sentences between an office named without its holder and the holder's name
SHARED_OFFICES = role_words()["shared_office"]
POSTS = role_words()["post"]
SOUGHT = role_words()["sought"]


def offices(context: Context, roles: list[Role], singular: list[tuple[Token, str]]) -> list[Role]:
    """The roles of offices named without their holder among the `singular` position words: an office
    that no titled person of the document may hold is the office of the person without a position named
    most near it (`Беньямин Нетаньяху отказался ...`; see `nearest_holder`), in a sentence that names no one
    (`Медведев встретился с президентом Франции` is about someone else). Offices are the one-holder posts
    of position_scopes.tsv in a place of their kind and a generic chief (`глава`, `председатель` ...) of
    a named place or organisation. Each office's phrase is the evidence of its role."""
    tokens = context.tokens
    titled = {id(r.person) for r in roles}
    untitled = {id(c): c for c in context.clusters if c.type == "PER" and id(c) not in titled}
    taken = {r.position_index for r in roles}
    holders = Holders(roles)
    found: list[Role] = []
    for token, position_word in singular:
        if not untitled:
            break
        end = phrase_end(context, token.index)
        if token.index in taken or end in context.mentions:
            continue
        if not stands_alone(context, position_word, token):
            continue
        office = named_office(context, position_word, token, end)
        if office is None or resolve(context, position_word, token, end, holders) is not None:
            continue
        kind, stated = office
        where = stated if isinstance(stated, Cluster) else known_country(context, stated)
        if may_hold(holders, kind, where):
            continue
        holder = nearest_holder(context, untitled, token)
        if holder is None:
            continue
        if not isinstance(stated, Cluster):
            where = adjective_country(context, range(stated.index, stated.index + 1))
        position, start, _ = title(context, token.index, end)
        first = min([start] + [t.index for t in modifiers(context, token, end)])
        last = tokens[end - 1]
        evidence = Span(tokens[first].start, last.end, context.parsed.text[tokens[first].start : last.end])
        nouns = tuple(t.lemma.lower() for t in tokens[token.index + 1 : end])
        role = Role(holder, position, position_word, where, None, evidence, token.index, nouns)
        found.append(role)
        taken.add(role.position_index)
        holders.add(role)
        del untitled[id(holder)]
    return found


def stands_alone(context: Context, position_word: str, token: Token) -> bool:
    """Whether a role phrase may name an office holder on its own: not the post sought, left or voted
    for (`кандидатурой на пост главы ФСЭГ`, `выборы мэра Смоленска`), not part of another title
    (`советник главы СБУ`, `представитель Президента России`, `российской премьер-лиги`), and in a
    sentence that names no person (`Помпео, который стал госсекретарем США`)."""
    tokens = context.tokens
    governor = tokens[token.head] if token.head >= 0 else None
    if governor is not None and (
        governor.lemma.lower() in POSTS | SOUGHT or position_of(context, governor) is not None
    ):
        return False
    if outer_position(context, token.index) != token.index or not token.lemma.lower().endswith(position_word):
        return False
    sentence = context.parsed.sentence_of(token.index)
    return not any(context.mentions.is_person(i) for i in range(sentence.first, sentence.last))


def may_hold(holders: Holders, kind: str, where: Cluster | None) -> bool:
    """Whether a titled person may be the one an office phrase means: the same position with no place
    (`Президент Саркози` ... `президент Франции`) or the same place, one of the two a generic chief
    (`главы Московской области Бориса Громова` ... `Губернатору Подмосковья`)."""
    place = None if where is None else id(where)
    same_place = ("where", place) if kind in GENERIC_CHIEFS else ("generic-where", place)
    return holders.has(("kind-where", kind, None), ("kind-where", kind, place), same_place)


def nearest_holder(context: Context, untitled: dict[int, Cluster], token: Token) -> Cluster | None:
    """Of the persons named within HOLDER_WINDOW sentences of a role phrase but not in its sentence,
    the one named most often in the whole document (the nearer of two as often named, then the one
    found first), when that person has no position yet (`untitled`, by identity); None when the first
    is titled (`Стросс-Кан` ... `главы МВФ`: the phrase may be about them) or the first two tie."""
    sentence = token.sent
    by_sentence = context.persons_by_sentence
    here = {id(item) for _, item in by_sentence.get(sentence, [])}
    nearest: dict[int, tuple[int, int, int, Cluster]] = {}
    for distance in range(1, HOLDER_WINDOW + 1):
        for order, item in (p for s in (sentence - distance, sentence + distance) for p in by_sentence.get(s, [])):
            if id(item) not in here:
                nearest.setdefault(id(item), (-len(item.candidates), distance, order, item))
    ranked = sorted(nearest.values(), key=lambda r: r[:3])
    if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return None
    return ranked[0][3] if id(ranked[0][3]) in untitled else None


def named_office(context: Context, position_word: str, token: Token, end: int) -> tuple[str, Cluster | Token] | None:
    """(position, where) of a one-holder office named by a role phrase, else None; `where` is the
    named place or organisation, or the country adjective that stands for it."""
    kind, where = phrase(context, position_word, token, end)
    scope = position_scopes().get(kind)
    if kind in SHARED_OFFICES or (scope is None and kind not in GENERIC_CHIEFS):
        return None
    if where is None:
        adjective = next((t for t in modifiers(context, token, end) if gazetteer().adjective_country(t.lemma)), None)
        return (kind, adjective) if adjective is not None and scope in {None, "country"} else None
    fits = where.type == "ORG" or (where.type == "LOC" and scope in {None, getattr(where.place, "kind", None)})
    return (kind, where) if fits else None


def modifiers(context: Context, token: Token, end: int) -> list[Token]:
    """Adjectives of a role phrase: before the position word (`российского президента`) and inside
    (`глава израильского правительства`)."""
    tokens = context.tokens
    before = [t for t in tokens[max(0, token.index - 3) : token.index] if t.pos == "ADJ" and t.head == token.index]
    return before + [t for t in tokens[token.index + 1 : end] if t.pos == "ADJ"]
