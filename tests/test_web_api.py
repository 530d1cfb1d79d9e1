"""The REST API through FastAPI's test client: every endpoint, its pages and its errors (issue 15)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from letopis.cli import app as cli
from letopis.cli.serve import loopback
from letopis.web import create_app
from tests.conftest import copy_of

KEY = "000_f9e879b08a32d2e4"
KISTAFIN = "Ержан Кистафин"
PASTED = ("Посол России в Казахстане Алексей Бородавкин встретился в Астане с министром иностранных дел "
          "Казахстана Муратом Нуртлеу. Стороны обсудили вопросы сотрудничества.")  # fmt: skip


@pytest.fixture(scope="module")
def client(web_corpus: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_corpus)) as found:
        yield found


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    return response.json()


def test_summary(client: TestClient) -> None:
    found = get(client, "/api/summary")
    assert found["documents"] == 11
    assert {"name": "CONSULT", "events": found["events_by_type"][0]["events"]} in found["events_by_type"]
    assert "KAZ" in {c["name"] for c in found["countries"]}
    assert found["by_month_and_type"]


def test_search_with_snippets_and_cursor(client: TestClient) -> None:
    found = get(client, "/api/search?q=Казахстан&limit=1")
    assert found["items"][0]["document"] == KEY
    assert "[Казахстана]" in found["items"][0]["snippet"]
    assert found["next"].startswith("/api/search?")
    following = get(client, found["next"])
    assert following["items"] and following["items"][0]["document"] != KEY


def test_search_with_event_filters(client: TestClient) -> None:
    found = get(client, "/api/search?q=Казахстан&pair=KAZ-PAK&type=CONSULT")
    assert [hit["document"] for hit in found["items"]] == [KEY]
    assert get(client, "/api/search?q=Казахстан&since=2030-01-01")["items"] == []
    page = client.get("/search?q=Казахстан&pair=KAZ-PAK")
    assert page.status_code == 200 and page.text.count('class="hit"') == 1


bad_requests = [
    ["/api/search?q=Казахстан&type=MEET", "type 'MEET' is not one of"],
    ["/api/search?q=", "q"],
    ["/api/search?q=" + "a" * 1001, "q"],
    ["/api/search?q=Казахстан&limit=0", "limit"],
    ["/api/search?q=Казахстан&limit=201", "limit"],
    ["/api/search?q=Казахстан&cursor=nonsense", "cursor"],
    ["/api/events?type=MEET", "type 'MEET' is not one of"],
    ["/api/events?pair=KAZ", "a country pair is two ISO alpha-3 codes"],
    ["/api/events?pair=KAZ-XXX", "'XXX' is not an ISO 3166 alpha-3 country code"],
    ["/api/events?since=2010-13-01", "is not a date YYYY-MM-DD"],
    ["/api/events?since=2025-12-03&until=2025-12-01", "is after until"],
    ["/api/events?min_confidence=2", "is not a number from 0 to 1"],
    ["/api/events?context=nothing", "context 'nothing' is not one of"],
    ["/api/events?topic=nothing", "topic 'nothing' is not one of"],
    ["/api/entities?type=XYZ", "type"],
    ["/api/pair/KAZ", "a country pair is two ISO alpha-3 codes"],
    ["/api/export/xlsx", "export_format"],
    ["/api/documents?limit=abc", "limit"],
]


@pytest.mark.parametrize("url,message", bad_requests)
def test_a_bad_parameter_is_a_400_saying_why(client: TestClient, url: str, message: str) -> None:
    assert message in get(client, url, 400)["detail"]


@pytest.mark.parametrize("url", ["/api/document/nothing", "/api/event/nothing", "/api/entity/Никто Никтович",
                                 "/api/entity/A%2FB"])
def test_what_is_not_there_is_a_404(client: TestClient, url: str) -> None:
    assert "no " in get(client, url, 404)["detail"]


def test_documents_and_one_document_with_offsets(client: TestClient) -> None:
    listed = get(client, "/api/documents?limit=5")
    assert len(listed["items"]) == 5 and listed["next"]
    found = get(client, f"/api/document/{KEY}")
    text = found["text"]
    person = next(e for e in found["entities"] if e["name"] == KISTAFIN)
    assert all(text[m["start"] : m["end"]] == m["text"] for m in person["mentions"])
    assert all(text[v["start"] : v["end"]] == v["text"] for e in found["events"] for v in e["evidence"])
    assert any(o["position"] == "посол" for o in found["occupations"])
    assert get(client, f"/api/document/{found['hash']}")["document"] == KEY


def test_events_filters_and_pages(client: TestClient) -> None:
    found = get(client, "/api/events?type=CONSULT&pair=KAZ-PAK&limit=2")
    assert {e["type"] for e in found["items"]} == {"CONSULT"} and found["next"]
    rest = get(client, found["next"])
    assert not {e["id"] for e in rest["items"]} & {e["id"] for e in found["items"]}
    assert get(client, f"/api/events?entity={KISTAFIN}&since=2025-12-01&min_confidence=0")["items"]
    assert get(client, "/api/events?type=CONSULT&place=Карачи")["items"]
    assert get(client, "/api/events?type=&pair=")["items"]  # an empty form field leaves its filter out
    event = get(client, f"/api/event/{found['items'][0]['id']}")
    assert event["evidence"] and event["evidence"][0]["document"] == KEY and event["sources"] == 1


def test_entities_and_one_entity(client: TestClient) -> None:
    people = get(client, "/api/entities?type=PER&limit=3")
    assert {e["type"] for e in people["items"]} == {"PER"}
    found = get(client, f"/api/entity/{KISTAFIN}")
    assert found["country"] == "KAZ" and found["positions"][0]["position"] == "посол"
    assert {"month": "2025-12", "type": "CONSULT", "events": 7} in found["timeline"]
    assert any(c["name"] == "Саид Хасан Накви" for c in found["counterparts"])


def test_country_pairs(client: TestClient) -> None:
    assert "KAZ-PAK" in {p["name"] for p in get(client, "/api/pairs")["items"]}
    found = get(client, "/api/pair/kaz-pak")
    assert found["pair"] == "KAZ-PAK" and found["events"] >= 6
    assert found["network"] and found["places"] and found["by_month_and_type"] and found["by_topic"]


@pytest.mark.parametrize("export_format,start", [["csv", b"id,"], ["jsonl", b"{"], ["parquet", b"PAR1"],
                                                 ["plover", b"{"], ["gdelt", b"GLOBALEVENTID"]])  # fmt: skip
def test_exports_are_downloads(client: TestClient, export_format: str, start: bytes) -> None:
    response = client.get(f"/api/export/{export_format}?pair=KAZ-PAK")
    assert response.status_code == 200
    assert response.content.startswith(start)
    assert "attachment" in response.headers["content-disposition"]


def test_paste_extracts_and_stores_on_request(writable: TestClient) -> None:
    response = writable.post("/api/extract", data={"text": PASTED})
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["stored"] is False and found["events"]
    assert {"Алексей Бородавкин", "Мурат Нуртлеу"} <= {e["name"] for e in found["entities"]}
    assert get(writable, f"/api/document/{found['document']}", 404)
    stored = writable.post("/api/extract", data={"text": PASTED, "store": "true"}).json()
    assert stored["stored"] is True
    assert get(writable, f"/api/document/{found['document']}")["hash"] == stored["hash"]
    assert get(writable, "/api/summary")["documents"] == 12


def test_upload_of_a_file(writable: TestClient) -> None:
    line = json.dumps({"id": "x1", "text": PASTED}, ensure_ascii=False).encode()
    found = writable.post("/api/extract", files={"file": ("news.jsonl", line)})
    assert found.status_code == 200 and found.json()["events"]
    assert writable.post("/api/extract", files={"file": ("a.txt", PASTED.encode("cp1251"))}).status_code == 200
    refused = writable.post("/api/extract", files={"file": ("a.pdf", b"%PDF-1.4")})
    assert refused.status_code == 400 and ".txt or .jsonl" in refused.json()["detail"]


@pytest.mark.parametrize("data,status", [[{"text": ""}, 400], [{"text": "a" * 200_001}, 400],
                                         [{"text": "а" * 400_000}, 413]])  # fmt: skip
def test_paste_limits(client: TestClient, data: dict[str, str], status: int) -> None:
    assert client.post("/api/extract", data=data).status_code == status


def test_writes_need_the_token_the_app_was_started_with(web_corpus: Path, tmp_path: Path) -> None:
    with TestClient(create_app(copy_of(web_corpus, tmp_path), token="s3cret")) as client:
        assert client.post("/api/extract", data={"text": PASTED}).status_code == 401
        assert client.post("/api/extract", data={"text": PASTED, "token": "wrong"}).status_code == 401
        headers = {"X-Letopis-Token": "s3cret"}
        assert client.post("/api/extract", data={"text": PASTED}, headers=headers).status_code == 200
        assert client.get("/api/summary").status_code == 200  # reading needs no token


TWINS = ["/", "/search?q=Казахстан", "/documents", f"/document/{KEY}", "/events?type=CONSULT", "/entities?type=PER",
         f"/entity/{KISTAFIN}", "/pairs", "/pair/KAZ-PAK"]  # fmt: skip


@pytest.mark.parametrize("url", TWINS)
def test_every_page_has_a_json_twin(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = "/api/summary" if url == "/" else "/api" + url
    assert f'href="{twin.replace("&", "&amp;")}"' in page.text or 'id="json-twin"' in page.text
    assert client.get(twin).status_code == 200
    assert client.get(url + ("&" if "?" in url else "?") + "lang=en").status_code == 200


def test_english_labels_stay_once_asked(client: TestClient) -> None:
    assert "Events by month" in client.get("/?lang=en").text
    assert ">Search<" in client.get("/events").text  # the cookie keeps English
    assert "События по месяцам" in client.get("/?lang=ru").text


def test_pages_show_errors_as_pages(client: TestClient) -> None:
    page = client.get("/events?type=MEET")
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "MEET" in page.text
    assert client.get("/entity/Никто").status_code == 404
    assert client.get("/api/events?entity=" + "а" * 5000).status_code == 414


def test_the_article_view_marks_and_escapes(client: TestClient) -> None:
    page = client.get(f"/document/{KEY}").text
    assert 'href="/entity/%D0%95%D1%80%D0%B6%D0%B0%D0%BD%20%D0%9A%D0%B8%D1%81%D1%82%D0%B0%D1%84%D0%B8%D0%BD"' in page
    assert 'class="m per' in page and 'class="m org' in page and 'class="m loc' in page and "m role" in page
    hostile = "Посол России Иван Петров <script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3)"
    shown = client.post("/paste", data={"text": hostile}).text
    assert "<script>alert" not in shown and "<img" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown


def test_serve_refuses_an_open_address_without_a_token(web_corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--db", str(web_corpus), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "--token" in result.output
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no corpus" in missing.output


ADDRESSES = [["127.0.0.1", True], ["localhost", True], ["::1", True], ["127.0.0.2", True], ["0.0.0.0", False],
             ["192.168.1.5", False], ["example.org", False]]  # fmt: skip


@pytest.mark.parametrize("host,local", ADDRESSES)
def test_which_addresses_are_loopback(host: str, local: bool) -> None:
    assert loopback(host) is local
