"""Appointments and departures stated by a noun or by a post left (issue 13, `назначен куратором`,
`доверил пост руководителя`): the person in the genitive of a noun of appointment or leaving holds the
position it names (`о назначении Тома Петрова советником`, `о снятии Зюганова с поста лидера КПРФ`), and the
subject of any verb a post left hangs on held it (`отправлен в отставку с должности`, `подал в отставку с
поста`). Sentences made up for letopis in the shapes of NEREL v1.1 train."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, person, position, workplace or None)
NOMINAL = [
    ("Президент объявил о назначении Тома Петрова советником по национальной безопасности.", "Том Петров",
     "советник", None),
    ("Петиция о снятии Ивана Сидорова с поста лидера КПРФ появилась в сети.", "Иван Сидоров", "лидер", "КПРФ"),
    ("Россия поддержала назначение Антона Гусева на пост генсека ООН.", "Антон Гусев", "генсек", "ООН"),
    ("Источник сообщил об отставке Олега Смирнова с поста губернатора Тверской области.", "Олег Смирнов",
     "губернатор", "Тверская область"),
    ("После избрания Петра Иванова мэром Казани город изменился.", "Петр Иванов", "мэр", "Казань"),
    ("Анна Петрова отправлена в отставку с должности министра финансов Литвы.", "Анна Петрова",
     "министр финансов", "Литва"),
    ("Вчера Иван Петров, который подал в отставку с поста главного тренера «Зенита», уехал в Москву.",
     "Иван Петров", "главный тренер", "Зенит"),
]  # fmt: skip

# (sentence, person, a position that is not theirs)
NOT_NOMINAL = [
    ("Партия поддержала выдвижение Ивана Петрова на пост президента.", "Иван Петров", "президент"),
    ("Иван Петров потребовал отставки министра финансов.", "Иван Петров", "министр финансов"),
    ("Иван Петров снял Олега Смирнова с поста губернатора.", "Иван Петров", "губернатор"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), NOMINAL)
def test_a_position_of_an_appointment_or_departure(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))


@pytest.mark.parametrize(("text", "person", "position"), NOT_NOMINAL)
def test_a_post_sought_or_taken_from_another_is_not_held(text: str, person: str, position: str) -> None:
    assert not any(p == person and title == position for p, title, _ in jobs(extract(text)))
