"""The writer of the official factRuEval Track 3 responses, without the benchmark's scorer: the facts a
real extraction gives, the table the scorer prints, the devset halves."""

from __future__ import annotations

from pathlib import Path

import pytest

from letopis.evaluate.official import half, parse_table, position_text, task3
from letopis.model import Occupation, Span
from letopis.pipeline import extract

DEVSET = Path(__file__).parent / "data" / "factRuEval-2016" / "devset"

# The table t3_eval.py prints (format of its Metrics.toLine), as in the benchmark's sample report.
TABLE = """Running evaluation, this might take a while...
TAG             P        R        F1       TP1      TP2      In Std.  In Test.
ownership         1.0000   0.2941   0.4545     5.00     5.00       17        5
occupation        0.6594   0.6460   0.6526   116.28   120.00      180      182
meeting           0.2083   0.5333   0.3000     2.67     3.33        5       16
deal              1.0000   0.0000   0.0000     0.00     0.00       29        0
overall           0.6322   0.5366   0.5805   123.95   128.33      231      203
"""


def test_the_scorers_table_is_read_by_tag() -> None:
    rows = parse_table(TABLE)
    assert rows["occupation"].f1 == pytest.approx(0.6526)
    assert (rows["occupation"].in_gold, rows["occupation"].in_response) == (180, 182)
    assert set(rows) == {"ownership", "occupation", "meeting", "deal", "overall"}


def test_a_failed_run_is_an_error() -> None:
    with pytest.raises(ValueError, match="no result table"):
        parse_table("Traceback (most recent call last):")


@pytest.mark.parametrize(
    ("evidence", "position", "written"),
    [
        ("председателем Государственного банка Пакистана Джамилем Ахмадом", "председатель", "председателем"),
        ("Посол Казахстана в Пакистане Ержан Кистафин", "посол", "Посол"),
        ("заместителем министра иностранных дел Грузии Александром Налбандовым", "заместитель министра",
         "заместителем министра"),
    ],
)
def test_the_position_is_written_as_the_text_words_it(evidence: str, position: str, written: str) -> None:
    job = Occupation(person="e1", position=position, where=None, accredited_to=None, evidence=Span(0, 1, evidence))
    assert position_text(job) == written


def test_occupations_and_meetings_of_a_real_text() -> None:
    text = "Президент России Дмитрий Медведев встретился в Кремле с президентом Франции Николя Саркози."
    facts = [block.splitlines() for block in task3(extract(text)).strip().split("\n\n")]
    assert ["Occupation", "Who : Дмитрий Медведев", "Position : Президент", "Where : России"] in facts
    assert ["Occupation", "Who : Николя Саркози", "Position : президентом", "Where : Франции"] in facts
    assert ["Meeting", "Participant : Дмитрий Медведев", "Participant : Николя Саркози"] in facts


def test_an_occupation_with_no_workplace_is_no_fact() -> None:
    """factRuEval's Occupation is a person at an organisation or place (206 of the devset's 207 facts have
    a `Where`): a bare profession (`певец Адриано Челентано`) is not written."""
    text = "Вчера певец Адриано Челентано встретился с министром финансов Италии Джулио Тремонти."
    written = task3(extract(text))
    assert "Who : Джулио Тремонти" in written
    assert "Who : Адриано Челентано" not in written


def test_the_halves_split_the_bundled_devset_once() -> None:
    names = [p.stem for p in DEVSET.glob("*.txt")]
    tune = [n for n in names if half(n) == "tune"]
    check = [n for n in names if half(n) == "check"]
    assert (len(tune), len(check)) == (59, 63)


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("Премьер-министр Японии Наото Кан прибыл с визитом в США.", None),
        (
            "Президент США Барак Обама принял в Белом доме президента Франции Николя Саркози.",
            ["Meeting", "Participant : Барак Обама", "Participant : Николя Саркози"],
        ),
    ],
)
def test_a_place_visited_is_no_participant_of_a_meeting(text: str, meeting: list[str] | None) -> None:
    """factRuEval's Meeting is people or organisations meeting: a visit to a country (PLOVER's CONSULT
    visit, the country its host) is no meeting, a visit its host receives is one."""
    facts = [block.splitlines() for block in task3(extract(text)).strip().split("\n\n")]
    meetings = [f for f in facts if f[0] == "Meeting"]
    assert meetings == ([meeting] if meeting else [])
