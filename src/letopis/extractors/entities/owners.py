"""Owner tails: an organisation and the genitive name after it are one organisation (`Государственного
банка` + `Пакистана` -> `Государственный банк Пакистана`)."""

from __future__ import annotations

from letopis.extractors.entities.records import Candidate
from letopis.extractors.entities.words import QUOTES, root
from letopis.nlp import Parsed


def with_owner_tails(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """`Государственного банка` + `Пакистана` -> one organisation `Государственный банк Пакистана`; a
    place in the tail stays a mention of that place too."""
    result: list[Candidate] = []
    places: list[Candidate] = []
    for cand in found:
        previous = result[-1] if result else None
        if previous is not None and previous.type == "ORG" and is_owner_tail(parsed, previous, cand):
            tail = parsed.visible(cand.start, cand.end)
            result[-1] = Candidate(
                "ORG",
                previous.first,
                cand.last,
                previous.start,
                cand.end,
                f"{previous.name} {tail}",
                None,
                previous.country or cand.country,
            )
            if cand.type == "LOC":
                places.append(cand)
        else:
            result.append(cand)
    return sorted(result + places, key=lambda c: (c.first, -c.last))


def is_owner_tail(parsed: Parsed, org: Candidate, tail: Candidate) -> bool:
    """Whether `tail`, right after the organisation `org`, names its owner: a place or organisation in
    the genitive that hangs from it (or any genitive place), or a place's abbreviation."""
    if tail.first != org.last or tail.type not in {"LOC", "ORG"}:
        return False
    if parsed.tokens[tail.first].sent != parsed.tokens[org.first].sent:
        return False  # a chain of owners stays in its sentence (or chunk of an over-long one)
    if parsed.tokens[org.last - 1].text in QUOTES.values():
        return False
    top = root(parsed, tail)
    abbreviation = tail.last - tail.first == 1 and top.text.isupper() and tail.place is not None
    return abbreviation or (top.case == "Gen" and (org.first <= top.head < org.last or tail.type == "LOC"))
