"""The app in a real browser: Debian's chromium driven by Playwright (never a downloaded browser), the
server on a free loopback port. Each test saves a screenshot under tests/screenshots/ (issue 15).
Without /usr/bin/chromium the tests skip, except in CI (env CI set), where they fail."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Dialog, FilePayload, Page, sync_playwright

from letopis.web import create_app
from tests.conftest import copy_of

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = Path(__file__).parent / "screenshots"
PASTED = ("Посол России в Казахстане Алексей Бородавкин встретился в Астане с министром иностранных дел "
          "Казахстана Муратом Нуртлеу. Стороны обсудили вопросы сотрудничества.")  # fmt: skip
HOSTILE = ("Посол России Иван Петров встретился с министром. <script>window.pwned = 1; alert(1)</script>\n"
           '<img src=x onerror="window.pwned = 2; alert(2)"> <a href="javascript:alert(3)">ссылка</a> '
           "javascript:alert(4)")  # fmt: skip

if not CHROMIUM.exists() and os.environ.get("CI"):
    pytest.fail("CI needs /usr/bin/chromium for the browser tests (apt-get install chromium)", pytrace=False)
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base(web_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a copy of the test corpus, served by uvicorn in a thread."""
    app = create_app(copy_of(web_corpus, tmp_path_factory.mktemp("browser")))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        found = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield found
        found.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    found = context.new_page()
    yield found
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_article_and_entity(page: Page, base: str) -> None:
    page.goto(f"{base}/search")
    page.fill("input[name=q]", "Казахстан")
    page.click("form.search button")
    page.wait_for_url("**/search?q=*")
    assert page.locator("p.snippet mark").count() > 0
    shot(page, "search")
    page.click("a.hit >> nth=0")
    page.wait_for_url("**/document/000_f9e879b08a32d2e4*")
    mark = page.locator("#article-text a.m.per", has_text="Ержан Кистафин").first
    assert mark.is_visible()
    assert "KAZ" in (mark.get_attribute("title") or "") and "посол" in (mark.get_attribute("title") or "")
    shot(page, "article")
    mark.click()
    page.wait_for_url("**/entity/*")
    assert "Ержан Кистафин" in page.locator("#entity-name").inner_text()
    assert page.locator("svg.stacked rect").count() > 0
    shot(page, "entity")


def test_pair_dashboard(page: Page, base: str) -> None:
    page.goto(f"{base}/pair/KAZ-PAK")
    assert page.locator("#pair-chart svg rect").count() > 0
    assert page.locator("#pair-network svg circle").count() > 2 and page.locator("#pair-network svg line").count() > 1
    assert page.locator("#pair-map svg path.land").count() > 100 and page.locator("#pair-map circle.point").count() > 0
    assert page.locator("#pair-chart svg").bounding_box()["height"] > 100  # type: ignore[index]
    shot(page, "pair")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/")
    assert page.locator("svg.map path.land").count() > 100
    shot(page, "overview-phone")


def test_paste_an_article_and_store_it(page: Page, base: str) -> None:
    page.goto(f"{base}/paste")
    page.fill("#paste-text", PASTED)
    page.click("#paste-extract")
    page.wait_for_selector(".event-records li")
    assert page.locator("#article-text a.m.per", has_text="Алексей Бородавкин").count() == 1
    assert page.locator(".unstored").count() == 1
    shot(page, "paste")
    page.click("form.store button")
    page.wait_for_selector(".stored")
    assert page.locator(".event-records li a").count() > 0


def test_upload_a_jsonl_file(page: Page, base: str) -> None:
    record = json.dumps({"id": "upload-1", "title": "Визит", "text": PASTED}, ensure_ascii=False) + "\n"
    page.goto(f"{base}/paste")
    upload = FilePayload(name="news.jsonl", mimeType="application/jsonl", buffer=record.encode())
    page.set_input_files("input[type=file]", files=[upload])
    page.click("#paste-extract")
    page.wait_for_selector(".event-records li")
    assert page.locator("h1").inner_text() == "Визит"
    shot(page, "upload")


def test_export_csv(page: Page, base: str) -> None:
    page.goto(f"{base}/events?pair=KAZ-PAK")
    assert page.locator("table.events tbody tr").count() >= 6
    shot(page, "events")
    with page.expect_download() as download:
        page.click("#export-csv")
    path = download.value.path()
    assert path.read_text(encoding="utf-8").startswith("id,")


def test_a_hostile_article_runs_no_script(page: Page, base: str) -> None:
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(f"{base}/paste")
    page.fill("#paste-text", HOSTILE)
    page.click("#paste-extract")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(500)
    text = page.locator("#article-text").inner_text()
    assert "<script>window.pwned = 1; alert(1)</script>" in text
    assert "onerror=" in text and "javascript:alert(3)" in text
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("#article-text script, #article-text img, a[href^='javascript:']").count() == 0
    assert dialogs == []
    shot(page, "hostile")


def test_nothing_is_fetched_from_elsewhere(page: Page, base: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for path in ["/", "/pair/KAZ-PAK", "/document/000_f9e879b08a32d2e4", "/api/docs"]:
        page.goto(base + path)
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() == 12
    shot(page, "api-docs")
    assert asked and all(url.startswith(base) for url in asked), [u for u in asked if not u.startswith(base)]
