"""Positions predicated of a person in the shapes issue 13 lists beside the patterns (`станет руководителем`,
`назначен куратором`): a position after the compound preposition `в качестве` and a post left in either
aspect (`уходит в отставку с поста`, `покидает должность`). Sentences made up for letopis."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract
from tests.occupations import jobs

# (sentence, person, position, workplace or None)
PREDICATED = [
    ("Олег Смирнов продолжит работу в качестве главного тренера «Спартака».", "Олег Смирнов", "главный тренер",
     "Спартак"),
    ("Анна Петрова пришла в компанию в качестве юриста.", "Анна Петрова", "юрист", None),
    ("Иван Петров выступил на форуме в качестве министра финансов России.", "Иван Петров", "министр финансов",
     "Россия"),
    ("Петр Иванов уходит в отставку с поста исполнительного директора компании Apple.", "Петр Иванов",
     "исполнительный директор", "Apple"),
    ("Олег Смирнов покидает должность губернатора Тверской области.", "Олег Смирнов", "губернатор",
     "Тверская область"),
    # positions coordinated with a predicated one (issue 13, a second profession of a person who has one)
    ("Эхуд Барак ранее был начальником Генштаба, главой МВД Израиля и министром обороны.", "Эхуд Барак", "глава",
     "МВД Израиля"),
    ("Анна Петрова тринадцать лет работала в Google инженером, дизайнером и менеджером.", "Анна Петрова",
     "дизайнер", None),
    # the subject a title stacked on the name's title (`командующий ... генерал-полковник X`), a verb of
    # becoming under another (`может стать`), a post held beside another (`совмещает должность`)
    ("Новым главкомом Военно-морского флота назначен командующий войсками Уральского военного округа "
     "генерал-полковник Иван Сидоров.", "Иван Сидоров", "главком", "Военно-морской флот"),
    ("Новым главой «Лукойла» может стать член правления «Роснефти» Олег Смирнов.", "Олег Смирнов", "глава",
     "Лукойл"),
    ("Иван Петров совмещает должность вице-спикера и руководителя фракции «Единой России».", "Иван Петров",
     "руководитель", "Единая Россия"),
    ("В Мадриде Петр Сидоров трудился официантом, разносчиком пиццы, сборщиком макулатуры.", "Петр Сидоров",
     "официант", None),
    ("Олег Смирнов родился в Туле и в 1994 году стал мэром Калуги.", "Олег Смирнов", "мэр", "Калуга"),
    ("Иван Петров считается лучшим вратарём «Зенита».", "Иван Петров", "вратарь", "Зенит"),
]  # fmt: skip

# (sentence, person, a position that is not theirs)
NOT_PREDICATED = [
    ("Иван Петров пригласил Олега Смирнова в качестве юриста.", "Иван Петров", "юрист"),
    ("Иван Петров работал инженером, а его брат Олег Петров стал министром финансов.", "Иван Петров",
     "министр финансов"),
    ("Иван Петров попросил Олега Смирнова стать министром финансов.", "Иван Петров", "министр финансов"),
    ("Олег Смирнов хочет стать мэром Киева.", "Олег Смирнов", "мэр"),
    ("Олег Смирнов приехал в Тулу, и его брат стал мэром города.", "Олег Смирнов", "мэр"),
    # factRuEval devset book_394: the parse hangs the capacity on the first verb
    ("Илюмжинов перевёл штаб-квартиру ФИДЕ в Афины и в его команду, в качестве первого заместителя, входит "
     "Георгиос Макрополус.", "Илюмжинов", "первый заместитель"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where"), PREDICATED)
def test_a_position_predicated_of_the_subject(text: str, person: str, position: str, where: str | None) -> None:
    assert (person, position, where) in jobs(extract(text))


@pytest.mark.parametrize(("text", "person", "position"), NOT_PREDICATED)
def test_a_position_of_the_object_is_not_the_subjects(text: str, person: str, position: str) -> None:
    assert not any(p == person and title == position for p, title, _ in jobs(extract(text)))
