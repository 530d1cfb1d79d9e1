"""The titles of one person in one sentence share a workplace (`src/letopis/extractors/roles/shared.py`):
a rank stacked on a post serves where the post is held. Sentences made up in the shapes of NEREL v1.1
train, which links a person's profession to the person's workplace nearest it."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (failure, sentence, person, position, workplace)
SHARED = [
    ("rank_after_a_deputy_of_a_commander_in_chief",
     "Из армии уволен первый замглавнокомандующего Сухопутными войсками генерал-лейтенант Сергей Скоков.",
     "Сергей Скоков", "генерал-лейтенант", "Сухопутные войска"),
    ("rank_after_a_deputy_of_an_air_force_commander",
     "Заместитель главнокомандующего ВВС генерал-лейтенант Сергей Разыграев уволен.",
     "Сергей Разыграев", "генерал-лейтенант", "ВВС"),
    ("another_persons_workplace_is_not_shared",
     "Министр обороны России Сергей Шойгу и генерал Иван Петров прибыли в Сирию.",
     "Иван Петров", "генерал", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), [pytest.param(*r[1:], id=r[0]) for r in SHARED])
def test_titles_of_one_person_share_a_workplace(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))
