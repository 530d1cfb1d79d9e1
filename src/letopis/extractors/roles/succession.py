"""A post passed from one person to another: `Джина Хаспел сменила на посту главы ЦРУ Майка Помпео`,
`Мамуке Бахтадзе, сменившему на посту премьер-министра Георгия Квирикашвили`. The title before the
predecessor's name is read as theirs by the patterns; the successor holds it too, as NEREL links it. And
the predecessor of an appointment (`утвердил Мигеля Диаса-Канеля председателем Госсовета вместо Рауля
Кастро`) held the post."""

from __future__ import annotations

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.places import role_at
from letopis.extractors.roles.predicates import APPOINTING, BECOMING, POSTS, coordinated, predicated_at
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import position_of
from letopis.lexicon import role_words

SUCCEEDING = role_words()["succeeding"]


def succeeded(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """The post the person takes over: a position in the genitive on `посту`/`должности` governed by a verb
    of succeeding whose subject the person is, or that is a participle on the name (or right after it, in
    its case)."""
    tokens = context.tokens
    name = tokens[cand.first]
    sent = context.parsed.sentence_of(cand.first)
    words = tokens[sent.first : sent.last]
    verbs = [tokens[name.head]] if name.rel == "nsubj" and name.head >= 0 else []
    verbs += [t for t in words if t.rel == "acl" and t.head == cand.first]
    if cand.last + 1 < sent.last and tokens[cand.last].text == ",":
        after = tokens[cand.last + 1]  # the parse may hang the participle elsewhere; its case tells whose it is
        if after.feats.get("VerbForm") == "Part" and after.case is not None and after.case == name.case:
            verbs.append(after)
    for verb in (v for v in verbs if v.lemma.lower() in SUCCEEDING):
        posts = {t.index for t in words if t.head == verb.index and t.lemma.lower() in POSTS}
        for token in words:
            if token.head in posts and token.case == "Gen" and position_of(context, token) is not None:
                return [predicated_at(context, person, token, cand)]
    return []


def replaced(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """The post of an appointment the person is named in after `вместо`: the positions in the instrumental
    of the verb of appointment or becoming the name hangs on, or that the successor's name hangs on."""
    tokens = context.tokens
    name = tokens[cand.first]
    sent = context.parsed.sentence_of(cand.first)
    words = tokens[sent.first : sent.last]
    instead = next((t.index for t in words if t.head == name.index and t.lemma.lower() == "вместо"), None)
    if name.head < 0 or instead is None:
        return []
    verb = tokens[name.head]
    if context.mentions.is_person(verb.index) and verb.head >= 0:
        verb = tokens[verb.head]  # `назначен Иван Петров вместо Олега Смирнова`: on the successor's name
    if verb.lemma.lower() not in BECOMING | APPOINTING:
        return []
    for token in words:
        if token.head == verb.index and token.case == "Ins" and position_of(context, token) is not None:
            held = [token, *coordinated(context, words, token)]
            return [role_at(context, person, t.index, range(t.index + 1, instead), cand.end, cand) for t in held]
    return []
