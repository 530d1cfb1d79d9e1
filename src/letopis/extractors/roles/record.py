"""The record the role rules give: one person holding one position, with where it is held."""

from __future__ import annotations

from dataclasses import dataclass

from letopis.extractors.entities import Cluster
from letopis.lexicon import role_aliases
from letopis.model import Span


@dataclass(frozen=True, slots=True)
class Role:
    """`person` holds `position` (`генеральный директор`, the whole title) in `where`, for an envoy
    accredited to `accredited_to`. `position_word` is the word of positions.tsv the title is built on
    (`директор`) and `position_index` the index of its token; `nouns` are the lemmas of the words after
    it up to the name (`правительства` in `глава правительства`). `where_from` tells a place stated in
    the text (`text`) from one the document gives (`document`)."""

    person: Cluster
    position: str
    position_word: str
    where: Cluster | None
    accredited_to: Cluster | None
    evidence: Span
    position_index: int
    nouns: tuple[str, ...]
    where_from: str = "text"

    @property
    def kind(self) -> str:
        """The position this role stands for, for matching role phrases: `премьер` and `глава
        правительства` -> `премьер-министр`."""
        return canonical(self.position_word, list(self.nouns))


def canonical(position_word: str, nouns: list[str]) -> str:
    """The position a position word with the nouns after it stands for (role_aliases.tsv): `глава` +
    `правительства` -> `премьер-министр`; the word itself when no alias fits."""
    aliases = role_aliases()
    found = next((aliases[(position_word, n)] for n in nouns if (position_word, n) in aliases), None)
    return found or aliases.get((position_word, "-"), position_word)
