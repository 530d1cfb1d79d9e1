"""The role rules' pure parts, table by table: the position a phrase stands for, the descriptor nouns,
the latest mention before a token and who holds what. None of these loads natasha."""

from __future__ import annotations

import pytest

from letopis.extractors.entities import Candidate, Cluster
from letopis.extractors.roles import Role
from letopis.extractors.roles.anaphora import Holders
from letopis.extractors.roles.context import latest_by_end
from letopis.extractors.roles.offices import may_hold
from letopis.extractors.roles.places import descriptors
from letopis.extractors.roles.record import canonical
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import EntityType, Span


@pytest.mark.parametrize(
    ("position_word", "nouns", "expected"),
    [
        ("глава", ["правительство"], "премьер-министр"),  # `глава правительства`
        ("глава", ["израильский", "правительство"], "премьер-министр"),
        ("глава", ["дипмиссия"], "посол"),
        ("премьер", [], "премьер-министр"),  # the word alone (`-` in role_aliases.tsv)
        ("глава", ["карачи"], "глава"),  # no alias: the word itself
        ("посол", ["казахстан"], "посол"),
    ],
)
def test_canonical(position_word: str, nouns: list[str], expected: str) -> None:
    assert canonical(position_word, nouns) == expected


@pytest.mark.parametrize(
    ("word", "describes"),
    [
        ("партия", True),  # organisation word
        ("концерн", True),
        ("область", True),  # place_descriptor
        ("республика", True),
        ("армия", False),  # not_descriptor: `генерал армии` is a rank
        ("посол", False),
    ],
)
def test_descriptors(word: str, describes: bool) -> None:
    assert (word in descriptors()) is describes


def entity(type: EntityType, first: int, name: str) -> Cluster:
    place = gazetteer().place(name) if type == "LOC" else None
    return Cluster(type, [Candidate(type, first, first + 1, first * 10, first * 10 + 5, name, place)])


def test_latest_by_end() -> None:
    """For each end, in increasing order, the mention that starts last among those ending there or
    before; of two that start together, the one found first."""
    a, b, c = entity("ORG", 0, "A"), entity("ORG", 5, "B"), entity("ORG", 2, "C")
    ends, latest = latest_by_end([(9, 5, 0, b), (3, 0, 0, a), (12, 2, -1, c), (12, 2, -2, a)])
    assert ends == [3, 9, 12, 12]
    assert [item for _, _, item in latest] == [a, b, b, b]


def role(person: Cluster, position_word: str, where: Cluster | None, nouns: tuple[str, ...] = ()) -> Role:
    return Role(person, position_word, position_word, where, None, Span(0, 1, "x"), 0, nouns)


def test_holders_tell_one_person_from_several() -> None:
    obama, putin, medvedev = entity("PER", 1, "Обама"), entity("PER", 2, "Путин"), entity("PER", 3, "Медведев")
    usa, russia = entity("LOC", 4, "США"), entity("LOC", 5, "Россия")
    holders = Holders([role(obama, "президент", usa), role(putin, "президент", russia)])
    assert holders.one(("kind-where", "президент", id(usa))) is obama
    assert holders.one(("kind", "президент")) is None  # two presidents: no one
    assert holders.one(("kind-country", "президент", "RUS")) is putin
    holders.add(role(medvedev, "глава", russia, ("правительство",)))  # `глава правительства`: a prime minister
    assert holders.one(("kind", "премьер-министр")) is medvedev


@pytest.mark.parametrize(
    ("held_in", "kind", "place", "expected"),
    [
        ("США", "президент", "США", True),  # the same post in the same place
        (None, "президент", "США", True),  # `Президент Саркози` ... `президент Франции`: held with no place
        ("США", "президент", None, False),  # held in a place: a phrase with none is no sign of it
        ("США", "мэр", "США", False),  # another post in the same place
        ("США", "глава", "США", True),  # a generic chief of the same place
    ],
)
def test_may_hold(held_in: str | None, kind: str, place: str | None, expected: bool) -> None:
    usa = entity("LOC", 4, "США")
    holders = Holders([role(entity("PER", 1, "Обама"), "президент", usa if held_in else None)])
    assert may_hold(holders, kind, usa if place else None) is expected
