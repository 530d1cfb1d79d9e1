"""The cache of the API's answers: asked again, an answer comes from it; storing an article through the
app, or another process writing the corpus, is seen by the next request (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from letopis.web import views
from letopis.web.cache import Answer, Answers, normal
from tests.test_web_api import PASTED, get


@pytest.fixture()
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The country pairs whose dashboards were made rather than answered from the cache."""
    calls: list[str] = []
    real = views.pair

    def counted(store: Any, pair: str) -> dict[str, Any]:
        calls.append(pair)
        return real(store, pair)

    monkeypatch.setattr(views, "pair", counted)
    return calls


def test_an_article_stored_through_the_api_is_in_the_next_search(writable: TestClient) -> None:
    assert get(writable, "/api/search?q=Бородавкин")["items"] == []
    stored = writable.post("/api/extract", data={"text": PASTED, "store": "true"}).json()
    assert [item["document"] for item in get(writable, "/api/search?q=Бородавкин")["items"]] == [stored["document"]]


def test_an_answer_asked_again_comes_from_the_cache(writable: TestClient, made: list[str]) -> None:
    first = writable.get("/api/pair/KAZ-PAK")
    again = writable.get("/api/pair/KAZ-PAK")
    assert made == ["KAZ-PAK"]
    assert again.content == first.content and again.headers == first.headers
    assert writable.get("/api/pair/kaz-pak").status_code == 200 and made == ["KAZ-PAK", "kaz-pak"]


def test_a_write_by_another_process_empties_the_cache(writable: TestClient, made: list[str]) -> None:
    get(writable, "/api/pair/KAZ-PAK")
    corpus: Path = writable.app.state.corpus.path  # type: ignore[attr-defined]
    later = corpus.stat().st_mtime_ns + 1_000_000_000
    os.utime(corpus, ns=(later, later))
    get(writable, "/api/pair/KAZ-PAK")
    assert made == ["KAZ-PAK", "KAZ-PAK"]


def test_only_answers_to_gets_under_the_api_that_went_well_are_kept(writable: TestClient) -> None:
    get(writable, "/api/pair/KAZ-XXX", 400)
    get(writable, "/api/event/nothing", 404)
    assert writable.get("/pair/KAZ-PAK").status_code == 200
    writable.post("/api/extract", data={"text": PASTED})
    assert not writable.app.state.answers.kept  # type: ignore[attr-defined]
    get(writable, "/api/summary")
    assert list(writable.app.state.answers.kept) == ["/api/summary?"]  # type: ignore[attr-defined]


tests = [
    ["/api/events", b"type=CONSULT&pair=KAZ-PAK", "/api/events?pair=KAZ-PAK&type=CONSULT"],
    ["/api/events", b"pair=KAZ-PAK&type=CONSULT", "/api/events?pair=KAZ-PAK&type=CONSULT"],
    ["/api/search", b"q=%D0%9A%D0%B0%D0%B7", "/api/search?q=%D0%9A%D0%B0%D0%B7"],
    ["/api/events", b"type=B&type=A", "/api/events?type=B&type=A"],
    ["/api/pair/KAZ-PAK", b"", "/api/pair/KAZ-PAK?"],
]


@pytest.mark.parametrize("path,query,key", tests)
def test_keys_are_the_path_and_the_query_in_order_of_names(path: str, query: bytes, key: str) -> None:
    assert normal(path, query) == key


def answer(size: int) -> Answer:
    return Answer({"type": "http.response.start", "status": 200, "headers": []}, b"x" * size)


def test_the_cache_is_bounded_and_keeps_one_version() -> None:
    answers = Answers(entries=2, size=100)
    assert answers.get("a", 1) is None
    for key in "abc":
        answers.put(key, 1, answer(10))
    assert answers.get("a", 1) is None and answers.get("c", 1) is not None
    answers.put("d", 1, answer(95))
    assert list(answers.kept) == ["d"] and answers.held == 95
    answers.put("e", 0, answer(1))  # made under a version gone by
    assert answers.get("e", 1) is None
    assert answers.get("d", 2) is None and not answers.kept
