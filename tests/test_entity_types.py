"""Entity types NER gets wrong and the text itself corrects (issue 12's class 5: a person tagged a place is
lost as a party). Candidates made up for letopis."""

from __future__ import annotations

from letopis.extractors.entities.finder import persons_as_places
from letopis.extractors.entities.records import Candidate
from letopis.lexicon.gazetteer import gazetteer
from letopis.model import EntityType


def mention(type: EntityType, name: str, first: int) -> Candidate:
    return Candidate(type, first, first + 2, first * 10, first * 10 + 12, name)


def test_a_place_no_gazetteer_knows_named_as_a_person_elsewhere_is_that_person() -> None:
    found = [mention("PER", "Исам Шараф", 0), mention("LOC", "Исам Шараф", 5), mention("LOC", "Каир", 9)]
    found[2].place = gazetteer().place("Каир")
    assert [c.type for c in persons_as_places(found)] == ["PER", "PER", "LOC"]


def test_a_surname_alone_does_not_turn_a_place_into_a_person() -> None:
    found = [mention("PER", "Вашингтон", 0), mention("LOC", "Вашингтон", 5)]
    assert [c.type for c in persons_as_places(found)] == ["PER", "LOC"]
