"""The patterns that give a named person a position, in the order they are tried (`PATTERNS`): a position
before the name it heads (`Посол Казахстана в Пакистане Ержан Кистафин`), a position apposed after the
name (`Сергей Лавров, министр иностранных дел России`), a plural position before a list of names and a
position predicated of the name (`Маккаррик стал кардиналом`). Each is checked on the dependency parse
or, where the parse is unsure, on case agreement between the position and the name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles.context import APPOSITION_MARKS, Context
from letopis.extractors.roles.coordinated import coordinated
from letopis.extractors.roles.distributed import distributed
from letopis.extractors.roles.places import role_at
from letopis.extractors.roles.predicates import heads, nominal, predicate
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.succession import replaced, succeeded
from letopis.extractors.roles.titles import TITLE_ADJECTIVES, one_of, outer_position, position_of, title_start
from letopis.lexicon import positions
from letopis.model import Span

MAX_GAP = 14
DASHES = {"-", "–", "—"}
CLOSING_QUOTES = {"»", '"', "”"}


def before_name(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`POSITION [where] [в accredited] NAME`, and positions apposed before it with commas
    (`лидер Меджлиса ..., народный депутат Украины Мустафа Джемилев`) or stacked on it in the same
    case after its complement (`командующий войсками Сибирского военного округа генерал-полковник Александр
    Постников`, `командующего силами США в Афганистане генерала Джона Аллена`, `директор компании «Яндекс»
    бизнесмен Аркадий Волож`): NEREL links each to the name."""
    tokens = context.tokens
    roles: list[Role] = []
    end = cand.first
    stacked: Role | None = None
    while True:
        role = nearest_position(context, person, cand, end)
        if role is None or (
            stacked is not None and tokens[role.position_index].case != tokens[stacked.position_index].case
        ):
            return roles
        roles.append(role)
        start = context.parsed.token_range(role.evidence.start, role.evidence.end)[0]
        if start < 2:
            return roles
        before = tokens[start - 1]
        if before.text in {",", "и"}:
            end, stacked = start - 1, None
        elif (before.pos in {"NOUN", "PROPN"} or before.text in CLOSING_QUOTES) and before.sent == tokens[start].sent:
            end, stacked = start, role  # `представитель вооружённых сил полковник X`: a title on a title
        else:
            return roles


def nearest_position(context: Context, person: Cluster, cand: Candidate, end: int) -> Role | None:
    """The position nearest before a name that heads it; a dash may stand between a position that opens
    its clause and the name (`Министр финансов — 72-х летний Таро Асо`); never one in brackets closed
    before the name. A title (class `title` in positions.tsv) that heads the name is taken as the nearest
    (`Эмир Катара шейх Хамад`: the emir is stacked on it); one that does not is passed for a position
    before it."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(cand.first)
    title_index: int | None = None
    dash: int | None = None
    bracketed = False  # `Йоахим Лёв (второй тренер) и Андреас Кёпке`: the title in brackets is Лёв's
    for index in range(end - 1, max(sent.first, end - MAX_GAP) - 1, -1):
        token = tokens[index]
        bracketed = (bracketed or token.text == ")") and token.text != "("
        position_word = position_of(context, token)
        if position_word is not None and bracketed:
            return None
        if position_word is not None and (token.feats.get("Number") != "Plur" or one_of(context, index) is not None):
            if positions()[position_word][1] == "title" and title_index is None:
                if names(context, index, cand, end):
                    return role_at(context, person, index, range(index + 1, end), cand.end, cand)
                title_index = index
                continue
            index = outer_position(context, index, tokens[cand.first].case)
            start = title_start(context, index)
            opens = start == sent.first or tokens[start - 1].text in {",", ";", ":"}
            if dash is not None and not opens:
                return None
            if names(context, index, cand, end) or dash is not None:
                return role_at(context, person, index, range(index + 1, dash or end), cand.end, cand)
            return None
        if token.text in DASHES and dash is None and title_index is None:
            dash = index
            continue
        if not context.may_stand_between(token) and not owner(context, index):
            break
    if title_index is not None and names(context, title_index, cand, end):
        return role_at(context, person, title_index, range(title_index + 1, end), cand.end, cand)
    return None


def names(context: Context, index: int, cand: Candidate, end: int) -> bool:
    """Whether the position at `index` heads the name: by the parse, or by case agreement; never a
    name in the genitive that depends on it (`помощник Хиллари Клинтон`), never a man named by a
    feminine title (`муж актрисы Сергей Сенин`), never the person whose title it is (`Врач Хиллари
    Клинтон Лиза Бардек`). For `один из руководителей` it is `один` that heads the name."""
    if owner(context, cand.first) or inside_title(context, index, cand):
        return False
    one = one_of(context, index)
    if one is not None:
        index = one
    position, name = context.tokens[index], context.tokens[cand.first]
    if name.case == "Gen" and name.rel == "nmod" and position.case not in {"Gen", None}:
        return False
    if position.feats.get("Gender") == "Fem" and name.feats.get("Gender") == "Masc":
        return False
    parsed = name.head in range(index, end) or position.head in range(cand.first, cand.last)
    agree = position.case is not None and position.case == name.case
    return parsed or agree or end == index + 1


def past_adjectives(context: Context, index: int, stop: int) -> int:
    """The first word from `index` that is no adjective or participle of the word after it:
    `Ремека - первого чехословацкого космонавта`, `Хотинова, старший научный сотрудник`."""
    tokens = context.tokens
    while index < stop - 1 and (
        tokens[index].lemma.lower() in TITLE_ADJECTIVES
        or (
            (tokens[index].pos == "ADJ" or tokens[index].feats.get("VerbForm") == "Part")
            and tokens[index].text.islower()
            and tokens[index].head > index
        )
    ):
        index += 1
    return index


def inside_title(context: Context, index: int, cand: Candidate) -> bool:
    """Whether a name hangs on the title at `index` and the title goes on after it (`Помощник Хиллари
    Клинтон по европейским и евразийским делам`): the name is part of the title, not its holder (a title
    coordinated after it does not count: `принцессу Астрид и принца Лорана`)."""
    tokens = context.tokens
    name = tokens[cand.first]
    following = tokens[cand.last] if cand.last < len(tokens) else None
    return (
        name.rel == "nmod"
        and name.head == index
        and following is not None
        and following.sent == name.sent
        and following.pos != "PUNCT"
        and any(
            t.head == index and t.rel not in {"conj", "cc", "punct"}
            for t in tokens[cand.last : context.parsed.sentence_of(cand.first).last]
        )
    )


def owner(context: Context, index: int) -> bool:
    """Whether the token at `index` is in the name of the person a title before it is of, with the holder
    named next (`пресс-секретарь Владимира Путина Дмитрий Песков`, `Врач Хиллари Клинтон Лиза Бардек`):
    by the parse, that name hangs on the title and the next one is apposed to it."""
    found = context.mentions.get(index)
    if found is None or found[1].type != "PER":
        return False
    cand, tokens = found[0], context.tokens
    first = tokens[cand.first]
    if first.rel != "nmod" or not 0 <= first.head < cand.first or position_of(context, tokens[first.head]) is None:
        return False
    holder = tokens[cand.last] if cand.last < len(tokens) else None
    return holder is not None and context.mentions.is_person(holder.index) and holder.head == first.head


def after_name(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`NAME, POSITION [where]` or `NAME - POSITION [where]` with the position apposed to the name, and the
    positions coordinated with it (`Иван Петров, актёр и режиссёр`); `NAME (POSITION [where])`."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(cand.first)
    if cand.last + 1 < sent.last and tokens[cand.last].text == "(":
        return bracketed(context, person, cand)
    if cand.last + 1 >= sent.last or tokens[cand.last].text not in APPOSITION_MARKS:
        return []
    index = past_adjectives(context, cand.last + 1, sent.last)
    holder = index  # the word apposed to the name: the position, or the `один` of `один из руководителей`
    if tokens[index].lemma.lower() == "один" and index + 2 < sent.last and tokens[index + 1].text.lower() == "из":
        index += 2
        while index < sent.last - 1 and tokens[index].pos in {"ADJ", "ADV", "NUM"} and tokens[index].text.islower():
            index += 1
        if one_of(context, index) != holder:
            return []
    elif tokens[index].feats.get("Number") == "Plur":
        return []
    position_word = position_of(context, tokens[index])
    apposed = tokens[holder].head in range(cand.first, cand.last)
    agree = tokens[holder].case is not None and tokens[holder].case == tokens[cand.first].case
    if position_word is None or not (apposed or agree):
        return []
    end = index + 1
    while (
        end < sent.last
        and tokens[end].text not in APPOSITION_MARKS
        and (context.may_stand_between(tokens[end]) or tokens[end].pos == "CCONJ")
    ):
        end += 1
    while end > index + 1 and tokens[end - 1].pos == "ADP":
        end -= 1
    first = role_at(context, person, index, range(index + 1, end), tokens[end - 1].end, cand)
    return [first, *coordinated(context, person, cand, index, sent.last)]


def bracketed(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`Алексей Миллер (глава «Газпрома»)`, `Йоахим Лёв (второй тренер)`: a title that fills the brackets
    right after a name is that person's, whatever the name's case (`Игоря Сечина (глава «Роснефти»)`)."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(cand.first)
    index = past_adjectives(context, cand.last + 1, sent.last)
    if position_of(context, tokens[index]) is None or tokens[index].feats.get("Number") == "Plur":
        return []
    close = index + 1
    while close < sent.last and tokens[close].text not in {"(", ")"} and context.may_stand_between(tokens[close]):
        close += 1
    if close == sent.last or tokens[close].text != ")":
        return []
    return [role_at(context, person, index, range(index + 1, close), tokens[close - 1].end, cand)]


def listed(context: Context, person: Cluster, cand: Candidate) -> list[Role]:
    """`музыканты Юрий Царёв (проект «Метро»), Алексей Борисов и Павел Шевелёв`, `такие музыканты, как
    Валерий Гергиев и Юрий Башмет`: a plural position before a list of names holds for each of them."""
    tokens = context.tokens
    sent = context.parsed.sentence_of(cand.first)
    index = cand.first - 1
    depth = 0
    while index >= sent.first:
        token = tokens[index]
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth -= 1
        elif depth == 0 and not (token.text in {",", "и"} or context.mentions.is_person(index)):
            break
        index -= 1
    first = index + 1  # the first word of the list
    if index > sent.first + 1 and tokens[index].text.lower() == "как" and tokens[index - 1].text == ",":
        index -= 2  # `такие музыканты, как Валерий Гергиев, Юрий Башмет и Денис Мацуев`
    position_word = position_of(context, tokens[index]) if index >= sent.first else None
    if position_word is None or tokens[index].feats.get("Number") != "Plur":
        return []
    name = tokens[cand.first]
    if name.case == "Gen" and name.rel == "nmod" and name.head == index and tokens[index].case not in {"Gen", "Acc"}:
        return []  # `с адвокатами Стросс-Кана`: whose lawyers; undecided in the accusative or genitive
    if first not in context.mentions:
        return []
    span = Span(tokens[index].start, cand.end, context.parsed.text[tokens[index].start : cand.end])
    return [Role(person, position_word, position_word, None, None, span, index, ())]


@dataclass(frozen=True)
class Pattern:
    """A named pattern: the roles it finds for one mention of a person. A position word taken by one
    pattern is not taken again for another person, unless it is `shared` (one plural position word before
    several names)."""

    name: str
    find: Callable[[Context, Cluster, Candidate], list[Role]]
    shared: bool = False


PATTERNS = (
    Pattern("before_name", before_name),  # first: in `X, координатор движения Y`, the position is Y's
    Pattern("after_name", after_name),
    Pattern("listed", listed, shared=True),
    Pattern("distributed", distributed, shared=True),
    Pattern("predicate", predicate),
    Pattern("nominal", nominal),
    Pattern("heads", heads),
    Pattern("succeeded", succeeded, shared=True),  # the post is the predecessor's too (`сменила на посту`)
    Pattern("replaced", replaced, shared=True),  # the post is the successor's too (`вместо Рауля Кастро`)
)


def named_roles(context: Context) -> list[Role]:
    """The roles the patterns find, each pattern tried on every mention of every person before the next."""
    roles: list[Role] = []
    taken: set[int] = set()
    given: set[tuple[int, int]] = set()  # (position word's index, id of the person)
    persons = [(item, cand) for item in context.clusters if item.type == "PER" for cand in item.candidates]
    for pattern in PATTERNS:
        for item, cand in persons:
            for role in pattern.find(context, item, cand):
                key = (role.position_index, id(role.person))
                if key not in given and (pattern.shared or role.position_index not in taken):
                    roles.append(role)
                    taken.add(role.position_index)
                    given.add(key)
    return roles
