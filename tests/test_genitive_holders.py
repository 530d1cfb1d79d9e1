"""A title on a title (`заместитель министра`) and a name after it: the name in the genitive is the holder
of the inner title, not of the outer one, when the outer one is in another case (`заместитель министра
обороны Сергея Иванова`: Иванов is the minister, his deputy is not named). Sentences made up for letopis."""

from __future__ import annotations

import pytest

from letopis.model import Extraction
from letopis.pipeline import extract

# (sentence, person, their position, a position that is not theirs)
HOLDERS = [
    ("Письмо направил заместитель министра обороны Сергея Иванова.", "Сергей Иванов", "министр обороны",
     "заместитель министра обороны"),
    ("Документ подписан заместителем главы МВД Олега Смирнова.", "Олег Смирнов", "глава", "заместитель главы"),
    ("Письмо направил заместитель министра обороны Сергей Иванов.", "Сергей Иванов", "заместитель министра обороны",
     "министр обороны"),
    ("Письмо пришло от заместителя министра обороны Сергея Иванова.", "Сергей Иванов",
     "заместитель министра обороны", "министр обороны"),
    ("Президент назначил заместителя министра иностранных дел Сергея Иванова послом в Японии.", "Сергей Иванов",
     "заместитель министра иностранных дел", "министр иностранных дел"),
]  # fmt: skip


def jobs(result: Extraction) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {(names[o.person], o.position) for o in result.occupations}


@pytest.mark.parametrize(("text", "person", "position", "not_theirs"), HOLDERS)
def test_a_genitive_name_holds_the_inner_title(text: str, person: str, position: str, not_theirs: str) -> None:
    found = jobs(extract(text))
    assert (person, position) in found
    assert (person, not_theirs) not in found
