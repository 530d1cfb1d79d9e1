"""Web pages and feeds (issue 16), served from a local HTTP server on 127.0.0.1 only: an article page's
text, title, date and URL; Windows-1251 and KOI8-R pages decoded right; RSS and Atom feeds read as their
items' pages; `letopis watch` stores what is new and, restarted, fetches nothing it has seen."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.model import Document, Failure, Skipped
from letopis.read import read_paths
from letopis.read.html import html_text
from letopis.read.web import feed_items
from letopis.store import Store

runner = CliRunner()
DEVSET = Path(__file__).parent / "data" / "factRuEval-2016" / "devset"
ARTICLES = ["book_105", "book_100", "book_115"]
TITLES = ["Конец света не наступил", "«День гнева» у мэрии Москвы", "Новости"]


KOI8_SAFE = str.maketrans({"—": "-", "–": "-", "…": "...", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


def plain(name: str) -> list[str]:
    """The article with only characters KOI8-R can hold (its dashes, quotes and ellipses in ASCII)."""
    return [p.translate(KOI8_SAFE) for p in body(name)]


def body(name: str) -> list[str]:
    text = (DEVSET / f"{name}.txt").read_text(encoding="utf-8-sig")
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def page(title: str, paragraphs: list[str], charset: str | None = "utf-8", day: str = "2011-05-21") -> str:
    """An article page as a news site serves it: navigation, the article, a footer."""
    meta = f'<meta charset="{charset}">' if charset else ""
    article = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head>{meta}<title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{day}"></head><body>'
            "<nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{article}</article>"
            "<footer>(c) Редакция, все права защищены</footer></body></html>")  # fmt: skip


def rss(base: str, names: list[str]) -> str:
    items = "".join(f"<item><title>{html.escape(TITLES[ARTICLES.index(n)])}</title><link>{base}/{n}.html</link>"
                    "<pubDate>Sat, 21 May 2011 10:00:00 +0000</pubDate></item>" for n in names)  # fmt: skip
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента</title>'
    return f"{head}{items}</channel></rss>"


class Handler(SimpleHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def guess_type(self, path: Any) -> str:
        name = str(path)
        if name.endswith(".rss"):
            return "application/rss+xml"
        return "text/html; charset=koi8-r" if "koi8-header" in name else super().guess_type(path)

    def log_message(self, format: str, *args: Any) -> None:
        Handler.hits.append(self.path)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The pages of three real articles, a reprint of one under another URL, a Windows-1251 and two KOI8-R
    copies of it, and a feed."""
    root = tmp_path_factory.mktemp("site")
    for name, title in zip(ARTICLES, TITLES, strict=True):
        (root / f"{name}.html").write_text(page(title, body(name)), encoding="utf-8")
    (root / "reprint.html").write_bytes((root / f"{ARTICLES[0]}.html").read_bytes())
    first = plain(ARTICLES[0])
    (root / "cp1251.html").write_bytes(page(TITLES[0], first, "windows-1251").encode("cp1251"))
    (root / "koi8-header.html").write_bytes(page(TITLES[0], first, None).encode("koi8_r"))
    (root / "koi8.html").write_bytes(page(TITLES[0], first, None).encode("koi8_r"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "feed.rss").write_text(rss(base, ARTICLES[:2]), encoding="utf-8")
    yield base, root
    server.shutdown()


def read(url: str) -> list[Document | Failure]:
    return [item for item in read_paths([Path(url)]) if not isinstance(item, Skipped)]


def test_an_article_page_gives_its_text_title_date_and_url(site: tuple[str, Path]) -> None:
    base, _ = site
    [doc] = read(f"{base}/book_105.html")
    assert isinstance(doc, Document)
    assert doc.title == TITLES[0] and doc.published == date(2011, 5, 21) and doc.url == f"{base}/book_105.html"
    assert doc.source_id == doc.url and doc.id == "book_105"
    assert doc.text == "\n\n".join([TITLES[0], *body("book_105")])  # no navigation, no footer
    assert doc.units[0].kind == "headline" or doc.text[doc.units[0].start : doc.units[0].end] == TITLES[0]


@pytest.mark.parametrize("name", ["cp1251.html", "koi8-header.html", "koi8.html"])
def test_windows_1251_and_koi8_r_pages_are_decoded_right(site: tuple[str, Path], name: str) -> None:
    base, _ = site
    [doc] = read(f"{base}/{name}")
    assert isinstance(doc, Document) and doc.text == "\n\n".join([TITLES[0], *plain("book_105")])


def test_a_declared_charset_the_bytes_do_not_fit_is_passed_over() -> None:
    data = page(TITLES[0], body("book_105"), "utf-8").encode("cp1251", errors="ignore")
    assert "Конец света" in html_text(data, declared="utf-8")


def test_a_feed_url_and_a_feed_file_give_their_items_pages(site: tuple[str, Path]) -> None:
    base, root = site
    from_url = read(f"{base}/feed.rss")
    from_file = [item for item in read_paths([root / "feed.rss"]) if not isinstance(item, Skipped)]
    assert [d.source_id for d in from_url] == [d.source_id for d in from_file] == [
        f"{base}/book_105.html", f"{base}/book_100.html"]  # fmt: skip
    assert all(isinstance(d, Document) and d.text.startswith(d.title or "-") for d in from_url)


def test_an_unreachable_url_is_a_failure_with_the_reason(site: tuple[str, Path]) -> None:
    base, _ = site
    [missing] = read(f"{base}/missing.html")
    assert isinstance(missing, Failure) and missing.reason == "HTTP 404 File not found"


def test_watch_stores_what_is_new_and_a_restart_fetches_nothing_seen(site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{base}/feed.rss\n", encoding="utf-8")
    db = str(tmp_path / "watch.duckdb")
    first = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once"])
    assert first.exit_code == 0 and "added 2, replaced 0, unchanged 0, rejected 0" in first.stdout
    Handler.hits.clear()
    again = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once"])  # a restart: a new process's state
    assert "added 0, replaced 0, unchanged 0, rejected 0" in again.stdout and Handler.hits == ["/feed.rss"]
    (root / "feed.rss").write_text(rss(base, ARTICLES), encoding="utf-8")
    (root / "copy.rss").write_text(rss(base, []).replace("</channel>", f"<item><link>{base}/reprint.html</link>"
                                                         "</item></channel>"), encoding="utf-8")  # fmt: skip
    feeds.write_text(f"{base}/feed.rss\n{base}/copy.rss\n", encoding="utf-8")
    started = time.monotonic()
    third = runner.invoke(app, ["watch", str(feeds), "--db", db, "--once"])
    assert time.monotonic() - started < 60  # a new item is searchable within a minute of the poll
    assert "added 2, replaced 0, unchanged 0, rejected 0" in third.stdout, third.stdout
    store = Store(db)
    assert len(store.source_ids()) == 4 and store.summary()["documents"] == 3  # the copy's text is stored once
    assert {hit["source"] for hit in store.search("Кемпинг")} == {f"{base}/book_105.html"}


def test_a_feed_never_makes_letopis_read_a_local_file(site: tuple[str, Path]) -> None:
    base, _ = site
    feed = rss(base, ["book_105"]).replace("</channel>", "<item><link>file:///etc/passwd</link></item></channel>")
    assert [item.url for item in feed_items(feed.encode())] == [f"{base}/book_105.html"]
