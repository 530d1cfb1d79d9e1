"""The language of a document: py3langid on the first 2,000 characters, with a Cyrillic sanity check.

py3langid guesses short Russian texts wrong (`Токаев` is Macedonian, `ТАСС` Kazakh to it), so a text whose
letters are mostly Cyrillic and all Russian (no `і`, `ї`, `ә`, `қ`, `ў`, `ј`) counts as Russian when it is
short or has an `ы` or `э`, which Ukrainian, Bulgarian, Serbian and Macedonian lack. A text with fewer
than five letters (`12:00`, `ТАСС`) has too few to tell and counts as Russian: a wrong rejection loses a
document, a wrong acceptance costs an extraction that finds nothing.
"""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 2000
MIN_LETTERS = 5
SHORT_LETTERS = 200
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
ONLY_RUSSIAN = frozenset("ыэ")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: `ru` for `Президент подписал указ о помиловании`."""
    sample = text[:SAMPLE_CHARS]
    letters = [c.lower() for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return "ru"
    language: str = py3langid.classify(sample)[0]
    if language != "ru" and russian_script(letters):
        return "ru"
    return language


def russian_script(letters: list[str]) -> bool:
    """Mostly Cyrillic, all of it Russian, and short or with a letter only Russian has."""
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u052f"]
    if len(cyrillic) * 2 < len(letters) or not RUSSIAN_LETTERS.issuperset(cyrillic):
        return False
    return len(letters) < SHORT_LETTERS or not ONLY_RUSSIAN.isdisjoint(cyrillic)
