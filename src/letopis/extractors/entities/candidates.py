"""Mentions of names as NER finds them, corrected: a bracketed form split off as an alias, a title or a
number cut off, a surname alone or a world region NER left out, a facility's name made a place."""

from __future__ import annotations

from letopis.extractors.entities.records import Candidate
from letopis.extractors.entities.state_bodies import state_body_name
from letopis.extractors.entities.words import COMPLEMENTS, QUOTES, leading_position
from letopis.lexicon import named_groups, not_org_words
from letopis.lexicon.gazetteer import Place, gazetteer
from letopis.lexicon.names import key
from letopis.model import EntityType
from letopis.nlp import NLP, Parsed


def candidate(nlp: NLP, parsed: Parsed, type: EntityType, first: int, last: int) -> Candidate:
    """The mention of tokens [first, last) as a name of `type`, with its normal form and, for a place or
    a named group (`Евросоюз`, `Ближний Восток`), what it resolves to."""
    tokens = parsed.tokens[first:last]
    name = state_body_name(nlp, tokens) if type == "ORG" else None
    name = name or nlp.normal(tokens, type)
    if type == "PER" and is_initial(tokens[-1].text) and parsed.text[tokens[-1].end : tokens[-1].end + 1] == ".":
        name += "."  # `Нуреддина Х.` at a sentence's end, where the full stop is a token of its own
    group = named_groups().get(key(name)) if type != "PER" else None
    if group is not None and group[0] == "ORG":
        return Candidate("ORG", first, last, tokens[0].start, tokens[-1].end, name, None, group[1])
    if group is not None:
        region = Place(name, "", "other")
        return Candidate("LOC", first, last, tokens[0].start, tokens[-1].end, name, region, None)
    place = None
    if type == "LOC":
        places = gazetteer()
        place = places.place(tokens[0].text if len(tokens) == 1 and tokens[0].text.isupper() else name)
        if place is None and len(tokens) == 1:
            place = places.place(tokens[0].lemma)
    return Candidate(type, first, last, tokens[0].start, tokens[-1].end, name, place, place.country if place else None)


def is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def ner_candidates(nlp: NLP, parsed: Parsed) -> list[Candidate]:
    """The mentions of NER's spans, but for abbreviations that name no organisation."""
    return [
        c
        for s in parsed.spans
        if s.first < s.last
        for c in split_brackets(nlp, parsed, s.type, s.first, s.last)
        if not (c.type == "ORG" and parsed.visible(c.start, c.end) in not_org_words().get("abbreviation", ()))
    ]


def split_brackets(nlp: NLP, parsed: Parsed, type: EntityType, first: int, last: int) -> list[Candidate]:
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
        return [candidate(nlp, parsed, type, first, last)]
    opening = first + texts.index("(", 1)
    closing = first + texts.index(")") if ")" in texts[texts.index("(", 1) :] else last
    main = candidate(nlp, parsed, type, first, opening)
    if closing <= opening + 1:
        return [main]
    alias = candidate(nlp, parsed, type, opening + 1, closing)
    alias.alias_of = main
    return [main, alias]


def unnamed_by_ner(nlp: NLP, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
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
            added.append(candidate(nlp, parsed, "PER", token.index, token.index + 1))
            continue
        for size in (2, 1):
            span = parsed.tokens[token.index : token.index + size]
            if len(span) < size or any(t.index in covered for t in span):
                continue
            group = named_groups().get(key(" ".join(t.lemma for t in span)))
            if group is not None and group[0] == "LOC":
                added.append(candidate(nlp, parsed, "LOC", token.index, token.index + size))
                covered.update(t.index for t in span)
                break
    return [c for c in found if id(c) not in surnames] + added


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
