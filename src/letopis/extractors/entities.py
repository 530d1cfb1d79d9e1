"""Named entities: natasha NER spans, quoted organisation names and organisation + owner tails,
grouped into one entity per real-world thing in the document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from letopis.lexicon import named_groups, not_org_words, org_phrases, org_words, positions
from letopis.lexicon.gazetteer import Place, gazetteer
from letopis.lexicon.names import NAME_CONNECTORS, acronym, fold, key
from letopis.model import EntityType, Mention
from letopis.nlp import NLP, NerSpan, Parsed, Token

QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“"}
MAX_QUOTED_TOKENS = 8
COMPLEMENTS = {"по", "при", "против"}
PHRASE_WORDS = {"NOUN", "PROPN", "ADJ", "NUM"}
MAX_PHRASE_TOKENS = 10


@dataclass(slots=True)
class Candidate:
    """One explicit mention of a name, before mentions are grouped into entities."""

    type: EntityType
    first: int
    last: int
    start: int
    end: int
    name: str
    place: Place | None = None
    country: str | None = None
    alias_of: Candidate | None = None
    adjective: bool = False

    def mention(self, text: str) -> Mention:
        return Mention(self.start, self.end, text[self.start : self.end], self.adjective)


@dataclass(slots=True)
class Cluster:
    """One entity of the document and all its mentions (anaphors are added by the role extractor)."""

    type: EntityType
    candidates: list[Candidate]
    anaphors: list[Mention] = field(default_factory=list)
    id: str = ""
    looked: tuple[int, Place | None] = field(default=(0, None), repr=False, compare=False)

    @property
    def name(self) -> str:
        if self.type == "LOC" and (place := self.place) is not None:
            return place.name
        names = [c.name for c in self.candidates if c.alias_of is None] or [c.name for c in self.candidates]
        return max(names, key=lambda n: (len(n.split()), len(n)))

    @property
    def place(self) -> Place | None:
        """The place of the first mention that resolves to one. Mentions are only added at the end once
        `cluster` has sorted them, so a mention is looked at once however often this is asked (`looked`:
        the mentions looked at so far, the place found)."""
        seen, place = self.looked
        if place is None and seen < len(self.candidates):
            place = next((c.place for c in self.candidates[seen:] if c.place is not None), None)
            self.looked = (len(self.candidates), place)
        return place

    @property
    def first(self) -> int:
        return min(c.first for c in self.candidates)


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit() or token.text.lower() in NAME_CONNECTORS


def leading_position(token: Token) -> bool:
    """`Замглавы` in an organisation span `Замглавы Федеральной миграционной службы`: a title, not a name."""
    return any(fold(w) in positions() for w in (token.lemma, token.text))


def quoted_spans(parsed: Parsed) -> Iterator[tuple[int, int]]:
    """Token ranges [first, last) inside matching quotes within one sentence."""
    for sent in parsed.sentences:
        opener: int | None = None
        for index in range(sent.first, sent.last):
            text = parsed.tokens[index].text
            if opener is not None and text == QUOTES[parsed.tokens[opener].text]:
                if index - opener > 1:
                    yield opener + 1, index
                opener = None
            elif opener is None and text in QUOTES:
                opener = index


def org_sector_word(tokens: tuple[Token, ...]) -> str | None:
    """The sector named by the longest organisation-word phrase among the lemmas of `tokens`."""
    lemmas = [t.lemma.lower() for t in tokens]
    words = org_words()
    best: tuple[int, str] | None = None
    for i in range(len(lemmas)):
        for j in range(min(len(lemmas), i + longest_org_phrase()), i, -1):
            sector = words.get(tuple(lemmas[i:j]))
            if sector is not None and (best is None or j - i > best[0]):
                best = (j - i, sector)
                break
    return best[1] if best else None


@cache
def longest_org_phrase() -> int:
    return max(map(len, org_words()), default=0)


def looks_like_org_name(parsed: Parsed, first: int, last: int, has_ner_org: bool, after_org: bool) -> bool:
    """A quoted name is an organisation when NER saw one inside, an organisation word stands before it
    (`компанию "Хиранис Фармасьютикалс"`) or it is coordinated with a quoted organisation (`"..." и
    "Порт Акбар Фауджи"`); never after a word for a ship, product or work (`шаттл «Индевор»`)."""
    tokens = parsed.tokens[first:last]
    if last - first > MAX_QUOTED_TOKENS or (not tokens[0].text[:1].isupper() and not tokens[0].text[0].isdigit()):
        return False
    if any(t.pos in {"VERB", "AUX", "PRON"} or t.text in {".", "!", "?", ":", ";"} for t in tokens):
        return False
    before = parsed.tokens[first - 2] if first >= 2 else None
    if before is not None and before.lemma.lower() in not_org_words().get("descriptor", frozenset()):
        return False
    descriptor = before is not None and org_sector_word((before,)) is not None
    coordinated = after_org and before is not None and before.text.lower() in {"и", ","}
    return has_ner_org or descriptor or (coordinated and all(is_name_word(t) for t in tokens))


class Members:
    """Candidates in the order they joined, kept by identity and found by their first token, so that a
    lookup costs the tokens asked about, not the document."""

    def __init__(self, found: Iterable[Candidate]) -> None:
        self.joined: dict[int, tuple[int, Candidate]] = {}
        self.starting: dict[int, list[Candidate]] = {}
        self.count = 0
        for cand in found:
            self.add(cand)

    def __contains__(self, cand: Candidate) -> bool:
        return id(cand) in self.joined

    def add(self, cand: Candidate) -> None:
        self.joined[id(cand)] = (self.count, cand)
        self.starting.setdefault(cand.first, []).append(cand)
        self.count += 1

    def discard(self, cand: Candidate) -> None:
        self.joined.pop(id(cand), None)

    def within(self, start: int, end: int) -> list[Candidate]:
        """The members inside tokens [start, end), in the order they joined."""
        inside = [c for i in range(start, end) for c in self.starting.get(i, ()) if c.last <= end and c in self]
        return sorted(inside, key=lambda c: self.joined[id(c)][0])

    def members(self) -> list[Candidate]:
        return [c for _, c in self.joined.values()]


class EntityFinder:
    def __init__(self, nlp: NLP) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer()

    def candidate(self, parsed: Parsed, type: EntityType, first: int, last: int) -> Candidate:
        tokens = parsed.tokens[first:last]
        name = self.nlp.normal(tokens, type)
        group = named_groups().get(key(name)) if type != "PER" else None
        if group is not None and group[0] == "ORG":
            return Candidate("ORG", first, last, tokens[0].start, tokens[-1].end, name, None, group[1])
        if group is not None:
            region = Place(name, "", "other")
            return Candidate("LOC", first, last, tokens[0].start, tokens[-1].end, name, region, None)
        place = None
        if type == "LOC":
            place = self.gazetteer.place(tokens[0].text if len(tokens) == 1 and tokens[0].text.isupper() else name)
            if place is None and len(tokens) == 1:
                place = self.gazetteer.place(tokens[0].lemma)
        return Candidate(
            type, first, last, tokens[0].start, tokens[-1].end, name, place, place.country if place else None
        )

    def candidates(self, parsed: Parsed) -> list[Candidate]:
        found = [
            c
            for s in parsed.spans
            if s.first < s.last
            for c in self.split_brackets(parsed, s.type, s.first, s.last)
            if not (c.type == "ORG" and parsed.visible(c.start, c.end) in not_org_words().get("abbreviation", ()))
        ]
        found = self.titled(parsed, self.quoted_names(parsed, found))
        found = [self.facility(parsed, c) for c in self.unnamed_by_ner(parsed, found)]
        found.sort(key=lambda c: c.first)
        return self.described(parsed, self.with_owner_tails(parsed, found))

    def quoted_names(self, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
        """`found` with quoted organisation names (`компанию "Хиранис Фармасьютикалс"`) in place of the
        mentions they overlap, added at the end."""
        spanning: dict[int, list[Candidate]] = {}
        for cand in found:
            for index in range(cand.first, cand.last):
                spanning.setdefault(index, []).append(cand)
        order = {id(c): n for n, c in enumerate(found)}
        replaced: set[int] = set()
        quoted: list[Candidate] = []
        last_org = -1
        for first, last in quoted_spans(parsed):
            overlapping = {id(c): c for i in range(first, last) for c in spanning.get(i, ()) if id(c) not in replaced}
            inside = sorted(overlapping.values(), key=lambda c: order[id(c)])
            after_org = last_org == first - 3
            if looks_like_org_name(parsed, first, last, any(c.type == "ORG" for c in inside), after_org):
                quoted.append(self.quoted(parsed, first, last, inside))
                replaced.update(overlapping)
                last_org = last
        return [c for c in found if id(c) not in replaced] + quoted

    @staticmethod
    def titled(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
        """`премии «Эмми»`, `в программе «Сегодня»`, `в статье Частного корреспондента «Жара продолжается»`:
        a short quoted title right after a work, or after a work and its capitalised author or publisher,
        is no organisation; nor is that name anywhere else in the document (`шаттл «Индевор»` ... `полёт
        «Индевор»`)."""
        works = not_org_words().get("descriptor", frozenset())
        titles: set[str] = set()
        for first, last in quoted_spans(parsed):
            before = parsed.tokens[first - 2] if first >= 2 else None
            if before is None or before.head < 0 or last - first > MAX_QUOTED_TOKENS:
                continue
            work = before if before.lemma.lower() in works else parsed.tokens[before.head]
            between = parsed.tokens[work.index + 1 : first - 1]
            if work.pos != "NOUN" or work.lemma.lower() not in works or len(between) > 3:
                continue
            if between and not between[0].text[:1].isupper():
                continue  # `альбом группы «Були для бабули»`: the quoted name is the band's
            titles.add(lemmas(parsed.tokens[first:last]))
        return [c for c in found if c.type != "ORG" or lemmas(parsed.tokens[c.first : c.last]) not in titles]

    @staticmethod
    def facility(parsed: Parsed, cand: Candidate) -> Candidate:
        """`аэропорту «Домодедово»`, `на стадионе «Лужники»`: a name after a word for a facility is a place."""
        before = cand.first - 1
        while before >= 0 and parsed.tokens[before].text in QUOTES:
            before -= 1
        if cand.type != "ORG" or before < 0:
            return cand
        if parsed.tokens[before].lemma.lower() not in not_org_words().get("facility", ()):
            return cand
        return Candidate("LOC", cand.first, cand.last, cand.start, cand.end, cand.name, Place(cand.name, "", "other"),
                         cand.country)  # fmt: skip

    def unnamed_by_ner(self, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
        """`found` with the names NER left out or mistyped: a surname alone of a person named in full
        elsewhere in the document (`Видениус`, `о Свиридове`), and world regions (`чемпион Европы`)."""
        words = {
            form
            for c in found
            if c.type == "PER" and len(c.name.split()) > 1
            for t in parsed.tokens[c.first : c.last]
            for form in (t.text.lower(), t.lemma.lower())
            if len(form) > 2
        }
        covered = {i for c in found for i in range(c.first, c.last)}
        added: list[Candidate] = []
        surnames: set[int] = set()
        for cand in found:
            single = cand.last - cand.first == 1 and cand.type in {"LOC", "ORG"} and cand.place is None
            token = parsed.tokens[cand.first]
            if single and (token.text.lower() in words or token.lemma.lower() in words):
                surnames.add(id(cand))
                covered.discard(cand.first)
        for token in parsed.tokens:
            if token.index in covered or not token.text[:1].isupper():
                continue
            if token.pos == "PROPN" and (token.text.lower() in words or token.lemma.lower() in words):
                added.append(self.candidate(parsed, "PER", token.index, token.index + 1))
                continue
            for size in (2, 1):
                span = parsed.tokens[token.index : token.index + size]
                if len(span) < size or any(t.index in covered for t in span):
                    continue
                group = named_groups().get(key(" ".join(t.lemma for t in span)))
                if group is not None and group[0] == "LOC":
                    added.append(self.candidate(parsed, "LOC", token.index, token.index + size))
                    covered.update(t.index for t in span)
                    break
        return [c for c in found if id(c) not in surnames] + added

    def split_brackets(self, parsed: Parsed, type: EntityType, first: int, last: int) -> list[Candidate]:
        """`Джоэл Саймон (Joel Simon)`, `Национального фронта (FN)`: the name, and the bracketed form as
        its alias."""
        while type in {"ORG", "PER"} and last - first > (type == "PER") and leading_position(parsed.tokens[first]):
            first += 1  # `Замглавы ФМС`, `Император Акихито`: the title is not part of the name
        if type == "PER":  # `34-летний ТиДжей`, `Формулы-1`: a word with digits is no part of a person's name
            while first < last and any(ch.isdigit() for ch in parsed.tokens[first].text):
                first += 1
            while last > first and any(ch.isdigit() for ch in parsed.tokens[last - 1].text):
                last -= 1
        if type == "LOC":  # `Бюро США по патентам`: NER ran the place on into the complement
            last = next((i for i in range(first + 1, last) if parsed.tokens[i].text in COMPLEMENTS), last)
        if first == last:
            return []
        texts = [t.text for t in parsed.tokens[first:last]]
        if "(" not in texts[1:]:
            return [self.candidate(parsed, type, first, last)]
        opening = first + texts.index("(", 1)
        closing = first + texts.index(")") if ")" in texts[texts.index("(", 1) :] else last
        main = self.candidate(parsed, type, first, opening)
        if closing <= opening + 1:
            return [main]
        alias = self.candidate(parsed, type, opening + 1, closing)
        alias.alias_of = main
        return [main, alias]

    def quoted(self, parsed: Parsed, first: int, last: int, inside: list[Candidate]) -> Candidate:
        same = next((c for c in inside if c.type == "ORG" and (c.first, c.last) == (first, last)), None)
        org = same or self.candidate(parsed, "ORG", first, last)
        org.country = next((c.country for c in inside if c.country), None)
        return org

    def with_owner_tails(self, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
        """`Государственного банка` + `Пакистана` -> one organisation `Государственный банк Пакистана`; a
        place in the tail stays a mention of that place too."""
        result: list[Candidate] = []
        places: list[Candidate] = []
        for cand in found:
            previous = result[-1] if result else None
            if previous is not None and previous.type == "ORG" and self.is_owner_tail(parsed, previous, cand):
                tail = parsed.visible(cand.start, cand.end)
                result[-1] = Candidate(
                    "ORG",
                    previous.first,
                    cand.last,
                    previous.start,
                    cand.end,
                    f"{previous.name} {tail}",
                    None,
                    previous.country or cand.country,
                )
                if cand.type == "LOC":
                    places.append(cand)
            else:
                result.append(cand)
        return sorted(result + places, key=lambda c: (c.first, -c.last))

    def described(self, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
        """Organisations named by a description, and names widened to their description: `российском
        министерстве финансов`, `Судейский комитет ФИФА`, `сборной России по фехтованию`, `японского МИДа`,
        `ГУ МЧС России по Санкт-Петербургу`. Places inside stay mentions of those places too."""
        covered = {i: c for c in found for i in range(c.first, c.last)}
        cores: list[tuple[int, int, Candidate | None]] = [(c.first, c.last, c) for c in found if c.type == "ORG"]
        heads = frozenset[str]().union(*(org_phrases().get(k, frozenset()) for k in ("head", "function", "complement")))
        cores += [
            (t.index, t.index + 1, None)
            for t in parsed.tokens
            if t.index not in covered
            and t.pos == "NOUN"
            and t.lemma.lower() in heads
            and t.feats.get("Number") != "Plur"  # `федерациями Ирака, Сирии`: several bodies
        ]
        result = Members(found)
        places = {s.first: s for s in parsed.spans if s.type == "LOC"}
        for first, last, cand in cores:
            if (cand is None and first in covered) or (cand is not None and cand not in result):
                continue
            end = self.regional_branch(parsed, last, places) if cand is not None else last
            phrase = self.org_phrase(parsed, first, last, end, cand, covered)
            if phrase is None:
                continue
            start, end, country = phrase
            inside = result.within(start, end)
            tokens = parsed.tokens[start:end]
            country = country or next((c.country for c in inside if c.country), None)
            org = Candidate("ORG", start, end, tokens[0].start, tokens[-1].end, self.nlp.normal(tokens, "ORG"), None,
                            country)  # fmt: skip
            for c in inside:
                if c.type != "LOC":
                    result.discard(c)
            result.add(org)
            covered.update((i, org) for i in range(start, end))
        return sorted(result.members(), key=lambda c: (c.first, -c.last))

    def org_phrase(
        self, parsed: Parsed, first: int, last: int, end: int, cand: Candidate | None, covered: dict[int, Candidate]
    ) -> tuple[int, int, str | None] | None:
        """Token range and country of the description around an organisation word or name (whose phrase
        reaches `end` so far), or None when nothing makes a bare organisation word one body (`в
        министерстве` alone stays a common noun)."""
        sent = parsed.sentence_of(first)
        tokens = parsed.tokens
        below = set(range(first, last))
        while end < sent.last and end - last < MAX_PHRASE_TOKENS:
            token = tokens[end]
            other = covered.get(end)
            if other is not None and (other.type == "PER" or other.first < end):
                break
            word = token.text.lower()
            inner = word == "с" and any(tokens[i].text.lower() in COMPLEMENTS for i in range(last, end))
            if not (
                token.pos in PHRASE_WORDS or word == "и" or (token.pos == "ADP" and (word in COMPLEMENTS or inner))
            ):
                break
            if token.rel == "conj" and first <= token.head < last:
                break  # `группа и Южная водозаборная станция`: a second body
            if not self.descends(parsed, end, below) or (other is not None and root(parsed, other).rel == "appos"):
                break  # `агентства БелТА`: a name in apposition is the body itself, the word before it describes
            below.add(end)
            end = other.last if other is not None else end + 1
        while end > last and (tokens[end - 1].pos in {"ADP", "CCONJ"}):
            end -= 1
        if cand is not None and (end == last or tokens[last].text.lower() not in COMPLEMENTS):
            end = last  # a name takes only a complement: its genitive owner is already an owner tail
        skip = org_phrases().get("skip", frozenset())
        bodies = org_phrases().get("head", frozenset()) | org_phrases().get("function", frozenset())
        start = first
        country: str | None = None
        while start > sent.first and start - 1 not in covered:
            token = tokens[start - 1]
            if token.pos != "ADJ" or token.head not in range(start, end) or token.lemma.lower() in skip:
                break
            place = self.gazetteer.adjective_place(token.lemma)
            if cand is not None and place is None and tokens[first].lemma.lower() not in bodies:
                break  # `японского МИДа`, but `государственной Комиссии по атомной энергии`
            country = country or (place.country if place else None)
            start -= 1
        named = any(covered[i].type in {"ORG", "LOC"} for i in range(last, end) if i in covered)
        complement = any(tokens[i].text.lower() in COMPLEMENTS for i in range(last, end))
        word = tokens[first].lemma.lower()
        if cand is None and word in org_phrases().get("complement", frozenset()):
            specific = complement
        elif cand is None and word in org_phrases().get("function", frozenset()):
            specific = end > last and tokens[last].case == "Gen"
        else:  # `израильским управлением`: a place adjective alone does not make a body of a bare word
            specific = named or complement or (country is not None and end - start > 2)
        if (start, end) == (first, last) or not (specific or cand is not None):
            return None
        return start, end, country

    @staticmethod
    def regional_branch(parsed: Parsed, last: int, places: dict[int, NerSpan]) -> int:
        """End of `по Санкт-Петербургу и Ленобласти` after an organisation name (`МЧС по ...`): the
        regional branch, whatever the parser hung the places from (`places`: NER place spans by first token)."""
        tokens = parsed.tokens
        end = last
        while end + 1 < len(tokens) and tokens[end].text in ({"по"} if end == last else {"и"}):
            place = places.get(end + 1)
            if place is None or tokens[end + 1].case != "Dat":
                break
            end = place.last
        return end

    @staticmethod
    def descends(parsed: Parsed, index: int, below: set[int]) -> bool:
        """Whether token `index` hangs from the phrase built so far, directly or through tokens after it
        (`по` hangs from the noun it introduces)."""
        seen = 0
        token = parsed.tokens[index]
        while token.head >= 0 and seen < MAX_PHRASE_TOKENS:
            if token.head in below:
                return True
            if token.head < index:
                return False
            token = parsed.tokens[token.head]
            seen += 1
        return False

    @staticmethod
    def is_owner_tail(parsed: Parsed, org: Candidate, tail: Candidate) -> bool:
        if tail.first != org.last or tail.type not in {"LOC", "ORG"}:
            return False
        if parsed.tokens[tail.first].sent != parsed.tokens[org.first].sent:
            return False  # a chain of owners stays in its sentence (or chunk of an over-long one)
        if parsed.tokens[org.last - 1].text in QUOTES.values():
            return False
        top = root(parsed, tail)
        abbreviation = tail.last - tail.first == 1 and top.text.isupper() and tail.place is not None
        return abbreviation or (top.case == "Gen" and (org.first <= top.head < org.last or tail.type == "LOC"))


def lemmas(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.lemma.lower() for t in tokens)


def root(parsed: Parsed, cand: Candidate) -> Token:
    """The token of a mention that hangs from outside it."""
    tokens = parsed.tokens[cand.first : cand.last]
    return next((t for t in tokens if not cand.first <= t.head < cand.last), tokens[0])


def person_words(name: str) -> set[str]:
    return set(key(name).split())


def cluster(candidates: list[Candidate]) -> list[Cluster]:
    """Group mentions: places by what they resolve to, organisations by name or acronym, persons by
    full name, with a surname-only or shorter mention joined to the one full name that contains it."""
    clusters: list[Cluster] = []
    index: dict[tuple[EntityType, str], Cluster] = {}
    persons = sorted((c for c in candidates if c.type == "PER"), key=lambda c: -len(c.name.split()))
    owner: dict[int, Cluster] = {}
    by_word: dict[str, list[Cluster]] = {}
    for cand in [c for c in candidates if c.type != "PER"] + persons:
        if cand.alias_of is not None:
            continue
        keys = cluster_keys(cand)
        target = next((index[(cand.type, k)] for k in keys if (cand.type, k) in index), None)
        if target is None and cand.type == "PER":
            target = unique_containing_person(by_word, cand)
        if target is None:
            target = Cluster(cand.type, [])
            clusters.append(target)
            for word in {""} | person_words(cand.name) if cand.type == "PER" else ():
                by_word.setdefault(word, []).append(target)
        target.candidates.append(cand)
        owner[id(cand)] = target
        for k in keys:
            index.setdefault((cand.type, k), target)
    for cand in candidates:
        if cand.alias_of is not None and id(cand.alias_of) in owner:
            owner[id(cand.alias_of)].candidates.append(cand)
    clusters.sort(key=lambda c: c.first)
    for number, item in enumerate(clusters, 1):
        item.id = f"e{number}"
        item.candidates.sort(key=lambda c: c.first)
    return clusters


def cluster_keys(cand: Candidate) -> list[str]:
    if cand.type == "LOC" and cand.place is not None:
        return [f"{cand.place.country}:{cand.place.kind}:{cand.place.name}"]
    if cand.type == "ORG":
        return list(dict.fromkeys([key(cand.name), key(acronym(cand.name))]))
    if cand.type == "PER":
        return [" ".join(sorted(person_words(cand.name)))]
    return [key(cand.name)]


def unique_containing_person(by_word: dict[str, list[Cluster]], cand: Candidate) -> Cluster | None:
    """The one person whose full name has every word of `cand` and more, looked up among the persons
    that share its rarest word (`by_word`: persons in the order they were found, by every word of their
    first name and by ""; a name's words only ever narrow as shorter names join it)."""
    words = person_words(cand.name)
    rarest = min((by_word.get(w, []) for w in words or {""}), key=len)
    found = list(islice((c for c in rarest if words < person_words(c.name)), 2))
    return found[0] if len(found) == 1 else None


class Countries:
    """The document's entity for each country, found in constant time: the first that names it, or one
    made for a country adjective (`казахстанский посол`) when the text never names the country."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.named: dict[str, Cluster] = {}
        self.mentioned: dict[int, set[int]] = {}  # id of an entity -> first tokens of its mentions
        for item in clusters:
            place = item.place
            if place is not None and place.kind == "country":
                self.named.setdefault(place.country, item)

    def get(self, iso3: str) -> Cluster | None:
        """The document's entity for a country, if the text names it."""
        return self.named.get(iso3)

    def adjective(self, iso3: str, token: Token) -> Cluster | None:
        """The entity of the country a country adjective names, with the adjective as one of its
        mentions; created when the text never names the country."""
        place = gazetteer().country(iso3)
        if place is None:
            return None
        mention = Candidate("LOC", token.index, token.index + 1, token.start, token.end, place.name, place, iso3,
                            adjective=True)  # fmt: skip
        item = self.named.get(iso3)
        if item is None:
            item = self.named[iso3] = Cluster("LOC", [mention])
            self.clusters.append(item)
        elif token.index not in self.firsts(item):
            item.candidates.append(mention)
        self.firsts(item).add(token.index)
        return item

    def firsts(self, item: Cluster) -> set[int]:
        if id(item) not in self.mentioned:
            self.mentioned[id(item)] = {c.first for c in item.candidates}
        return self.mentioned[id(item)]
