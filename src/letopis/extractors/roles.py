"""Occupations (person -> position -> where -> accredited_to), role phrases that refer back to a
person already named (`Посол`, `Глава Карачи`, `Глава казахстанской дипмиссии`) and offices named
without their holder (`Премьер-министр Израиля заявил`).

Two patterns, checked on the dependency parse or, where the parse is unsure, on case agreement between
the position noun and the name: a position before the name it heads (`Посол Казахстана в Пакистане
Ержан Кистафин`, `председателем Государственного банка Пакистана Джамилем Ахмадом`) and a name with an
apposed position after it (`Сергей Лавров, министр иностранных дел России`). What lies between the
position and the name gives `where` (genitive) and, for envoys, `accredited_to` (`в` + place).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from letopis.extractors.entities import Candidate, Cluster, Countries, org_sector_word
from letopis.lexicon import (
    org_phrases,
    org_words,
    position_domains,
    position_scopes,
    positions,
    role_aliases,
    role_words,
)
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import fold
from letopis.model import Mention, Span
from letopis.nlp import Parsed, Token

ROLE_WORDS = role_words()
MAX_GAP = 14
GAP_POS = {"ADJ", "NOUN", "PROPN", "X", "ADP", "NUM", "CCONJ", "DET", "ADV"}
QUOTE_MARKS = {'"', "«", "»", "“", "”", "„", "(", ")"}
GENERIC_HEADS = ROLE_WORDS["generic_head"]
SOUGHT = ROLE_WORDS["sought"]
# (sector, class) of positions to which a country adjective tells nationality, not the workplace
# (`голландский предприниматель`, `российский бизнесмен`)
NATIONALITY_ONLY = {("BUS", "title"), ("BUS", "owner")}
PLACE_DESCRIPTORS = ROLE_WORDS["place_descriptor"]
HOLDER_WINDOW = 3  # sentences between an office named without its holder and the holder's name
SHARED_OFFICES = ROLE_WORDS["shared_office"]
ENVOY_PLACE_PREPOSITIONS = {"в", "во", "при"}
BECOMING = ROLE_WORDS["becoming"]
APPOINTING = ROLE_WORDS["appointing"]
POSTS = ROLE_WORDS["post"]
HOLDING = ROLE_WORDS["holding"]
APPOSITION_MARKS = {",", "-", "–", "—"}
DASHES = {"-", "–", "—"}
PRAISE = ROLE_WORDS["praise"]
TITLE_ADJECTIVES = ROLE_WORDS["title_adjective"]


@dataclass(slots=True)
class Role:
    person: Cluster
    position: str
    head: str
    where: Cluster | None
    accredited_to: Cluster | None
    evidence: Span
    token: int
    nouns: tuple[str, ...]
    where_from: str = "text"

    @property
    def kind(self) -> str:
        """The position this role stands for, for matching role phrases: `премьер` and `глава
        правительства` -> `премьер-министр`."""
        return canonical(self.head, list(self.nouns))


def canonical(head: str, nouns: list[str]) -> str:
    aliases = role_aliases()
    found = next((aliases[(head, n)] for n in nouns if (head, n) in aliases), None)
    return found or aliases.get((head, "-"), head)


class Holders:
    """Who holds what so far: for each question `resolve` and `may_hold` ask of the roles (a position,
    a position in a place, a place, a country), the persons of the roles that answer it, at most two
    (enough to tell one from several). Places are keyed by identity, no place by None."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self.persons: dict[tuple[object, ...], list[Cluster]] = {}
        self.countries: dict[int, str | None] = {}  # id of a place or organisation -> its country
        for role in roles:
            self.add(role)

    def add(self, role: Role) -> None:
        kind, where = role.kind, None if role.where is None else id(role.where)
        keys: list[tuple[object, ...]] = [("kind", kind), ("kind-where", kind, where), ("where", where)]
        if kind in GENERIC_HEADS:
            keys.append(("generic-where", where))
        if where is not None:
            if where not in self.countries:
                self.countries[where] = place_country(role)
            country = self.countries[where]
            keys += [("placed",), ("country", country), ("kind-country", kind, country)]
        for key in keys:
            found = self.persons.setdefault(key, [])
            if len(found) < 2 and all(p is not role.person for p in found):
                found.append(role.person)

    def has(self, *keys: tuple[object, ...]) -> bool:
        return any(self.persons.get(k) for k in keys)

    def one(self, *keys: tuple[object, ...]) -> Cluster | None:
        """The one person who answers any of `keys`, or None when none or several do."""
        persons = list({id(p): p for k in keys for p in self.persons.get(k, [])}.values())
        return persons[0] if len(persons) == 1 else None


class RoleFinder:
    def __init__(self, parsed: Parsed, clusters: list[Cluster]) -> None:
        self.parsed = parsed
        self.clusters = clusters
        self.owner: dict[int, tuple[Candidate, Cluster]] = {}
        for item in clusters:
            for cand in item.candidates:
                for index in range(cand.first, cand.last):
                    self.owner[index] = (cand, item)
        self.gazetteer = gazetteer()
        self.countries = Countries(clusters)
        self.singular: list[tuple[Token, str]] | None = None
        self.by_sentence: dict[int, list[tuple[int, Cluster]]] | None = None
        self.by_descriptor: dict[str, tuple[list[int], list[tuple[int, int, Cluster]]]] | None = None

    def position_of(self, token: Token) -> str | None:
        """The position a token names: its lemma, or for a compound (`врач-реаниматолог`,
        `хип-хоп-исполнитель`) the part that is a position, inflected like the whole."""
        if token.index in self.owner:
            return None
        text = fold(token.text)
        parts = text.split("-") if "-" in text else []
        if text[:3] not in position_prefixes() and not any(p[:3] in position_prefixes() for p in parts):
            return None
        lemma = token.lemma.lower()
        for word in (lemma, text, *lemma.split("-")[:1], *lemma.split("-")[-1:]):
            if word in positions():
                return word
        return None

    def find(self) -> list[Role]:
        """Positions before a name first: in `X, координатор движения Y`, the position is Y's."""
        roles: list[Role] = []
        taken: set[int] = set()
        held: set[tuple[int, int]] = set()  # (position token, id of the person)
        persons = [(item, cand) for item in self.clusters if item.type == "PER" for cand in item.candidates]
        for pattern in (self.before_name, self.after_name, self.listed, self.predicate):
            for item, cand in persons:
                for role in pattern(item, cand):
                    shared = pattern == self.listed  # one plural position, several names
                    if (role.token, id(role.person)) not in held and (shared or role.token not in taken):
                        roles.append(role)
                        taken.add(role.token)
                        held.add((role.token, id(role.person)))
        return roles

    def predicate(self, person: Cluster, cand: Candidate) -> list[Role]:
        """`Маккаррик стал кардиналом`, `Главой Рособрнадзора назначен Сергей Кравцов`, `работал премьером
        Мали`: a position in the instrumental after a verb of being or appointment belongs to the verb's
        subject (or, for an active appointment verb, to its object); so does a post held, taken or left
        (`Путин согласился занять пост премьер-министра РФ`, `Бельянинов, возглавлявший должность главы
        ФТС`), but not one run for (`выдвигал свою кандидатуру на пост президента`)."""
        tokens = self.parsed.tokens
        name = tokens[cand.first]
        if name.rel == "appos" and name.head >= 0:  # `Юрист Дэвид Уэстин ... занял пост`: the title is the subject
            name = tokens[name.head]
        sent = self.parsed.sentence_of(cand.first)
        clauses = [t for t in tokens[sent.first : sent.last] if t.rel == "acl" and t.head == cand.first]
        if name.head >= 0 and name.rel in {"nsubj", "nsubj:pass", "obj"}:
            verb = tokens[name.head]
            active = verb.lemma.lower() in APPOINTING and verb.feats.get("Voice") != "Pass"
            if name.rel.startswith("obj" if active else "nsubj"):
                clauses.append(verb)
        top = tokens[name.head] if name.head >= 0 else None
        copula = top is not None and any(t.rel == "cop" and t.head == top.index for t in tokens[sent.first : sent.last])
        if top is not None and copula and name.rel.startswith("nsubj") and self.predicative(top):
            clauses.append(top)  # `Эберсман был финансовым директором Genentech`: the title is the predicate
        for verb in clauses:
            lemma = verb.lemma.lower()
            governed = {verb.index} | {
                t.index for t in tokens[sent.first : sent.last] if t.rel == "xcomp" and t.head == verb.index
            }
            held = {
                t.index
                for t in tokens[sent.first : sent.last]
                if t.lemma.lower() in POSTS and t.head in governed and tokens[t.head].lemma.lower() in HOLDING
            }
            for token in tokens[sent.first : sent.last]:
                if self.position_of(token) is None or token.feats.get("Number") == "Plur":
                    continue
                instrumental = token.head == verb.index and token.case == "Ins" and lemma in BECOMING | APPOINTING
                acting = self.acting(token.index)
                if acting is not None:  # `исполняющим обязанности губернатора назначен`, `был исполняющим ...`
                    participle = tokens[acting]
                    appointed = participle.head == verb.index and lemma in BECOMING | APPOINTING
                    instrumental = participle.case == "Ins" and (appointed or acting == verb.index)
                if token.index != verb.index and not instrumental and not (token.head in held and token.case == "Gen"):
                    continue
                end = token.index + 1
                while (
                    end < sent.last and tokens[end].text not in APPOSITION_MARKS and self.may_stand_between(tokens[end])
                ):
                    end += 1
                if end == cand.first:
                    end = token.index + 1
                last = max(cand.end, tokens[end - 1].end)
                return [self.role(person, token.index, range(token.index + 1, end), last, cand)]
        return []

    def predicative(self, token: Token) -> bool:
        """A copula's predicate that can name a position: a position (`был директором`) or the participle
        of `исполняющий обязанности` (`был исполняющим обязанности главы`)."""
        return self.position_of(token) is not None or token.lemma.lower() == "исполнять"

    def listed(self, person: Cluster, cand: Candidate) -> list[Role]:
        """`музыканты Юрий Царёв (проект «Метро»), Алексей Борисов и Павел Шевелёв`: a plural position
        before a list of names holds for each of them."""
        tokens = self.parsed.tokens
        sent = self.parsed.sentence_of(cand.first)
        index = cand.first - 1
        depth = 0
        while index >= sent.first:
            token = tokens[index]
            if token.text == ")":
                depth += 1
            elif token.text == "(":
                depth -= 1
            elif depth == 0 and not (token.text in {",", "и"} or (self.owner.get(index, (None, None))[1] is not None
                                     and self.owner[index][1].type == "PER")):  # fmt: skip
                break
            index -= 1
        head = self.position_of(tokens[index]) if index >= sent.first else None
        if head is None or tokens[index].feats.get("Number") != "Plur":
            return []
        name = tokens[cand.first]
        if (
            name.case == "Gen"
            and name.rel == "nmod"
            and name.head == index
            and tokens[index].case not in {"Gen", "Acc"}
        ):
            return []  # `с адвокатами Стросс-Кана`: whose lawyers; undecided in the accusative or genitive
        if self.owner.get(index + 1, (None, None))[1] is None:
            return []
        span = Span(tokens[index].start, cand.end, self.parsed.text[tokens[index].start : cand.end])
        return [Role(person, head, head, None, None, span, index, ())]

    def before_name(self, person: Cluster, cand: Candidate) -> list[Role]:
        """`POSITION [where] [в accredited] NAME`, and positions apposed before it with commas
        (`лидер Меджлиса ..., народный депутат Украины Мустафа Джемилев`) or stacked on it in the same
        case (`командующий войсками Сибирского военного округа генерал-полковник Александр Постников`)."""
        roles: list[Role] = []
        end = cand.first
        stacked: Role | None = None
        while True:
            role = self.nearest_position(person, cand, end)
            tokens = self.parsed.tokens
            if role is None or (stacked is not None and tokens[role.token].case != tokens[stacked.token].case):
                return roles
            roles.append(role)
            start = self.parsed.token_range(role.evidence.start, role.evidence.end)[0]
            if start < 2:
                return roles
            before = tokens[start - 1]
            if before.text in {",", "и"}:
                end, stacked = start - 1, None
            elif before.pos in {"NOUN", "PROPN"} and before.case == "Gen" and before.sent == tokens[start].sent:
                end, stacked = start, role  # `представитель вооружённых сил полковник X`: a title on a title
            else:
                return roles

    def nearest_position(self, person: Cluster, cand: Candidate, end: int) -> Role | None:
        """The position nearest before a name that heads it; a dash may stand between a position that opens
        its clause and the name (`Министр финансов — 72-х летний Таро Асо`)."""
        tokens = self.parsed.tokens
        sent = self.parsed.sentence_of(cand.first)
        title: int | None = None
        dash: int | None = None
        for index in range(end - 1, max(sent.first, end - MAX_GAP) - 1, -1):
            token = tokens[index]
            head = self.position_of(token)
            if head is not None and token.feats.get("Number") != "Plur":
                if positions()[head][1] == "title" and title is None:
                    title = index
                    continue
                index = self.outer_position(index)
                start = self.title_start(index)
                opens = start == sent.first or tokens[start - 1].text in {",", ";", ":"}
                if dash is not None and not opens:
                    return None
                if self.names(index, cand, end) or dash is not None:
                    return self.role(person, index, range(index + 1, dash or end), cand.end, cand)
                return None
            if token.text in DASHES and dash is None and title is None:
                dash = index
                continue
            if not self.may_stand_between(token):
                break
        if title is not None and self.names(title, cand, end):
            return self.role(person, title, range(title + 1, end), cand.end, cand)
        return None

    def names(self, index: int, cand: Candidate, end: int) -> bool:
        """Whether the position at `index` heads the name: by the parse, or by case agreement; never a
        name in the genitive that depends on it (`помощник Хиллари Клинтон`), never a man named by a
        feminine title (`муж актрисы Сергей Сенин`)."""
        tokens = self.parsed.tokens
        position, name = tokens[index], tokens[cand.first]
        if name.case == "Gen" and name.rel == "nmod" and position.case not in {"Gen", None}:
            return False
        if position.feats.get("Gender") == "Fem" and name.feats.get("Gender") == "Masc":
            return False
        parsed = name.head in range(index, end) or position.head in range(cand.first, cand.last)
        agree = position.case is not None and position.case == name.case
        return parsed or agree or end == index + 1

    def outer_position(self, index: int) -> int:
        """`заместителем министра` -> the deputy, not the minister: a position in the genitive after
        another position belongs to it."""
        tokens = self.parsed.tokens
        while (
            index > 0
            and tokens[index].case == "Gen"
            and tokens[index - 1].sent == tokens[index].sent
            and self.position_of(tokens[index - 1]) is not None
        ):
            index -= 1
        return index

    def after_name(self, person: Cluster, cand: Candidate) -> list[Role]:
        """`NAME, POSITION [where]` or `NAME - POSITION [where]` with the position apposed to the name."""
        tokens = self.parsed.tokens
        sent = self.parsed.sentence_of(cand.first)
        if cand.last + 1 >= sent.last or tokens[cand.last].text not in APPOSITION_MARKS:
            return []
        index = cand.last + 1
        while index < sent.last - 1 and (
            tokens[index].lemma.lower() in TITLE_ADJECTIVES
            or (
                (tokens[index].pos == "ADJ" or tokens[index].feats.get("VerbForm") == "Part")
                and tokens[index].text.islower()
                and tokens[index].head > index
            )
        ):  # `Ремека - первого чехословацкого космонавта`, `Хотинова, старший научный сотрудник`
            index += 1
        head = self.position_of(tokens[index])
        if tokens[index].feats.get("Number") == "Plur":
            return []
        apposed = tokens[index].head in range(cand.first, cand.last)
        agree = tokens[index].case is not None and tokens[index].case == tokens[cand.first].case
        if head is None or not (apposed or agree):
            return []
        end = index + 1
        while (
            end < sent.last
            and tokens[end].text not in APPOSITION_MARKS
            and (self.may_stand_between(tokens[end]) or tokens[end].pos == "CCONJ")
        ):
            end += 1
        while end > index + 1 and tokens[end - 1].pos == "ADP":
            end -= 1
        return [self.role(person, index, range(index + 1, end), tokens[end - 1].end, cand)]

    def may_stand_between(self, token: Token) -> bool:
        if token.index in self.owner:
            return self.owner[token.index][1].type != "PER"
        return token.pos in GAP_POS or token.text in QUOTE_MARKS

    def title_start(self, index: int) -> int:
        """First word of a title: `генеральный директор`, `народный депутат`, `чрезвычайный и полномочный посол`."""
        tokens = self.parsed.tokens
        acting = self.acting(index)
        start = index if acting is None else acting
        while (
            start > 0 and tokens[start - 1].sent == tokens[index].sent and self.is_title_word(tokens[start - 1], index)
        ):
            start -= 1
        while start < index and tokens[start].text.lower() == "и":
            start += 1
        return start

    def acting(self, index: int) -> int | None:
        """The participle of `исполняющий обязанности` a position in the genitive hangs on
        (`исполняющим обязанности главы`), if there is one."""
        tokens = self.parsed.tokens
        token = tokens[index]
        duty = tokens[token.head] if token.head >= 0 else None
        if (
            token.case != "Gen"
            or duty is None
            or duty.lemma.lower() != "обязанность"
            or not 0 <= duty.head < duty.index
        ):
            return None
        return duty.head if tokens[duty.head].lemma.lower() == "исполнять" else None

    def is_title_word(self, token: Token, position: int) -> bool:
        if token.lemma.lower() in TITLE_ADJECTIVES:
            return True
        return (
            token.pos == "ADJ"
            and token.lemma.lower() not in PRAISE  # `признана лучшей актрисой`: praise is no part of a title
            and token.head == position
            and token.text.isalpha()
            and token.text.islower()
            and token.index not in self.owner
            and self.gazetteer.adjective_country(token.lemma) is None
            and org_sector_word((token,)) is None
        )

    def title(self, index: int, stop: int) -> tuple[str, int, int]:
        """The title a position word opens (`генеральный директор`, `министр иностранных дел`), the index
        of its first word and the index after its last."""
        tokens = self.parsed.tokens
        start, acting = self.title_start(index), self.acting(index)
        if acting is None:
            words = [t.lemma.lower() for t in tokens[start:index]]
            words.append(self.position_of(tokens[index]) or tokens[index].lemma.lower())
        else:  # `временно исполняющий обязанности губернатора`: what follows the participle stays as written
            words = [t.lemma.lower() for t in tokens[start:acting]] + ["исполняющий"]
            words += [t.text.lower() for t in tokens[acting + 1 : index + 1]]
        complement = index + 1
        while complement < stop and self.is_complement(complement, stop):
            words.append(tokens[complement].text.lower())
            complement += 1
        return " ".join(words), start, complement

    def role(self, person: Cluster, index: int, gap: range, end: int, cand: Candidate) -> Role:
        tokens = self.parsed.tokens
        head = self.position_of(tokens[index]) or tokens[index].lemma.lower()
        position, start, complement = self.title(index, gap.stop)
        where, accredited = self.where(range(complement, gap.stop), index)
        if where is None:
            where = self.described(range(complement, gap.stop))
        if where is None and positions().get(head, (None, "")) not in NATIONALITY_ONLY:
            before = start
            while before > 0 and tokens[before - 1].pos == "ADJ" and tokens[before - 1].head == index:
                before -= 1
            where = self.adjective_country(range(before, gap.stop))
        begin = min(tokens[start].start, cand.start)
        evidence = Span(begin, end, self.parsed.text[begin:end])
        nouns = tuple(t.lemma.lower() for t in tokens[index + 1 : gap.stop])
        return Role(person, position, head, where, accredited if is_envoy(head) else None, evidence, index, nouns)

    def is_complement(self, index: int, stop: int) -> bool:
        """Lower-case genitive words that belong to the title: `министр иностранных дел`,
        `заместитель министра`, `председатель правления`."""
        token = self.parsed.tokens[index]
        if index in self.owner or token.case != "Gen" or not token.text.islower():
            return False
        if token.pos == "NOUN":
            return token.lemma.lower() in position_domains() or self.position_of(token) is not None
        following = self.parsed.tokens[index + 1] if index + 1 < stop else None
        return (
            token.pos == "ADJ"
            and following is not None
            and self.is_complement(index + 1, stop)
            and (org_sector_word((token,)) is None and self.gazetteer.adjective_country(token.lemma) is None)
        )

    def where(self, gap: range, position: int) -> tuple[Cluster | None, Cluster | None]:
        tokens = self.parsed.tokens
        where: Cluster | None = None
        accredited: Cluster | None = None
        seen: set[int] = set()
        for index in gap:
            if index not in self.owner:
                continue
            cand, item = self.owner[index]
            if id(cand) in seen or item.type == "PER":
                continue
            seen.add(id(cand))
            before = tokens[cand.first - 1] if cand.first > position + 1 else None
            if before is not None and before.text.lower() in ENVOY_PLACE_PREPOSITIONS:
                accredited = accredited or item
            elif before is None or before.pos != "ADP" or before.text in QUOTE_MARKS:
                where = where or item
        return where, accredited

    def described(self, span: range) -> Cluster | None:
        """The named organisation or place a position's genitive descriptor refers back to (`главу партии`
        after `партии «Яблоко»`, `шеф концерна` after `концерн «Фольксваген»`, `министр экономики области`
        after `Калининградской области`): of the entities the text named earlier with that word before
        the name or as its head noun, the one named last; None when there is none."""
        tokens = self.parsed.tokens
        if not span or span.start in self.owner:
            return None
        word = tokens[span.start]
        if word.pos != "NOUN" or word.case != "Gen" or not word.text.islower():
            return None
        lemma = word.lemma.lower()
        if lemma not in descriptors():
            return None
        ends, latest = self.descriptor_index().get(lemma, ([], []))
        found = bisect_right(ends, word.index)
        return latest[found - 1][2] if found else None

    def descriptor_index(self) -> dict[str, tuple[list[int], list[tuple[int, int, Cluster]]]]:
        """For `described`: descriptor lemma -> the ends of the mentions it describes, in increasing
        order, and for each end the mention named last (greatest first token, the earlier found of equals)
        among those ending there or before. A mention is described by its head noun (`Калининградская
        область`) and, an organisation's, by the word before it (`партии «Яблоко»`, not `парламента
        Греции`). Built once: entities added later are country adjectives, which no noun describes."""
        if self.by_descriptor is None:
            tokens = self.parsed.tokens
            described: dict[str, list[tuple[int, int, int, Cluster]]] = {}
            for item in self.clusters:
                for cand in item.candidates if item.type != "PER" else ():
                    before = cand.first - 1
                    while before > 0 and tokens[before].text in QUOTE_MARKS:
                        before -= 1
                    head = next((t.lemma.lower() for t in tokens[cand.first : cand.last] if t.pos == "NOUN"), None)
                    named = tokens[before].lemma.lower() if item.type == "ORG" and before >= 0 else None
                    for word in dict.fromkeys(w for w in (head, named) if w is not None):
                        entries = described.setdefault(word, [])
                        entries.append((cand.last, cand.first, -len(entries), item))
            self.by_descriptor = {word: latest_by_end(entries) for word, entries in described.items()}
        return self.by_descriptor

    def adjective_country(self, span: range) -> Cluster | None:
        for index in span:
            token = self.parsed.tokens[index]
            iso3 = self.gazetteer.adjective_country(token.lemma) if token.pos == "ADJ" else None
            if iso3 is not None:
                return self.country_cluster(iso3, token)
        return None

    def country_cluster(self, iso3: str, token: Token) -> Cluster | None:
        item = self.countries.adjective(iso3, token)
        if item is not None and token.index not in self.owner:
            self.owner[token.index] = (item.candidates[-1], item)
        return item

    def singular_positions(self) -> list[tuple[Token, str]]:
        """Every singular position word of the text with its position, found once for the role phrases."""
        if self.singular is None:
            found = ((t, self.position_of(t)) for t in self.parsed.tokens if t.feats.get("Number") != "Plur")
            self.singular = [(token, head) for token, head in found if head is not None]
        return self.singular

    def anaphors(self, roles: list[Role]) -> None:
        """Attach role phrases that name no one (`Посол`, `Глава Карачи`) to the person they refer to."""
        used = {r.token for r in roles}
        holders = Holders(roles)
        for token, head in self.singular_positions():
            if token.index in used:
                continue
            end = self.phrase_end(token.index)
            follower = self.owner.get(end)
            if follower is not None and follower[1].type == "PER":
                continue
            person = self.resolve(head, token, end, holders)
            if person is not None:
                last = self.parsed.tokens[end - 1]
                person.anaphors.append(Mention(token.start, last.end, self.parsed.text[token.start : last.end], True))

    def offices(self, roles: list[Role]) -> None:
        """An office named without its holder (`Премьер-министр Израиля заявил`, `визит российского
        президента`, `мэра Москвы`) that no titled person of the document may hold is the office of the
        person without a position named most near it (`Беньямин Нетаньяху отказался ...`; see `holder`),
        in a sentence that names no one (`Медведев встретился с президентом Франции` is about someone
        else). Offices are the one-holder posts of position_scopes.tsv in a place of their kind and a head
        (`глава`, `председатель` ...) of a named place or organisation. The phrase becomes the person's
        occupation and a mention of them; later phrases of the same office are linked by `anaphors`."""
        tokens = self.parsed.tokens
        titled = {id(r.person) for r in roles}
        untitled = {id(c): c for c in self.clusters if c.type == "PER" and id(c) not in titled}
        taken = {r.token for r in roles}
        holders = Holders(roles)
        for token, head in self.singular_positions():
            if not untitled:
                return
            end = self.phrase_end(token.index)
            if token.index in taken or self.owner.get(end, (None, None))[1] is not None:
                continue
            if not self.stands_alone(head, token):
                continue
            office = self.office(head, token, end)
            if office is None or self.resolve(head, token, end, holders) is not None:
                continue
            kind, stated = office
            where = stated if isinstance(stated, Cluster) else self.known_country(stated)
            if self.may_hold(holders, kind, where):
                continue
            holder = self.holder(untitled, token)
            if holder is None:
                continue
            if not isinstance(stated, Cluster):
                where = self.adjective_country(range(stated.index, stated.index + 1))
            position, start, _ = self.title(token.index, end)
            first = min([start] + [t.index for t in self.modifiers(token, end)])
            last = tokens[end - 1]
            evidence = Span(tokens[first].start, last.end, self.parsed.text[tokens[first].start : last.end])
            nouns = tuple(t.lemma.lower() for t in tokens[token.index + 1 : end])
            role = Role(holder, position, head, where, None, evidence, token.index, nouns)
            roles.append(role)
            taken.add(role.token)
            holders.add(role)
            holder.anaphors.append(Mention(evidence.start, evidence.end, evidence.text, True))
            del untitled[id(holder)]

    def stands_alone(self, head: str, token: Token) -> bool:
        """Whether a role phrase may name an office holder on its own: not the post sought, left or voted
        for (`кандидатурой на пост главы ФСЭГ`, `выборы мэра Смоленска`), not part of another title
        (`советник главы СБУ`, `представитель Президента России`, `российской премьер-лиги`), and in a
        sentence that names no person (`Помпео, который стал госсекретарем США`)."""
        tokens = self.parsed.tokens
        governor = tokens[token.head] if token.head >= 0 else None
        if governor is not None and (
            governor.lemma.lower() in POSTS | SOUGHT or self.position_of(governor) is not None
        ):
            return False
        if self.outer_position(token.index) != token.index or not token.lemma.lower().endswith(head):
            return False
        sentence = self.parsed.sentence_of(token.index)
        return not any(self.owner.get(i, (None, None))[1] is not None and self.owner[i][1].type == "PER"
                       for i in range(sentence.first, sentence.last))  # fmt: skip

    @staticmethod
    def may_hold(holders: Holders, kind: str, where: Cluster | None) -> bool:
        """Whether a titled person may be the one an office phrase means: the same position with no place
        (`Президент Саркози` ... `президент Франции`) or the same place, one of the two a head
        (`главы Московской области Бориса Громова` ... `Губернатору Подмосковья`)."""
        place = None if where is None else id(where)
        same_place = ("where", place) if kind in GENERIC_HEADS else ("generic-where", place)
        return holders.has(("kind-where", kind, None), ("kind-where", kind, place), same_place)

    def holder(self, untitled: dict[int, Cluster], token: Token) -> Cluster | None:
        """Of the persons named within HOLDER_WINDOW sentences of a role phrase but not in its sentence,
        the one named most often in the whole document (the nearer of two as often named, then the one
        found first), when that person has no position yet (`untitled`, by identity); None when the first
        is titled (`Стросс-Кан` ... `главы МВФ`: the phrase may be about them) or the first two tie."""
        sentence = self.parsed.tokens[token.index].sent
        by_sentence = self.persons_by_sentence()
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

    def persons_by_sentence(self) -> dict[int, list[tuple[int, Cluster]]]:
        """Sentence -> the persons named in it with their place among the entities, found once."""
        if self.by_sentence is None:
            self.by_sentence = {}
            for order, item in enumerate(self.clusters):
                named = {self.parsed.tokens[c.first].sent for c in item.candidates} if item.type == "PER" else set()
                for sentence in named:
                    self.by_sentence.setdefault(sentence, []).append((order, item))
        return self.by_sentence

    def office(self, head: str, token: Token, end: int) -> tuple[str, Cluster | Token] | None:
        """(position, where) of a one-holder office named by a role phrase, else None; `where` is the
        named place or organisation, or the country adjective that stands for it."""
        kind, where = self.phrase(head, token, end)
        scope = position_scopes().get(kind)
        if kind in SHARED_OFFICES or (scope is None and kind not in GENERIC_HEADS):
            return None
        if where is None:
            adjective = next((t for t in self.modifiers(token, end) if self.gazetteer.adjective_country(t.lemma)), None)
            return (kind, adjective) if adjective is not None and scope in {None, "country"} else None
        fits = where.type == "ORG" or (where.type == "LOC" and scope in {None, getattr(where.place, "kind", None)})
        return (kind, where) if fits else None

    def known_country(self, adjective: Token) -> Cluster | None:
        """The document's entity for the country an adjective names, if the text names that country."""
        iso3 = self.gazetteer.adjective_country(adjective.lemma)
        return self.countries.get(iso3) if iso3 is not None else None

    def modifiers(self, token: Token, end: int) -> list[Token]:
        """Adjectives of a role phrase: before the position word (`российского президента`) and inside
        (`глава израильского правительства`)."""
        tokens = self.parsed.tokens
        before = [t for t in tokens[max(0, token.index - 3) : token.index] if t.pos == "ADJ" and t.head == token.index]
        return before + [t for t in tokens[token.index + 1 : end] if t.pos == "ADJ"]

    def document_places(self, roles: list[Role]) -> None:
        """A head of state or government or a senator named without a country (`Премьер-министр Михаил
        Фрадков`) holds the post where the document states it for that person elsewhere (`президент
        Украины Виктор Янукович` ... `президентом Виктором Януковичем`), else in the country the document
        names most; a mayor, in its most-named city; a governor, in its most-named region. Marked
        `where_from = "document"`."""
        stated: dict[tuple[int, str], Cluster] = {}
        for role in roles:
            if role.where is not None and role.where_from == "text":
                stated.setdefault((id(role.person), role.kind), role.where)
        most: dict[str, Cluster | None] = {}
        for role in roles:
            scope = position_scopes().get(role.kind)
            if role.where is not None or scope is None:
                continue
            if scope not in most:
                most[scope] = self.most_named(scope)
            where = stated.get((id(role.person), role.kind)) or most[scope]
            if where is not None:
                role.where = where
                role.where_from = "document"

    def most_named(self, scope: str) -> Cluster | None:
        """The place of a kind (`country`, `city`) the document names most, by name (the first named of
        equals); None when it names none."""
        named = [c for c in self.clusters if c.type == "LOC" and c.place is not None and c.place.kind == scope]
        return max(named, key=lambda c: (sum(not m.adjective for m in c.candidates), -c.first)) if named else None

    def phrase_end(self, index: int) -> int:
        """End of a role phrase: the genitive words and names that hang on the position noun."""
        tokens = self.parsed.tokens
        sent = self.parsed.sentence_of(index)
        phrase = {index}
        end = index + 1
        while end < sent.last:
            token = tokens[end]
            attached = token.head in phrase or (token.pos == "ADJ" and token.head > end)
            genitive = token.case == "Gen" or (end in self.owner and self.owner[end][1].type != "PER")
            if not (attached and genitive and token.pos in {"ADJ", "NOUN", "PROPN", "X"}):
                break
            phrase.add(end)
            end += 1
        return end

    def phrase(self, head: str, token: Token, end: int) -> tuple[str, Cluster | None]:
        """The position a role phrase stands for (`глава правительства` -> `премьер-министр`) and the place
        or organisation named in it."""
        kind = canonical(head, [t.lemma.lower() for t in self.parsed.tokens[token.index + 1 : end]])
        return kind, next((self.owner[i][1] for i in range(token.index + 1, end) if i in self.owner), None)

    def resolve(self, head: str, token: Token, end: int, holders: Holders) -> Cluster | None:
        """The one titled person a role phrase refers to. The roles that fit are those of its position
        or, for a generic head (`глава`), any held in a stated place; of these, the ones held in the
        phrase's place, else, when the phrase names a country or no place, the ones in its country (or
        all, when it names none); None unless all of them are one person's."""
        words = self.parsed.tokens[token.index + 1 : end]
        position, where = self.phrase(head, token, end)
        country = where.place.country if where is not None and where.place is not None else None
        country = country or next((c for t in words if (c := self.gazetteer.adjective_country(t.lemma))), None)
        generic = position in GENERIC_HEADS
        if generic and where is None and country is None:
            return None
        exact = ("where", id(where)) if generic else ("kind-where", position, id(where))
        if where is not None and holders.has(exact):
            return holders.one(exact)
        if where is not None and (where.place is None or where.place.kind != "country"):
            return None
        if country is None:
            return holders.one(("kind", position), *([("placed",)] if generic else []))
        return holders.one(("country", country) if generic else ("kind-country", position, country))


def latest_by_end(
    mentions: list[tuple[int, int, int, Cluster]],
) -> tuple[list[int], list[tuple[int, int, Cluster]]]:
    """(last, first, -order, entity) mentions -> their ends in increasing order and, for each, the
    greatest (first, -order, entity) among the mentions that end there or before."""
    ends: list[int] = []
    latest: list[tuple[int, int, Cluster]] = []
    for last, first, order, item in sorted(mentions, key=lambda m: m[:3]):
        best = (first, order, item)
        if latest and latest[-1][:2] > best[:2]:
            best = latest[-1]
        ends.append(last)
        latest.append(best)
    return ends, latest


@cache
def descriptors() -> frozenset[str]:
    """Nouns that describe a named organisation or place (`партия`, `концерн`, `центр`, `республика`)."""
    words = {phrase[0] for phrase in org_words() if len(phrase) == 1}
    bodies = org_phrases().get("head", frozenset()) | org_phrases().get("complement", frozenset())
    return frozenset(words | bodies | PLACE_DESCRIPTORS) - {"армия"}  # `генерал армии` is a rank


@cache
def position_prefixes() -> frozenset[str]:
    """First three letters of every position: a cheap test before a token is lemmatised."""
    return frozenset(p[:3] for p in positions())


def is_envoy(head: str) -> bool:
    return positions()[head][1] == "envoy"


def place_country(role: Role) -> str | None:
    if role.where is None:
        return None
    place = role.where.place
    return place.country if place is not None else next((c.country for c in role.where.candidates if c.country), None)
