"""Pages and feeds over HTTP(S): an article page read as HTML, a feed (RSS, Atom; feedparser) as its
items, each item's page fetched and read. Nothing but the URLs given is fetched."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.message import Message
from urllib.parse import urlsplit

from letopis.model import Document, Failure
from letopis.read.html import read_html
from letopis.read.sources import Origin

TIMEOUT = 30.0  # seconds per request
MAX_BYTES = 20_000_000  # a page larger than this is no article
AGENT = "letopis/0.1 (+https://github.com/openeventdata/PLOVER)"
URL = re.compile(r"^(https?):/+(.*)$", re.IGNORECASE)
FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched resource: its bytes, the charset its `Content-Type` declared, its type and final URL."""

    data: bytes
    charset: str | None
    content_type: str
    url: str


@dataclass(frozen=True, slots=True)
class Item:
    """A feed's item: the article's URL, its title and publication date as the feed gives them."""

    url: str
    title: str | None
    published: date | None


def as_url(given: str) -> str | None:
    """`given` as an http(s) URL (a path argument folds `http://` to `http:/`), None when it is none."""
    found = URL.match(given)
    return f"{found[1].lower()}://{found[2]}" if found else None


def is_web(url: str) -> bool:
    return urlsplit(url).scheme.lower() in {"http", "https"} and bool(urlsplit(url).netloc)


def fetch(url: str) -> Page:
    """The resource at `url` (http or https only); `OSError` (with the reason) when it cannot be fetched."""
    if not is_web(url):
        raise OSError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as error:
        raise OSError(f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError) as error:
        raise OSError(f"cannot fetch: {getattr(error, 'reason', error)}") from None
    if len(data) > MAX_BYTES:
        raise OSError(f"over {MAX_BYTES:,} bytes")
    return Page(data, headers.get_content_charset(), headers.get_content_type(), final)


def is_feed(page: Page) -> bool:
    return "rss" in page.content_type or "atom" in page.content_type or bool(FEED_START.match(page.data[:2048]))


def origin(url: str) -> Origin:
    """A URL's identity is the URL itself; its short name the last part of its path."""
    parts = urlsplit(url)
    stem = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Origin(url, url, stem or parts.netloc)


def read_url(url: str) -> Iterator[Document | Failure]:
    """The article at `url`, or the articles of the feed there."""
    try:
        page = fetch(url)
    except OSError as error:
        yield Failure(url, str(error), source_id=url)
        return
    if is_feed(page):
        yield from read_items(feed_items(page.data))
    else:
        yield read_html(page.data, origin(page.url), page.url, page.charset)


def read_items(items: list[Item]) -> Iterator[Document | Failure]:
    for item in items:
        yield read_item(item)


def read_item(item: Item) -> Document | Failure:
    """An item's page, with the feed's title and date where the page gives none."""
    try:
        page = fetch(item.url)
    except OSError as error:
        return Failure(item.url, str(error), source_id=item.url)
    return read_html(page.data, origin(item.url), item.url, page.charset, (item.title, item.published))


def feed_items(data: bytes) -> list[Item]:
    """The items of an RSS or Atom feed that link to a web page, in the feed's order (a link that is no
    http(s) URL, such as `file:///etc/passwd`, is left out: a feed never makes letopis read a local file)."""
    import feedparser

    parsed = feedparser.parse(data)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if link and is_web(link):
            items.append(Item(link, entry.get("title"), date(*when[:3]) if when else None))
    return items
