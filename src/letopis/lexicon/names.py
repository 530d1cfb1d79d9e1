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


# Russian to Latin as Russian passports write names since 2014 (ICAO Doc 9303, part 3, table of Cyrillic
# transliteration; order 889 of the Russian Federal Migration Service): ё as e, й as i, ъ as ie, ь dropped.
LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
})  # fmt: skip


def latin(name: str) -> str:
    """A name in Latin letters by the passport scheme (`LATIN`), capitals kept: `Ержан Кистафин` -> `Erzhan
    Kistafin`, `Щёлково` -> `Shchelkovo`, `МИД РК` -> `MID RK`."""
    letters = []
    for word in name.split(" "):
        shouting = sum(c.isupper() for c in word) > 1 and word.upper() == word
        for char in word:
            plain = char.lower().translate(LATIN)
            if char.isupper():
                plain = plain.upper() if shouting else plain[:1].upper() + plain[1:]
            letters.append(plain)
        letters.append(" ")
    return "".join(letters[:-1])


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
