"""Normal forms of state bodies named by a country adjective (issue 13): the name a user searches for,
so that the store merges `российского МИДа` with `МИД России`. Sentences written for letopis in the
shapes the issue names."""

from __future__ import annotations

import pytest

from letopis.extractors.entities.state_bodies import country_genitive
from letopis.lexicon.names import genitive
from letopis.pipeline import extract

# (sentence, the organisation's name)
STATE_BODIES = [
    ("Представитель российского МИДа Мария Захарова заявила об этом в среду.", "МИД России"),
    ("Глава американского Минфина Джанет Йеллен прибыла в Пекин.", "Минфин США"),
    ("Сотрудники французского МВД задержали подозреваемого.", "МВД Франции"),
    ("Представитель южнокорейского Минобороны заявил о запуске ракеты.", "Минобороны Южной Кореи"),
]
# (sentence, a name that must stay as it is: no state body, or no country adjective)
KEPT = [
    ("Сотрудники российской компании «Яндекс» запустили сервис.", "Яндекс"),
    ("Глава МИД России Сергей Лавров прибыл в Анкару.", "МИД России"),
    ("Директор Центра стратегических исследований Иван Петров прибыл в Минск.", "Центр стратегических исследований"),
]


def test_the_centre_of_a_city_is_no_organisation() -> None:
    """`в центре Минска` is a part of the city, not a body named `центр Минска` (issue 12's class 5)."""
    entities = extract("Вчера в центре Минска прошла акция протеста.").entities
    assert [e.name for e in entities if e.type == "ORG" and "центр" in e.name.lower()] == []


@pytest.mark.parametrize(("text", "name"), STATE_BODIES + KEPT)
def test_state_body_named_by_a_country_adjective(text: str, name: str) -> None:
    assert name in {e.name for e in extract(text).entities if e.type == "ORG"}


@pytest.mark.parametrize(
    ("name", "form"),
    [("Россия", "России"), ("Франция", "Франции"), ("Южная Корея", "Южной Кореи"), ("США", "США"),
     ("Казахстан", "Казахстана")],
)  # fmt: skip
def test_genitive_keeps_each_words_shape(name: str, form: str) -> None:
    assert genitive(name) == form


def test_a_country_of_several_words_by_its_abbreviation() -> None:
    assert country_genitive("Соединенные Штаты") == "США"
    assert country_genitive("Северная Корея") == "КНДР"
    assert country_genitive("Германия") == "Германии"
