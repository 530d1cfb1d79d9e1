"""Appointments and posts stated by a predicate (issue 13): the subject of `возглавить`, `возглавлять`,
`руководить` heads the organisation the verb governs. Sentences written for letopis in the issue's shapes."""

from __future__ import annotations

import pytest

from letopis.pipeline import extract

# (sentence, person, organisation headed, or None when there must be no such role)
HEADING = [
    ("Иван Петров возглавит компанию «Роснефть».", "Иван Петров", "Роснефть"),
    ("В 2015 году Анна Смирнова возглавила Министерство культуры.", "Анна Смирнова", "Министерство культуры"),
    ("Петров возглавлял делегацию России на переговорах.", "Петров", None),  # a delegation is no workplace
    ("Путин возглавил список кандидатов.", "Путин", None),
]


@pytest.mark.parametrize(("text", "person", "organisation"), HEADING)
def test_the_subject_of_a_heading_verb_heads_what_it_governs(text: str, person: str, organisation: str | None) -> None:
    result = extract(text)
    names = {e.id: e.name for e in result.entities}
    jobs = [o for o in result.occupations if o.position == "глава" and names[o.person] == person]
    heads = {names[o.where] for o in jobs if o.where}
    assert heads == ({organisation} if organisation else set())
