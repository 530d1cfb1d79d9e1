"""Feed item to searchable (issue 16: under 60 s with `letopis watch`): a feed and its article pages served
from a local HTTP server on 127.0.0.1, `letopis watch --interval S` running as its own process; an item
is published (the feed rewritten with one more item, a real article of the factRuEval-2016 devset) at
moments spread over the polling cycle (roughly: each poll adds its own time to the cycle), and the time
from publishing to the article's URL among the hits of a search in the store (read-only, from this
process) is measured.

The latency is the wait for the next poll (up to the interval) plus the poll: the feed and the page
fetched, the article extracted and stored. The first poll (the models loaded) is not measured.

    OPENBLAS_NUM_THREADS=1 python benchmarks/watch.py [--interval 30] [--items 4]
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import html
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from letopis.store import Store, StoreError

DEVSET = Path(__file__).parent.parent / "tests" / "data" / "factRuEval-2016" / "devset"
ARTICLES = ["book_105", "book_100", "book_115", "book_117", "book_124", "book_127", "book_129", "book_131"]
TARGET = 60.0
CHECK = 0.25  # seconds between searches


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def paragraphs(name: str) -> list[str]:
    text = (DEVSET / f"{name}.txt").read_text(encoding="utf-8-sig")
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def page(name: str) -> str:
    """An article page as a news site serves it: navigation, the article, a footer."""
    article = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(name))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name}</title></head><body>'
            "<nav><a href='/'>Главная</a></nav>"
            f"<article><h1>{name}</h1>{article}</article><footer>(c) Редакция</footer></body></html>")  # fmt: skip


def feed(base: str, names: list[str]) -> str:
    items = "".join(f"<item><title>{n}</title><link>{base}/{n}.html</link></item>" for n in names)
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента</title>'
    return f"{head}{items}</channel></rss>"


def word(name: str) -> str:
    """The longest word of letters of the article, to search for."""
    return max((w for w in " ".join(paragraphs(name)).split() if w.isalpha()), key=len)


def found(db: Path, query: str, url: str) -> bool:
    try:
        with Store(db) as store:
            return url in {hit["source"] for hit in store.search(query, limit=50)}
    except StoreError:  # held by the watch's write, or not created yet
        return False


def measure(root: Path, base: str, db: Path, published: list[str], name: str, limit: float) -> float:
    """Publish `name` in the feed; the seconds until a search finds its page in the store."""
    (root / "feed.rss").write_text(feed(base, [*published, name]), encoding="utf-8")
    started = time.monotonic()
    url, query = f"{base}/{name}.html", word(name)
    while time.monotonic() - started < limit:
        if found(db, query, url):
            return time.monotonic() - started
        time.sleep(CHECK)
    raise TimeoutError(f"{url} not searchable after {limit:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interval", type=float, default=30.0, help="letopis watch --interval")
    parser.add_argument("--items", type=int, default=4, help="items published one after another")
    options = parser.parse_args()
    if not 1 <= options.items < len(ARTICLES):
        parser.error(f"--items is 1 to {len(ARTICLES) - 1}")
    with tempfile.TemporaryDirectory() as scratch:
        root, db = Path(scratch) / "site", Path(scratch) / "watch.duckdb"
        root.mkdir()
        for name in ARTICLES:
            (root / f"{name}.html").write_text(page(name), encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        (root / "feed.rss").write_text(feed(base, ARTICLES[:1]), encoding="utf-8")
        (Path(scratch) / "feeds.txt").write_text(f"{base}/feed.rss\n", encoding="utf-8")
        command = [sys.executable, "-m", "letopis.cli", "watch", str(Path(scratch) / "feeds.txt"), "--db", str(db),
                   "--interval", str(options.interval)]  # fmt: skip
        watch = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            assert watch.stdout is not None
            print(json.dumps({"first_poll": watch.stdout.readline().strip()}), flush=True)
            first = time.monotonic()
            latencies = []
            for number in range(options.items):
                phase = (number + 0.5) / options.items * options.interval
                cycle = first + (number + 1) * options.interval * 2
                time.sleep(max(0.0, cycle + phase - time.monotonic()))
                published = ARTICLES[: number + 1]
                latencies.append(measure(root, base, db, published, ARTICLES[number + 1], 3 * options.interval + 60))
                print(json.dumps({"item": ARTICLES[number + 1], "published_at_s_into_cycle": round(phase, 1),
                                  "searchable_after_s": round(latencies[-1], 1)}), flush=True)  # fmt: skip
        finally:
            watch.terminate()
            watch.wait(timeout=30)
            server.shutdown()
    print(json.dumps({"interval_s": options.interval, "items": len(latencies),
                      "median_s": round(statistics.median(latencies), 1), "max_s": round(max(latencies), 1),
                      "target_s": TARGET, "met": max(latencies) < TARGET,
                      "loadavg": Path("/proc/loadavg").read_text().strip()}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
