"""The attachment model (`letopis.learn`): pair features on a hand-built parse, the shipped model on real
sentences (the reference article of `samples/`, a sentence of the kind the model is for), and the model
file itself: small, plain data, read once, no scikit-learn at run time."""

from __future__ import annotations

import ast
import gzip
import json
from functools import cache

import numpy as np
import pytest
from numpy.typing import NDArray

from letopis.learn.attachment import MODEL, RELATIONS, from_json, load
from letopis.learn.features import Argument, Clusters, Kind, argument, bucket, features, head, path
from letopis.nlp import Parsed, Sentence, Token, pipeline
from letopis.read.text import parse_text

LAVROV = (
    "Министр иностранных дел России Сергей Лавров встретился в Москве 5 марта с главой МИД Турции Мевлютом Чавушоглу."
)
KISTAFIN = (
    "Посол Казахстана в Пакистане Ержан Кистафин совершил рабочую поездку в город Карачи - крупнейший по численности "
    "населения (30 миллионов человек) ведущий морской порт страны и седьмая агломерация в мире, сообщили в "
    "пресс-службе Министерства иностранных дел РК."
)
AHMAD = (
    "На встрече с председателем Государственного банка Пакистана Джамилем Ахмадом были рассмотрены вопросы развития "
    "связей в финансовом секторе, прежде всего между коммерческими банками двух стран."
)
NAKVI = (
    "На переговорах с комиссаром Карачи Саидом Хасаном Накви были обсуждены вопросы сотрудничества со столицей "
    "провинции Синд и налаживания взаимодействия на уровне городских властей."
)
MENTIONS: dict[str, list[tuple[str, Kind]]] = {
    LAVROV: [("Министр иностранных дел России", "PROF"), ("России", "LOC"), ("Сергей Лавров", "PER"),
             ("встретился", "EVENT"), ("Москве", "LOC"), ("5 марта", "DATE"), ("главой МИД Турции", "PROF"),
             ("МИД Турции", "ORG"), ("Турции", "LOC"), ("Мевлютом Чавушоглу", "PER")],
    KISTAFIN: [("Посол Казахстана в Пакистане", "PROF"), ("Казахстана", "LOC"), ("Пакистане", "LOC"),
               ("Ержан Кистафин", "PER"), ("поездку", "EVENT"), ("Карачи", "LOC"),
               ("Министерства иностранных дел РК", "ORG")],
    AHMAD: [("встрече", "EVENT"), ("председателем Государственного банка Пакистана", "PROF"),
            ("Государственного банка Пакистана", "ORG"), ("Пакистана", "LOC"), ("Джамилем Ахмадом", "PER")],
    NAKVI: [("переговорах", "EVENT"), ("комиссаром Карачи", "PROF"), ("Карачи", "LOC"), ("Синд", "LOC"),
            ("Саидом Хасаном Накви", "PER")],
}  # fmt: skip

# text, relation, anchor, the mention it should rank first
tests = [
    [LAVROV, "works_as", "Сергей Лавров", "Министр иностранных дел России"],
    [LAVROV, "works_as", "Мевлютом Чавушоглу", "главой МИД Турции"],
    [LAVROV, "workplace", "Сергей Лавров", "России"],
    [LAVROV, "workplace", "Мевлютом Чавушоглу", "МИД Турции"],
    [LAVROV, "event_agent", "встретился", "Сергей Лавров"],
    [LAVROV, "event_place", "встретился", "Москве"],
    [LAVROV, "event_time", "встретился", "5 марта"],
    [KISTAFIN, "works_as", "Ержан Кистафин", "Посол Казахстана в Пакистане"],
    [KISTAFIN, "event_agent", "поездку", "Ержан Кистафин"],
    [KISTAFIN, "event_place", "поездку", "Карачи"],
    [AHMAD, "works_as", "Джамилем Ахмадом", "председателем Государственного банка Пакистана"],
    [AHMAD, "workplace", "Джамилем Ахмадом", "Государственного банка Пакистана"],
    [NAKVI, "works_as", "Саидом Хасаном Накви", "комиссаром Карачи"],
    [NAKVI, "event_participant", "переговорах", "Саидом Хасаном Накви"],
]


@cache
def parse(text: str) -> tuple[Parsed, dict[str, Argument]]:
    parsed = pipeline().parse(parse_text(text, "test", "test"))
    found = {}
    for words, kind in MENTIONS[text]:
        start = text.index(words)
        mention = argument(parsed, start, start + len(words), kind)
        assert mention is not None
        found[words] = mention
    return parsed, found


@pytest.mark.parametrize("text,relation,anchor,expected", tests)
def test_the_model_ranks_the_slot_filler_first(text: str, relation: str, anchor: str, expected: str) -> None:
    parsed, mentions = parse(text)
    model = load()
    ranked = model.rank(relation, parsed, mentions[anchor], mentions.values())
    assert ranked[0][0] == mentions[expected]
    assert ranked[0][1] >= model.relations[relation].threshold


def test_lavrov_is_the_minister_far_above_every_other_pair() -> None:
    parsed, mentions = parse(LAVROV)
    model = load()
    persons = [m for m in mentions.values() if m.kind == "PER"]
    posts = [m for m in mentions.values() if m.kind == "PROF"]
    scores = {(p, q): model.probability("works_as", parsed, p, q, posts) for p in persons for q in posts}
    lavrov, minister = mentions["Сергей Лавров"], mentions["Министр иностранных дел России"]
    assert scores.pop((lavrov, minister)) > 0.8
    assert scores[mentions["Мевлютом Чавушоглу"], mentions["главой МИД Турции"]] > 0.8
    assert scores[lavrov, mentions["главой МИД Турции"]] < 0.2
    assert scores[mentions["Мевлютом Чавушоглу"], minister] < 0.2


def test_mentions_of_other_sentences_are_never_linked() -> None:
    text = "Сергей Лавров прилетел в Анкару. Министр обороны Турции встретил его."
    parsed = pipeline().parse(parse_text(text, "test", "test"))
    person, post = argument(parsed, 0, 13, "PER"), argument(parsed, 33, 55, "PROF")
    assert person is not None and post is not None
    assert load().probability("works_as", parsed, person, post) == 0.0
    assert load().rank("works_as", parsed, person, [post]) == []


def word(index: int, start: int, text: str, lemma: str, pos: str, head: int, rel: str, case: str = "") -> Token:
    feats = {"Case": case} if case else {}
    return Token(index, start, start + len(text), text, pos, feats, head, rel, 0, start, memo=lemma)


# `Лавров встретился в Москве`, parsed by hand
HAND = Parsed(
    "Лавров встретился в Москве",
    (
        word(0, 0, "Лавров", "лавров", "PROPN", 1, "nsubj", "Nom"),
        word(1, 7, "встретился", "встретиться", "VERB", -1, "root"),
        word(2, 18, "в", "в", "ADP", 3, "case"),
        word(3, 20, "Москве", "москва", "PROPN", 1, "obl", "Loc"),
    ),
    (Sentence(0, 0, 26, 0, 4, "body"),),
    (),
)


def vector(word: str) -> NDArray[np.float32] | None:
    return {"встретиться": np.array([1, 0], np.float32), "москва": np.array([0, 1], np.float32)}.get(word)


def test_features_of_a_hand_built_parse() -> None:
    clusters = Clusters(np.eye(2, dtype=np.float32), vector)
    event, place, person = Argument(range(1, 2), "EVENT"), Argument(range(3, 4), "LOC"), Argument(range(0, 1), "PER")
    found = set(features(HAND, event, place, [place], clusters))
    expected = {"path=vobl", "dir=after", "gap=1", "cprep=в", "ccase=Loc", "apos=VERB", "alemma=встретиться",
                "clause=same", "acluster=0", "ccluster=1", "rank=0", "cprep|ccase=в|Loc",
                "path|ckind=vobl|LOC"}  # fmt: skip
    assert expected <= found
    found = set(features(HAND, event, person, [person], clusters))
    assert {"path=vnsubj", "dir=before", "gap=0", "ccase=Nom", "cprep=-", "ccluster=-"} <= found


def test_heads_paths_and_buckets() -> None:
    assert head(HAND, range(2, 4)) == 3
    assert path(HAND, 0, 3) == (["^nsubj", "vobl"], 1)
    assert [bucket(n, (0, 1, 2, 3, 4, 6, 10, 20)) for n in (0, 3, 5, 9, 10, 40)] == ["0", "3", "4+", "6+", "10+", "20+"]


def test_the_model_file_is_small_plain_data_with_its_provenance() -> None:
    assert MODEL.stat().st_size < 20_000_000
    with gzip.open(MODEL, "rt", encoding="utf-8") as file:
        record = json.load(file)
    assert "NEREL v1.1 train" in record["provenance"] and "CC BY 4.0" in record["provenance"]
    assert set(record["relations"]) == set(RELATIONS)
    assert "NEREL v1.1 train" in (MODEL.parent / "README.md").read_text(encoding="utf-8")


def test_the_model_is_read_once() -> None:
    assert load() is load()


def test_a_model_of_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="feature version"):
        from_json({"format": "letopis attachment model", "features_version": -1})


def test_scoring_needs_no_scikit_learn() -> None:
    for source in MODEL.parent.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in imported if m.split(".")[0] in {"sklearn", "scipy"}}, source
