"""Quoted names: an organisation's name in quotes (`компанию "Хиранис Фармасьютикалс"`) takes the place of
the mentions NER found inside it; the title of a work (`премии «Эмми»`) names no organisation."""

from __future__ import annotations

from collections.abc import Iterator

from letopis.extractors.entities.candidates import candidate
from letopis.extractors.entities.records import Candidate
from letopis.extractors.entities.words import QUOTES, is_name_word, lemmas, org_sector_word
from letopis.lexicon import not_org_words
from letopis.nlp import NLP, Parsed

MAX_QUOTED_TOKENS = 8


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


def quoted_names(nlp: NLP, parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
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
            quoted.append(quoted_org(nlp, parsed, first, last, inside))
            replaced.update(overlapping)
            last_org = last
    return [c for c in found if id(c) not in replaced] + quoted


def quoted_org(nlp: NLP, parsed: Parsed, first: int, last: int, inside: list[Candidate]) -> Candidate:
    """The organisation named in quotes at tokens [first, last): NER's own mention when it has the same
    tokens, with the country of the first mention `inside` that has one."""
    same = next((c for c in inside if c.type == "ORG" and (c.first, c.last) == (first, last)), None)
    org = same or candidate(nlp, parsed, "ORG", first, last)
    org.country = next((c.country for c in inside if c.country), None)
    return org


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
