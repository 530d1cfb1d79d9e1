"""Name folding, one copy for the whole package: the comparison key of a name, a word folded for
lookups, and the acronym of an organisation's name."""

from __future__ import annotations

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
