"""A position restated by a role phrase in a sentence that names its holder is an occupation of its own
(extractors/roles/restated.py; issue 13, role phrases per mention: NEREL links every profession mention to
the person it names). Sentences made up for letopis in the shapes NEREL v1.1 train links; factRuEval states
a fact once per document, so its scorer groups the restated role with the role it restates."""

from __future__ import annotations

import pytest

import letopis.extractors.roles.restated as restated
from letopis.evaluate.factru import document_facts
from letopis.model import Extraction
from letopis.pipeline import extract

# (text, person, position, workplace or None, the role phrase that restates it)
RESTATED = [
    ("Министр финансов Иван Петров прибыл в Москву. Петров заявил, что министр не уйдёт в отставку.",
     "Иван Петров", "министр финансов", None, "министр"),
    ("Мэр Тулы Иван Петров ушёл в отставку. После разговора с Иваном Петровым журналисты сообщили, что экс-мэр "
     "собирается подать в суд.", "Иван Петров", "мэр", "Тула", "экс-мэр"),
    ("Президент Ардении Иван Петров болен. Сторонников Петрова призвали выйти на улицы, чтобы поддержать "
     "президента.", "Иван Петров", "президент", "Ардении", "президента"),
]  # fmt: skip

# (text, person, position, the role phrase that restates it): the subject of the sentence after one whose
# subject is the person (or of the sentence after the next, when that names no one)
CONTINUED = [
    ("Президент Ардении Иван Петров болен. Петров подтвердил слухи. Президент объявил об этом в воскресенье.",
     "Иван Петров", "президент", "Президент"),
    # two sentences back, when the sentence between names no one
    ("Президент Ардении Иван Петров болен. Петров подтвердил слухи. Об этом сообщили журналисты. Президент "
     "объявил об этом в воскресенье.", "Иван Петров", "президент", "Президент"),
]  # fmt: skip

# (text, person, position): the phrase is in a sentence that does not name the person, nor the subject
# after one whose subject is the person
NOT_RESTATED = [
    ("Министр финансов Иван Петров прибыл в Москву. Министр проведёт переговоры.", "Иван Петров", "министр финансов"),
    # the person is not the subject of the sentence before
    ("Журналисты спросили министра финансов Ивана Петрова об отставке. Министр ничего не ответил.", "Иван Петров",
     "министр финансов"),
    # the sentence between names another person
    ("Министр финансов Ардении Иван Петров болен. Петров подтвердил слухи. Олег Смирнов опроверг их. Министр "
     "объявил об этом в воскресенье.", "Иван Петров", "министр финансов"),
]  # fmt: skip


def statements(result: Extraction, person: str, position: str) -> list[tuple[str | None, str]]:
    names = {e.id: e.name for e in result.entities}
    return [(names[o.where] if o.where else None, o.evidence.text) for o in result.occupations
            if names[o.person] == person and o.position == position]  # fmt: skip


@pytest.mark.parametrize(("text", "person", "position", "where", "phrase"), RESTATED)
def test_a_role_phrase_beside_the_name_restates_the_role(
    text: str, person: str, position: str, where: str | None, phrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = extract(text)
    assert (where, phrase) in statements(result, person, position)
    assert len(statements(result, person, position)) == 2
    assert len(document_facts(result, placed=False)) == 1  # factRuEval: one fact per person, position, place
    monkeypatch.setattr(restated, "RESTATES", 1.01)
    assert len(statements(extract(text), person, position)) == 1


@pytest.mark.parametrize(("text", "person", "position", "phrase"), CONTINUED)
def test_a_role_phrase_that_continues_the_subject_restates_the_role(
    text: str, person: str, position: str, phrase: str
) -> None:
    assert phrase in [evidence for _, evidence in statements(extract(text), person, position)]


@pytest.mark.parametrize(("text", "person", "position"), NOT_RESTATED)
def test_a_role_phrase_elsewhere_restates_nothing(text: str, person: str, position: str) -> None:
    assert len(statements(extract(text), person, position)) == 1
