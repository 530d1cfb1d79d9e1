"""A position predicated of a person: `Маккаррик стал кардиналом`, `Главой Рособрнадзора назначен Сергей
Кравцов`, `Эберсман был финансовым директором Genentech`, `Путин согласился занять пост премьер-министра`; and the
head of what a person heads: `Иван Петров возглавит компанию «Роснефть»`."""

from __future__ import annotations

from collections.abc import Sequence

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import APPOSITION_MARKS, Context
from letopis.extractors.roles.places import role_at
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.titles import acting, one_of, position_of
from letopis.lexicon import role_words
from letopis.model import Span
from letopis.nlp import Token

BECOMING = role_words()["becoming"]
APPOINTING = role_words()["appointing"]
POSTS = role_words()["post"]
HOLDING = role_words()["holding"]
HEADING = role_words()["heading"]
APPOINTMENTS = role_words()["appointment"]
WISHING = role_words()["wishing"]
LEAVING = {"с", "со", "от"}  # a post left (`с поста`, `от должности`) was held


def predicate(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`Маккаррик стал кардиналом`, `Главой Рособрнадзора назначен Сергей Кравцов`, `работал премьером
    Мали`: a position in the instrumental after a verb of being or appointment belongs to the verb's
    subject (or, for an active appointment verb or one that relieves of a post, to its object); so does
    a position after `в качестве` (`выступил в качестве министра финансов`) and a post held, taken or left
    (`Путин согласился занять пост премьер-министра РФ`, `Бельянинов, возглавлявший должность главы ФТС`,
    `Иванов, который работал директором завода`; the clause may hang on the title the name is apposed to:
    `Министр финансов — Таро Асо, занимавший пост премьер-министра Японии`), but not one run for
    (`выдвигал свою кандидатуру на пост президента`). Each verb gives at most one position, and those
    coordinated with it (`был начальником Генштаба, главой МВД`)."""
    tokens = context.tokens
    name = tokens[cand.first]
    # `Юрист Дэвид Уэстин ... занял пост`: the title is the subject, and so is the title a title is stacked on
    # (`назначен командующий ... генерал-полковник X`)
    while name.rel == "appos" and 0 <= name.head < name.index:
        name = tokens[name.head]
    sent = context.parsed.sentence_of(cand.first)
    words = tokens[sent.first : sent.last]
    described = {cand.first, name.index}  # `Таро Асо, занимавший пост`: the clause may hang on the title apposed
    clauses = [t for t in words if t.rel == "acl" and t.head in described]
    clauses += [t for t in words if t.rel == "acl:relcl" and t.head in described and relative(words, t)]
    if name.head >= 0 and name.rel in {"nsubj", "nsubj:pass", "obj"}:
        verb = tokens[name.head]
        active = (verb.lemma.lower() in APPOINTING or relieved(words, verb)) and verb.feats.get("Voice") != "Pass"
        if name.rel.startswith("obj" if active else "nsubj"):
            clauses.append(verb)
        if name.rel.startswith("nsubj"):  # `работал в театре и считался одним из актёров`: the subject's too
            clauses += [t for t in words if t.rel == "conj" and t.head == verb.index and unsaid(words, t)]
    top = tokens[name.head] if name.head >= 0 else None
    copula = top is not None and any(t.rel == "cop" and t.head == top.index for t in words)
    if top is not None and copula and name.rel.startswith("nsubj") and predicative(context, top):
        clauses.append(top)  # `Эберсман был финансовым директором Genentech`: the title is the predicate
    found: list[Role] = []
    for verb in clauses:
        lemma = verb.lemma.lower()
        controlled = any(t.head == verb.index and t.rel == "obj" for t in words)  # `попросил Смирнова стать`
        controlled = controlled or lemma in WISHING  # `хочет стать мэром`: not held
        governed = {verb.index} | {
            t.index for t in words if t.rel == "xcomp" and t.head == verb.index and not controlled
        }
        held = {
            t.index
            for t in words
            if t.head in governed
            and t.lemma.lower() in POSTS
            and (tokens[t.head].lemma.lower() in HOLDING or left(words, t))
        }
        for token in words:
            one = one_of(context, token.index)  # `считался одним из актёров`: `один` stands for the position
            if position_of(context, token) is None or (token.feats.get("Number") == "Plur" and one is None):
                continue
            stated = tokens[token.index if one is None else one]
            becoming = tokens[stated.head].lemma.lower() in BECOMING | APPOINTING  # `может стать главой`: an xcomp
            instrumental = stated.head in governed and stated.case == "Ins" and becoming
            instrumental = instrumental or (token.head == verb.index and in_capacity(context, words, token))
            participle = acting(context, token.index)
            if participle is not None:  # `исполняющим обязанности губернатора назначен`, `был исполняющим ...`
                appointed = tokens[participle].head == verb.index and lemma in BECOMING | APPOINTING
                instrumental = tokens[participle].case == "Ins" and (appointed or participle == verb.index)
            if token.index != verb.index and not instrumental and not (token.head in held and token.case == "Gen"):
                continue
            found += [predicated_at(context, person, t, cand) for t in [token, *coordinated(context, words, token)]]
            break
    return found


def coordinated(context: Context, words: Sequence[Token], token: Token) -> list[Token]:
    """The singular position words coordinated with a predicated one in its case (`был начальником
    Генштаба, главой МВД, министром иностранных дел`)."""
    return [t for t in words if t.rel == "conj" and t.head == token.index and t.case == token.case
            and t.feats.get("Number") != "Plur" and position_of(context, t) is not None]  # fmt: skip


def predicated_at(context: Context, person: Cluster, token: Token, cand: Candidate) -> Role:
    """The role of a predicated position word, its title read up to a mark that ends an apposition."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(token.index)
    end = token.index + 1
    while end < sent.last and tokens[end].text not in APPOSITION_MARKS and context.may_stand_between(tokens[end]):
        end += 1
    if end == cand.first:
        end = token.index + 1
    last = max(cand.end, tokens[end - 1].end)
    return role_at(context, person, token.index, range(token.index + 1, end), last, cand)


def in_capacity(context: Context, words: Sequence[Token], token: Token) -> bool:
    """Whether the compound preposition `в качестве` governs the token (`работает в качестве главного
    тренера`) in its verb's clause: no comma between them (`перевёл штаб в Афины и в его команду, в качестве
    первого заместителя, входит Макрополус`: the parse may hang it on the wrong verb), and no person as the
    verb's object (`пригласил Смирнова в качестве юриста`: Смирнов's)."""
    marks = [t.index for t in words if t.head == token.index and t.rel == "case" and t.lemma.lower() == "в"]
    if not any(t.head in marks and t.rel == "fixed" and t.lemma.lower() == "качество" for t in words):
        return False
    tokens = context.tokens
    between = tokens[min(token.index, token.head) + 1 : max(token.index, token.head)]
    objects = (t.index for t in words if t.head == token.head and t.rel == "obj")
    return all(t.text != "," for t in between) and not any(context.mentions.is_person(i) for i in objects)


def relieved(words: Sequence[Token], verb: Token) -> bool:
    """Whether the verb's object leaves the post it governs (`освободил Ивана Петрова от должности`, `снять
    Зюганова с поста`), not its subject (`ушёл с поста`: no object)."""
    posts = [t.index for t in words if t.head == verb.index and t.lemma.lower() in POSTS]
    left = any(t.head in posts and t.rel == "case" and t.lemma.lower() in {"с", "со", "от"} for t in words)
    return left and any(t.head == verb.index and t.rel == "obj" for t in words)


def left(words: Sequence[Token], post: Token) -> bool:
    """Whether a post is one left (`подал в отставку с поста`, `отправлен в отставку с должности`)."""
    return any(t.head == post.index and t.rel == "case" and t.lemma.lower() in LEAVING for t in words)


def nominal(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`о назначении Тома Петрова советником`, `о снятии Зюганова с поста лидера КПРФ`, `назначение Гутерреша
    на пост генсека ООН`: a person in the genitive of a noun of appointment or leaving (`appointment` in
    role_words.tsv) holds the position in the instrumental that hangs on the noun, or the one of the post
    it governs, and those coordinated with it."""
    tokens = context.tokens
    name = tokens[cand.first]
    if name.rel != "nmod" or name.case != "Gen" or name.head < 0 or tokens[name.head].lemma.lower() not in APPOINTMENTS:
        return []
    sent = context.parsed.sentence_of(cand.first)
    words = tokens[sent.first : sent.last]
    posts = {t.index for t in words if t.head == name.head and t.lemma.lower() in POSTS}
    for token in words:
        if position_of(context, token) is None or token.feats.get("Number") == "Plur":
            continue
        if (token.head == name.head and token.case == "Ins") or (token.head in posts and token.case == "Gen"):
            return [predicated_at(context, person, t, cand) for t in [token, *coordinated(context, words, token)]]
    return []


def unsaid(words: Sequence[Token], verb: Token) -> bool:
    """Whether a verb has no subject of its own (it shares the one of the verb it is coordinated with)."""
    return verb.pos in {"VERB", "AUX"} and not any(t.head == verb.index and t.rel.startswith("nsubj") for t in words)


def relative(words: Sequence[Token], verb: Token) -> bool:
    """Whether `который` is the subject of a relative clause's verb (`Иванов, который работал директором`)."""
    return any(t.head == verb.index and t.rel.startswith("nsubj") and t.lemma.lower() == "который" for t in words)


def predicative(context: Context, token: Token) -> bool:
    """A copula's predicate that can name a position: a position (`был директором`) or the participle
    of `исполняющий обязанности` (`был исполняющим обязанности главы`)."""
    return position_of(context, token) is not None or token.lemma.lower() == "исполнять"


def heads(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`Иван Петров возглавит компанию «Роснефть»`, `руководит фондом`: the subject of a heading verb is the
    head (`глава`) of the organisation it governs, named by its accusative or instrumental object or in
    the object's phrase."""
    tokens = context.tokens
    name = tokens[cand.first]
    if name.rel != "nsubj" or name.head < 0 or tokens[name.head].lemma.lower() not in HEADING:
        return []
    verb = tokens[name.head]
    sent = context.parsed.sentence_of(cand.first)
    words = tokens[sent.first : sent.last]
    for token in words:
        misread = token.rel == "nsubj" and token.case == "Acc"  # the parser's second subject in the accusative
        if token.head != verb.index or not (token.rel in {"obj", "obl"} or misread) or token.case not in {"Acc", "Ins"}:
            continue
        named = [token.index] + [t.index for t in words if t.head == token.index and t.index > token.index]
        found = next((context.mentions.get(i) for i in named if context.mentions.is_thing(i)), None)
        if found is None or found[1].type != "ORG":
            continue
        first, last = min(cand.start, verb.start), max(cand.end, found[0].end)
        evidence = Span(first, last, context.parsed.text[first:last])
        return [Role(person, "глава", "глава", found[1], None, evidence, verb.index, ())]
    return []
