"""Nominative forms of name words where natasha's rule leaves them in their oblique case (`word` as
written, `case` the tagger's, `form` natasha's): surnames of common gender and surnames natasha's
dictionary lacks, by pymorphy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from letopis.lexicon.names import morphology

# The tagger's cases and pymorphy's grammemes for them.
OBLIQUE_ONLY = {"у", "ю", "ом", "ем"}  # endings of the dative and instrumental of a man's name
PYMORPHY_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
ADJECTIVE_ENDING = re.compile(r"[сц]к(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


class Tagged(Protocol):
    @property
    def pos(self) -> str: ...
    @property
    def rel(self) -> str: ...
    @property
    def text(self) -> str: ...


def adjectival(token: Tagged) -> bool:
    """A place adjective the tagger calls a proper noun (`Гаагским` трибуналом, `Нью-Йоркской` биржи):
    it inflects as an adjective, and an organisation's name has its head after it."""
    return token.pos == "PROPN" and token.rel == "amod" and ADJECTIVE_ENDING.search(token.text.lower()) is not None


def common_gender_surname(word: str, case: str | None, form: str) -> str:
    """`Обамой`, `Обамы` -> `обама`: a surname of common gender in -а that natasha leaves in its oblique case
    (it inflects by the man's gender, which such a surname declines against), put in the nominative."""
    if form != word.lower() or case in {None, "Nom"}:
        return form
    parse = morphology().parse(word)[0]
    tag = parse.tag
    return str(parse.normal_form) if {"Surn", "ms-f"} <= set(tag.grammemes) and "Fixd" not in tag else form


def unknown_surname(word: str, case: str | None, form: str) -> str:
    """The last word of a person's name that natasha's dictionary lacks and leaves in its oblique case, in
    the nominative by pymorphy's guess in the tagger's case (`Хуан Пабло Монтойе` -> `монтойя`); an
    indeclinable name stays (no guess of it has that case), and so does a hyphenated one (`аль-Барадеи`)."""
    wanted = PYMORPHY_CASES.get(case or "")
    if form != word.lower() or wanted is None or "-" in word:  # `аль-Барадеи` declines not
        return form
    parses = morphology().parse(word)
    guess = next((p for p in parses if {wanted, "sing", "NOUN"} <= set(p.tag.grammemes) and "Fixd" not in p.tag), None)
    if guess is None or "Geox" in guess.tag or guess.normal_form.endswith(("ь", "о", "е")):
        return form  # a place's paradigm or an ending no guessed name has (`Оззи` -> `оззь`, `Татарова` -> `татарово`)
    return str(guess.normal_form)


def stem_lemma(word: str, case: str | None, form: str, lemma: str) -> str:
    """A name word natasha leaves in its oblique case whose lemma, by the tagger, is its stem (`Лэнса` ->
    `лэнс`, `Кроуфорду` -> `кроуфорд`): the lemma. Only a lemma the word begins with, one or two letters
    shorter, is taken; for a word tagged nominative, only when what it cuts is a dative or instrumental
    ending no nominative name has (`Кроуфорду и Фейту были предъявлены`)."""
    lemma = lemma.lower()
    if form != word.lower() or len(lemma) < 3 or not form.startswith(lemma) or not 1 <= len(form) - len(lemma) <= 2:
        return form
    return lemma if case not in {None, "Nom"} or form[len(lemma) :] in OBLIQUE_ONLY else form


def agreeing_endings(words: Sequence[str], cases: Sequence[str | None], forms: Sequence[str]) -> list[str]:
    """The words of one name agree in case: when every word put in the nominative lost the same ending
    (`Клиффорда` -> `клиффорд`), an oblique word left as written that has it loses it too (`Берримена` ->
    `берримен`)."""
    changed = [w.lower() != f for w, f in zip(words, forms, strict=True)]
    pairs = list(zip(words, forms, changed, strict=True))
    endings = {w.lower()[len(f) :] if w.lower().startswith(f) else "" for w, f, c in pairs if c}
    ending = next(iter(endings)) if len(endings) == 1 else ""
    if not ending:
        return list(forms)
    oblique = [case not in {None, "Nom"} for case in cases]
    return [
        f[: -len(ending)] if not c and o and f.endswith(ending) and len(f) > len(ending) + 2 else f
        for f, c, o in zip(forms, changed, oblique, strict=True)
    ]
