"""The quality gate: letopis scored on the bundled factRuEval-2016 devset must stay at or above the
floors in tests/quality_floors.json; and the scorers on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.evaluate import factru
from letopis.evaluate.nerel import evaluate as evaluate_nerel
from letopis.evaluate.score import Report, Score, filter_overlapping, predicted_spans, score_ner
from letopis.pipeline import extract

ROOT = Path(__file__).parent
DEVSET = ROOT / "data" / "factRuEval-2016" / "devset"
FLOORS = json.loads((ROOT / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def devset() -> Report:
    report = Report()
    factru.evaluate(DEVSET, report)
    return report


@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS["factru"].items()))
def test_devset_stays_above_floor(devset: Report, measure: str, floor: float) -> None:
    assert devset.scores[measure].f1 >= floor, (measure, devset.scores[measure].to_json())


@pytest.mark.parametrize(("measure", "floor"), sorted(FLOORS["factru_recall"].items()))
def test_devset_recall_stays_above_floor(devset: Report, measure: str, floor: float) -> None:
    assert devset.scores[measure].recall >= floor, (measure, devset.scores[measure].to_json())


def test_devset_is_whole(devset: Report) -> None:
    assert devset.scores["ner.PER"].gold == 1257
    assert devset.scores["fact.Occupation"].gold == 207  # 211 annotated, 4 of them twice
    assert devset.scores["fact.Meeting"].gold == 5


def test_gold_reading_follows_naeval() -> None:
    gold = factru.load(DEVSET / "book_100.txt")
    assert gold.text[37:43] == "Москвы"
    assert (37, 43, "LOC") in gold.ner
    occupations = [f for f in gold.facts if f.type == "Occupation"]
    assert len(occupations) == 5
    assert {"Who", "Position", "Where"} <= set(occupations[0].slots)


def test_token_level_scoring() -> None:
    text = "Мэр Москвы Сергей Собянин посетил Тверь."
    gold = [(4, 10, "LOC"), (11, 25, "PER"), (34, 39, "LOC")]
    pred = [(4, 10, "ORG"), (11, 25, "PER"), (34, 39, "LOC")]
    report = Report()
    score_ner(text, gold, pred, report, "case")
    assert report.scores["ner.PER"].f1 == 1.0
    assert (report.scores["ner.LOC"].precision, report.scores["ner.LOC"].recall) == (1.0, 0.5)
    assert report.scores["ner.ORG"].precision == 0.0
    assert any("FN LOC" in e and "[Москвы]" in e for e in report.errors)


def test_factru_cuts_an_owner_place_but_not_a_complement() -> None:
    """factRuEval annotates `министерстве обороны` apart from its owner `Венесуэлы`, but `МВД по Башкирии`
    whole (sentences from NEREL train)."""
    owner = "Перестановки в министерстве обороны Венесуэлы были ожидаемы."
    branch = "Так же, как помог ранее экс-главе МВД по Башкирии Рафаилу Диваеву."
    for text, organisation in ((owner, "министерстве обороны"), (branch, "МВД по Башкирии")):
        orgs = [text[s:e] for s, e, type in predicted_spans(extract(text)) if type == "ORG"]
        assert orgs == [organisation]


def test_overlapping_spans_keep_the_first_longest() -> None:
    assert filter_overlapping([(0, 10, "ORG"), (4, 10, "LOC"), (11, 15, "PER")]) == [(0, 10, "ORG"), (11, 15, "PER")]


def test_partial_credit() -> None:
    score = Score(correct_pred=1.5, pred=2, correct_gold=1.5, gold=3)
    assert (score.precision, score.recall) == (0.75, 0.5)
    assert round(score.f1, 4) == 0.6


def test_nerel_reader_and_scorer(tmp_path: Path) -> None:
    text = "Президент России Владимир Путин провел переговоры с канцлером Германии Олафом Шольцем."
    (tmp_path / "1.txt").write_text(text, encoding="utf-8")
    ann = [
        "T1\tPROFESSION 0 9\tПрезидент",
        "T2\tCOUNTRY 10 16\tРоссии",
        "T3\tPERSON 17 31\tВладимир Путин",
        "T4\tEVENT 32 49\tпровел переговоры",
        "T5\tPROFESSION 52 61\tканцлером",
        "T6\tCOUNTRY 62 70\tГермании",
        "T7\tPERSON 71 85\tОлафом Шольцем",
        "R1\tWORKS_AS Arg1:T3 Arg2:T1",
        "R2\tWORKPLACE Arg1:T3 Arg2:T2",
        "R3\tAGENT Arg1:T3 Arg2:T4",
        "R4\tPARTICIPANT_IN Arg1:T7 Arg2:T4",
    ]
    (tmp_path / "1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    report = Report()
    evaluate_nerel(tmp_path, report)
    assert report.scores["ner.PER"].f1 == 1.0
    assert report.scores["occupation.triple"].recall == 1.0
    assert report.scores["event.detected"].recall == 1.0
    assert report.scores["event.participants"].recall == 1.0



def test_a_founder_is_no_nerel_triple(tmp_path: Path) -> None:
    """NEREL states a founder as FOUNDED_BY, never as a PROFESSION a person WORKS_AS: an owner's
    occupation (`основатель компании`) is not submitted as a triple."""
    text = "Основатель компании «Вектор» Иван Петров и директор завода Олег Смирнов встретились."
    (tmp_path / "1.txt").write_text(text, encoding="utf-8")
    ann = ["T1\tPERSON 29 40\tИван Петров", "T2\tPROFESSION 43 51\tдиректор", "T3\tPERSON 59 71\tОлег Смирнов",
           "R1\tWORKS_AS Arg1:T3 Arg2:T2"]  # fmt: skip
    (tmp_path / "1.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    report = Report()
    evaluate_nerel(tmp_path, report)
    assert [o.position for o in extract(text).occupations] == ["основатель", "директор"]
    assert report.scores["occupation.triple"].pred == 1

def test_an_occupation_stated_again_is_one_fact(tmp_path: Path) -> None:
    """factRuEval states `Янукович - президент Украины` once in book_142, which names him president five
    times: the five occupations are submitted as one fact, which earns its best member's credit."""
    for suffix in (".txt", ".spans", ".objects", ".coref", ".facts", ".tokens"):
        source = DEVSET / f"book_142{suffix}"
        (tmp_path / source.name).write_bytes(source.read_bytes())
    report = Report()
    factru.evaluate(tmp_path, report)
    gold = factru.load(tmp_path / "book_142.txt")
    result = extract(gold.text)
    placed = [o for o in result.occupations if o.where is not None]
    groups = factru.document_facts(result, placed=True)
    yanukovych = [g for g in groups if result.entity(result.occupations[g[0]].person).name == "Виктор Янукович"]
    assert [len(g) for g in yanukovych] == [5]
    assert report.scores["fact.Occupation"].pred == len(groups) < len(placed)


def test_an_owner_is_no_occupation_fact() -> None:
    """factRuEval states a founder or owner as Ownership: `основатель компании Apple` is extracted as an
    occupation but not submitted as an Occupation fact; the CEO is (sentences from NEREL train)."""
    result = extract(
        "Основатель компании Apple Стив Джобс, скончавшийся в США 5 октября будет похоронен по буддистским "
        "обрядам. На посту генерального директора Apple его сменит Тим Кук."
    )
    jobs = {(result.entity(o.person).name, o.position) for o in result.occupations}
    assert jobs >= {("Стив Джобс", "основатель"), ("Тим Кук", "генеральный директор")}
    submitted = [result.occupations[g[0]].position for g in factru.document_facts(result, placed=True)]
    assert submitted == ["генеральный директор"]


def test_eval_cli_prints_table_errors_and_json(tmp_path: Path) -> None:
    folder = tmp_path / "devset"
    folder.mkdir()
    for suffix in (".txt", ".spans", ".objects", ".coref", ".facts", ".tokens"):
        source = DEVSET / f"book_100{suffix}"
        (folder / source.name).write_bytes(source.read_bytes())
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", "factru", str(folder), "--errors", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "ner.PER" in result.stdout and "best of factRuEval-2016: 0.662" in result.stdout
    assert " FN " in result.stdout or " FP " in result.stdout
    assert set(json.loads(out.read_text(encoding="utf-8"))["scores"]) >= {"ner.PER", "fact.Occupation"}
