"""Name folding, one copy for the whole package: the comparison key of a name, a word folded for
lookups, the acronym of an organisation's name, and a place name in the genitive."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3

QUOTES = "\"«»“”„'"
# Words of a name that take no initial in its acronym and may stand inside a name.
NAME_CONNECTORS = frozenset({"и", "&", "-", "of", "and", "де", "ла"})


def fold(word: str) -> str:
    """Lower case with `ё` as `е`: `Ёлкин` -> `елкин`."""
    return word.lower().replace("ё", "е")


def key(text: str) -> str:
    """Comparison key for names: lower case, `ё` as `е`, quotes dropped, spaces collapsed."""
    text = fold(text)
    for quote in QUOTES:
        text = text.replace(quote, "")
    return " ".join(text.split())


def acronym(name: str) -> str:
    """`Министерство иностранных дел РК` -> `МИД РК`: initials of the words before the first abbreviation."""
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w.isupper()), len(words))
    initials = "".join(w[0].upper() for w in words[:cut] if w.lower() not in NAME_CONNECTORS)
    return " ".join([initials, *words[cut:]]) if cut > 1 else name


@cache
def morphology() -> pymorphy3.MorphAnalyzer:
    """pymorphy3's analyser, one per process, loaded on first use (about 0.3 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def genitive(name: str) -> str:
    """A place name in the genitive, word by word, keeping each word's shape: `Россия` -> `России`,
    `Южная Корея` -> `Южной Кореи`, `США` -> `США`."""
    words = []
    for word in name.split():
        form = morphology().parse(word)[0].inflect({"gent"})
        inflected = form.word if form is not None else word.lower()
        if word.isupper():
            words.append(word)
        else:
            words.append(inflected[:1].upper() + inflected[1:] if word[:1].isupper() else inflected)
    return " ".join(words)
