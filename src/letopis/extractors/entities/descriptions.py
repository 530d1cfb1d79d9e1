"""Organisations named by a description, and names widened to their description: `российском министерстве
финансов`, `Судейский комитет ФИФА`, `сборной России по фехтованию`, `японского МИДа`, `ГУ МЧС России по
Санкт-Петербургу`."""

from __future__ import annotations

from collections.abc import Iterable

from letopis.extractors.entities.records import Candidate
from letopis.extractors.entities.state_bodies import state_body_name
from letopis.extractors.entities.words import COMPLEMENTS, root
from letopis.lexicon import org_phrases
from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import fold
from letopis.nlp import NLP, NerSpan, Parsed

PHRASE_WORDS = {"NOUN", "PROPN", "ADJ", "NUM"}
MAX_PHRASE_TOKENS = 10


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


def described(nlp: NLP, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """Organisations named by a description, and names widened to their description: `российском
    министерстве финансов`, `Судейский комитет ФИФА`, `сборной России по фехтованию`, `японского МИДа`,
    `ГУ МЧС России по Санкт-Петербургу`. Places inside stay mentions of those places too."""
    covered = {i: c for c in found for i in range(c.first, c.last)}
    cores: list[tuple[int, int, Candidate | None]] = [(c.first, c.last, c) for c in found if c.type == "ORG"]
    kinds = ("head", "function", "complement")
    core_words = frozenset[str]().union(*(org_phrases().get(kind, frozenset()) for kind in kinds))
    starts = {fold(w[:3]) for w in core_words}  # a cheap test before a word is lemmatised
    cores += [
        (t.index, t.index + 1, None)
        for t in parsed.tokens
        if t.index not in covered
        and t.pos == "NOUN"
        and fold(t.text[:3]) in starts
        and t.lemma.lower() in core_words
        and t.feats.get("Number") != "Plur"  # `федерациями Ирака, Сирии`: several bodies
    ]
    result = Members(found)
    places = {s.first: s for s in parsed.spans if s.type == "LOC"}
    for first, last, cand in cores:
        if (cand is None and first in covered) or (cand is not None and cand not in result):
            continue
        end = regional_branch(parsed, last, places) if cand is not None else last
        phrase = org_phrase(parsed, first, last, end, cand, covered)
        if phrase is None:
            continue
        start, end, country = phrase
        inside = result.within(start, end)
        tokens = parsed.tokens[start:end]
        country = country or next((c.country for c in inside if c.country), None)
        name = state_body_name(nlp, tokens) or nlp.normal(tokens, "ORG")
        org = Candidate("ORG", start, end, tokens[0].start, tokens[-1].end, name, None, country)
        for c in inside:
            if c.type != "LOC":
                result.discard(c)
        result.add(org)
        covered.update((i, org) for i in range(start, end))
    return sorted(result.members(), key=lambda c: (c.first, -c.last))


def org_phrase(
    parsed: Parsed, first: int, last: int, end: int, cand: Candidate | None, covered: dict[int, Candidate]
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
        if not (token.pos in PHRASE_WORDS or word == "и" or (token.pos == "ADP" and (word in COMPLEMENTS or inner))):
            break
        if token.rel == "conj" and first <= token.head < last:
            break  # `группа и Южная водозаборная станция`: a second body
        if not descends(parsed, end, below) or (other is not None and root(parsed, other).rel == "appos"):
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
        place = gazetteer().adjective_place(token.lemma)
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
    tail = covered.get(last)
    of_place = tail is not None and tail.type == "LOC" and (tail.first, tail.last) == (last, end)
    if cand is None and word in org_phrases().get("place_part", frozenset()) and start == first and of_place:
        return None  # `в центре Минска`: a part of the city
    return start, end, country


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
