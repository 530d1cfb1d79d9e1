"""Two titles before one name, each the name's (NEREL links both): a post with its complement and a rank or
title after it in the same case (`командующего силами США в Афганистане генерала Джона Аллена`), and a
post held, stated by a participle on the title the name is apposed to (`Министр финансов — Таро Асо,
занимавший пост премьер-министра Японии`). Sentences made up in the shapes of NEREL v1.1 train."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (failure, sentence, person, position, workplace: a rank shares the post's, extractors/roles/shared.py)
STACKED = [
    ("stacked_title_after_a_place_in_the_locative",
     "Следователи сняли подозрения с командующего силами США в Афганистане генерала Джона Аллена.",
     "Джон Аллен", "командующий", "Соединенные Штаты"),
    ("stacked_title_after_a_place_in_the_locative_rank",
     "Следователи сняли подозрения с командующего силами США в Афганистане генерала Джона Аллена.",
     "Джон Аллен", "генерал", "Соединенные Штаты"),
    ("stacked_title_after_an_instrumental_complement",
     "Трибунал предъявил обвинения бывшему командующему армией боснийских сербов генералу Ратко Младичу.",
     "Ратко Младич", "бывший командующий", "Босния и Герцеговина"),
    ("title_class_word_nearest_the_name_is_a_role_too",
     "Эмир Катара шейх Хамад бен Халиф Аль Тани встретится с членами королевской семьи.",
     "Хамад бен Халиф Аль Тани", "шейх", "Катар"),
    ("title_class_word_nearest_the_name_keeps_the_post_before_it",
     "Эмир Катара шейх Хамад бен Халиф Аль Тани встретится с членами королевской семьи.",
     "Хамад бен Халиф Аль Тани", "эмир", "Катар"),
    ("stacked_title_after_a_quoted_name",
     "Генеральный директор компании «Яндекс» бизнесмен Аркадий Волож прибыл в Москву.",
     "Аркадий Волож", "генеральный директор", "Яндекс"),
    ("post_held_by_a_participle_on_the_apposed_title",
     "Министр финансов — 72-х летний Таро Асо, занимавший пост премьер-министра Японии от ЛДП в 2008—2009 годах.",
     "Таро Асо", "премьер-министр", "Япония"),
]  # fmt: skip

# (sentence, person, a position that is not theirs)
NOT_STACKED = [
    ("a_post_in_another_case_is_not_stacked", "Премьер-министр Израиля встретился с генералом Иваном Петровым.",
     "Иван Петров", "премьер-министр"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), [pytest.param(*r[1:], id=r[0]) for r in STACKED])
def test_each_title_before_a_name_is_a_role(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))


@pytest.mark.parametrize(("text", "person", "position"), [pytest.param(*r[1:], id=r[0]) for r in NOT_STACKED])
def test_a_title_of_another_phrase_is_not_stacked(text: str, person: str, position: str) -> None:
    assert all((p, t) != (person, position) for p, t, _ in jobs(extract(text)))
