"""The Python faces for analysts (issue 17): the output contract as a dict and a JSON string, DataFrames
of an extraction and of the store's queries, the filters in the forms users type, the version, and
what a notebook shows."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

import letopis
from letopis.markup import COLOURS, Events
from letopis.model import Document, Entity, Event, Extraction, Mention, Span
from letopis.pipeline import extract_paths
from letopis.store import Store

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"
CSS = ROOT / "src" / "letopis" / "web" / "static" / "letopis.css"


@pytest.fixture(scope="module")
def sample() -> Extraction:
    [found] = extract_paths([SAMPLES])
    assert isinstance(found, Extraction)
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, sample: Extraction) -> Path:
    """A corpus of `samples/` only."""
    path = tmp_path_factory.mktemp("faces") / "corpus.duckdb"
    with Store(path, write=True) as store:
        store.ingest([sample])
    return path


def test_to_json_is_a_string_of_to_dict(sample: Extraction) -> None:
    text = sample.to_json()
    assert isinstance(text, str)
    assert "Ержан Кистафин" in text  # Cyrillic as it is, not \u escapes
    assert json.loads(text) == json.loads(json.dumps(sample.to_dict()))
    assert json.loads(sample.to_json(indent=2)) == json.loads(text)


def test_the_version_is_the_package_metadata() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert letopis.__version__ == re.search(r'^version = "(.+)"$', pyproject, re.M).group(1)  # type: ignore[union-attr]


def test_importing_letopis_needs_no_pandas() -> None:
    code = "import sys, letopis, letopis.store, letopis.model; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_frame_without_pandas_says_how_to_install_it(sample: Extraction, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'letopis\[analysis\]'"):
        sample.frames()


def test_extraction_frames(sample: Extraction) -> None:
    frames = sample.frames()
    assert set(frames) == {"entities", "occupations", "events", "evidence"}
    assert len(frames["entities"]) == len(sample.entities)
    assert len(frames["events"]) == len(sample.events)
    assert len(frames["evidence"]) == sum(len(e.evidence) for e in sample.events)
    people = frames["entities"].query("type == 'PER'")["name"].tolist()
    assert "Ержан Кистафин" in people
    assert "посол" in frames["occupations"].query("name == 'Ержан Кистафин'")["position"].tolist()
    assert str(frames["events"]["date"].dtype).startswith("datetime64")
    assert set(frames["evidence"]["document"]) == {sample.document.id}


def test_frames_of_an_empty_extraction_have_their_columns() -> None:
    empty = Extraction(Document("e", "e", "", ()), (), ())
    frames = empty.frames()
    assert all(len(f) == 0 for f in frames.values())
    assert {"type", "actor_names", "date"} <= set(frames["events"].columns)


def test_the_monthly_count_per_type_of_a_pair_in_one_line(corpus: Path) -> None:
    """The issue's done-when flow, as a notebook user writes it."""
    events = letopis.Store(str(corpus)).events(pair="KAZ-PAK", as_frame=True)
    monthly = pd.crosstab(events["date"].dt.to_period("M"), events["type"])
    assert monthly.index.astype(str).tolist() == ["2025-12"]
    assert monthly["CONSULT"].tolist()[0] >= 5
    assert int(monthly.to_numpy().sum()) == len(events)


def test_the_relation_keeps_querying(corpus: Path) -> None:
    with Store(corpus) as store:
        relation = store.events(pair=("KAZ", "PAK"), as_relation=True)
        assert isinstance(relation, duckdb.DuckDBPyRelation)
        counted = relation.aggregate("type, count(*) AS n").order("type").fetchall()
        assert dict(counted)["CONSULT"] >= 5


def test_every_face_of_a_query_holds_the_same_events(corpus: Path) -> None:
    with Store(corpus) as store:
        rows = store.events(type="consult")
        frame = store.events(type="consult", as_frame=True)
        assert [r["id"] for r in rows] == frame["id"].tolist()
        assert list(frame.columns) == list(rows[0])


FILTER_FORMS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"pair": "KAZ-PAK"}, {"pair": ("KAZ", "PAK")}),
    ({"pair": "kaz-pak"}, {"pair": ("KAZ", "PAK")}),
    ({"pair": ["KAZ", "PAK"]}, {"pair": ("KAZ", "PAK")}),
    ({"type": "consult"}, {"type": ("CONSULT",)}),
    ({"type": ["CONSULT", "agree"]}, {"type": ("AGREE", "CONSULT")}),
    ({"type": "CONSULT,AGREE"}, {"type": ("AGREE", "CONSULT")}),
    ({"since": date(2025, 12, 1)}, {"since": date(2025, 12, 1)}),
    ({"since": "2025-12-01"}, {"since": date(2025, 12, 1)}),
    ({"until": datetime(2025, 12, 3, 10, 0)}, {"until": date(2025, 12, 3)}),
    ({"min_confidence": 0.5}, {"min_confidence": 0.5}),
]


@pytest.mark.parametrize(("given", "expected"), FILTER_FORMS)
def test_filters_take_the_forms_users_type(corpus: Path, given: dict[str, Any], expected: dict[str, Any]) -> None:
    from letopis.store import EventFilters

    parsed = EventFilters.parse(**given)
    assert {k: getattr(parsed, k) for k in expected} == expected
    with Store(corpus) as store:
        assert store.events(**given) == store.events(filters=parsed)


BAD: list[tuple[dict[str, Any], str]] = [
    ({"country_pair": "KAZ-PAK"}, "unknown filter country_pair"),
    ({"pair": "KAZ"}, "a country pair is two ISO alpha-3 codes"),
    ({"pair": "KAZ-XXX"}, "'XXX' is not an ISO 3166 alpha-3 country code"),
    ({"type": "MEET"}, "type 'MEET' is not one of"),
    ({"type": ["CONSULT", 3]}, "is not a PLOVER type"),
    ({"since": "2025-13-01"}, "since '2025-13-01' is not a date"),
    ({"since": 2025}, "since 2025 is not a date"),
    ({"since": "2025-12-05", "until": "2025-12-01"}, "is after until"),
    ({"min_confidence": "high"}, "is not a number from 0 to 1"),
    ({"limit": "10"}, "the limit is a number"),
    ({"limit": 0}, "the limit is a number"),
]


@pytest.mark.parametrize(("given", "message"), BAD)
def test_a_bad_filter_is_a_clear_error(corpus: Path, given: dict[str, Any], message: str) -> None:
    with Store(corpus) as store, pytest.raises(ValueError, match=re.escape(message)):
        store.events(**given)


def test_store_takes_a_str_or_a_path_and_reads_only(corpus: Path) -> None:
    for path in (str(corpus), corpus):
        with Store(path) as store:
            assert store.summary()["documents"] == 1
            assert repr(store) == f"Store({str(corpus)!r})"
            with pytest.raises(ValueError, match="opened for reading"):
                store.ingest([])
    with pytest.raises(TypeError, match="a str or a Path"):
        Store(42)  # type: ignore[arg-type]


def test_search_pair_and_entity_as_frames(corpus: Path) -> None:
    with Store(corpus) as store:
        found = store.search("Казахстан", as_frame=True)
        assert found["document"].tolist() == ["000_f9e879b08a32d2e4"]
        assert list(found.columns) == ["document", "score", "title", "published", "source", "snippet"]
        pair = store.pair("KAZ-PAK", as_frame=True)
        assert pair == {**pair, "pair": "KAZ-PAK"}
        assert pair["by_type"].set_index("type").loc["CONSULT", "events"] >= 5
        assert store.pair("KAZ", "PAK")["by_type"] == store.pair(("KAZ", "PAK"))["by_type"]
        person = store.entity("Ержан Кистафин", as_frame=True)
        assert person is not None
        assert "посол" in person["positions"]["position"].tolist()
        assert len(person["events"]) == len(store.events(entity="Ержан Кистафин"))


HOSTILE = "Посол <script>alert('x')</script> & Ко встретился с <b>министром</b>."


def hostile() -> Extraction:
    """A document whose text, names and evidence hold markup."""
    doc = Document("<i>doc</i>", "<src>", HOSTILE, (), title="<script>t</script>")
    start = HOSTILE.index("<script>")
    person = Entity("e1", "PER", "<script>Имя</script>", "KAZ", mentions=(Mention(start, start + 8, "<script>"),))
    event = Event("v1", "CONSULT", None, 1, 1.0, "asserted", (), (), ("e1",), (), None, date(2025, 12, 2),
                  (Span(0, len(HOSTILE), HOSTILE),), 0.9)  # fmt: skip
    return Extraction(doc, (person,), (), (event,))


def test_notebook_html_escapes_every_text() -> None:
    shown = hostile()._repr_html_()
    assert "<script>" not in shown and "<b>министром" not in shown and "<i>" not in shown
    assert "alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Ко" in shown
    assert "&lt;script&gt;t&lt;/script&gt;" in shown  # the title
    events = Events([{"id": "v1", "type": "CONSULT", "actor": ["<script>x</script>"], "evidence": HOSTILE}])
    assert "<script>" not in events._repr_html_()


def test_notebook_html_marks_what_the_article_view_marks(sample: Extraction) -> None:
    shown = sample._repr_html_()
    for kind in ("per", "org", "loc", "role", "event"):
        assert f'class="m {kind}' in shown, kind
    assert shown.count('class="m per') >= 5  # the five mentions of Ержан Кистафин and the others
    assert "Ержан Кистафин" in shown and "CONSULT" in shown
    assert repr(sample).startswith("<Extraction '000_f9e879b08a32d2e4': ")


def test_the_notebook_colours_are_the_web_apps() -> None:
    root = CSS.read_text(encoding="utf-8").splitlines()[0]
    assert {k: re.search(rf"--{k}: (#[0-9a-f]+)", root).group(1) for k in COLOURS} == COLOURS  # type: ignore[union-attr]


def test_an_event_list_is_a_list_that_a_notebook_shows(corpus: Path) -> None:
    with Store(corpus) as store:
        events = store.events(pair="KAZ-PAK")
    assert isinstance(events, list)
    assert json.loads(json.dumps(events, default=str))[0]["id"] == events[0]["id"]
    shown = events._repr_html_()
    assert f"<p>{len(events)} events</p>" in shown and "<th>actor</th>" in shown
    assert repr(events).startswith("[{")
