"""A text as the models read it: invisible characters removed, whitespace controls as spaces, and the
way back from its offsets to the original text's."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# C0 and C1 controls that are no whitespace, DEL, soft hyphen, zero-width and bidi marks, word joiner
# and invisible operators, byte order mark: removed before NLP
INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# controls that are whitespace (vertical tab, form feed, separators, next line, line and paragraph
# separators): read as a space
BLANK = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")


def visible(text: str) -> str:
    """`text` as the models read it: without invisible characters, whitespace controls as spaces."""
    return BLANK.sub(" ", INVISIBLE.sub("", text))


@dataclass(frozen=True, slots=True)
class Plain:
    """A text as the models read it (`visible`), and the way back: `removed` holds the original offsets
    of the characters taken out, `shifts` the plain offset each of them stood at."""

    text: str
    removed: list[int]
    shifts: list[int]

    @classmethod
    def of(cls, text: str) -> Plain:
        removed = [m.start() for m in INVISIBLE.finditer(text)]
        return cls(visible(text), removed, [offset - i for i, offset in enumerate(removed)])

    def outer(self, offset: int) -> int:
        """Original offset of the plain character at `offset`."""
        return offset + bisect_right(self.shifts, offset) if self.shifts else offset

    def inner(self, offset: int) -> int:
        """Plain offset of the original offset `offset`."""
        return offset - bisect_left(self.removed, offset)
