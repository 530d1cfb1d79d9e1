"""Load benchmark of the web app on loopback: CLIENTS concurrent clients for SECONDS seconds, each asking
in turn for a search, a filtered event list, an entity page and a country-pair dashboard (the JSON
twins), bounded by --max-requests per client. Prints p50 and p95 per kind and overall, the errors, and
the machine's load average before and after (the machine may be shared). The app keeps its answers until
the corpus changes, so after the first round these come from its cache; `--cold` adds a parameter of its
own to every request (`?n=7`), so that every answer is made again from the store. `--vary` asks about many
entities, pairs and words drawn from the corpus (its 200 most named entities, 100 largest pairs and the
words of those names), each client in its own random order, instead of the same four pages. `--cost N`
asks instead, one request at a time, N times for each page (each answer made afresh) and prints the CPU
time the server spent per request (README's "what a request costs").

    .venv/bin/python benchmarks/load.py --db .letopis/demo.duckdb          # starts `letopis serve` itself
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8000        # or a server already running
    .venv/bin/python benchmarks/store.py --rounds 0 --keep .letopis/scale.duckdb   # 1M events, kept
    .venv/bin/python benchmarks/load.py --db .letopis/scale.duckdb [--cold] [--vary]
    .venv/bin/python benchmarks/load.py --db .letopis/demo.duckdb --cost 100    # server CPU per request
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

PATHS = {
    "search": ["/api/search?q=" + quote("Казахстан")],
    "events": ["/api/events?pair=KAZ-PAK&type=CONSULT"],
    "entity": ["/api/entity/" + quote("Ержан Кистафин")],
    "pair": ["/api/pair/KAZ-PAK"],
}
Paths = dict[str, list[str]]


def fetch(url: str) -> list[dict[str, object]]:
    with urllib.request.urlopen(url, timeout=120) as response:
        items: list[dict[str, object]] = json.load(response)["items"]
        return items


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=120):
            return True
    except urllib.error.HTTPError:
        return False


def drawn(base: str) -> Paths:
    """Pages of many entities, pairs and words of the corpus at `base`."""
    names = [str(item["name"]) for item in fetch(f"{base}/api/entities?limit=200")]
    pairs = [str(item["name"]) for item in fetch(f"{base}/api/pairs?limit=100")]
    pairs = [pair for pair in pairs if answers(f"{base}/api/pair/{pair}")]  # not a code such as IGO
    words = sorted({word for name in names for word in name.split() if len(word) > 3 and word.isalpha()})
    return {"search": ["/api/search?q=" + quote(word) for word in words],
            "events": [f"/api/events?pair={pair}" for pair in pairs],
            "entity": ["/api/entity/" + quote(name) for name in names],
            "pair": [f"/api/pair/{pair}" for pair in pairs]}  # fmt: skip


def client(base: str, paths: Paths, until: float, most: int, times: dict[str, list[float]], errors: list[str],
           numbers: Iterator[int] | None, seed: int) -> None:  # fmt: skip
    done = 0
    rng = random.Random(seed)
    while time.monotonic() < until and done < most:
        for kind, choices in paths.items():
            path = rng.choice(choices)
            url = base + path if numbers is None else f"{base}{path}{'&' if '?' in path else '?'}n={next(numbers)}"
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
            except (urllib.error.URLError, OSError) as error:
                errors.append(f"{kind}: {error}")
                continue
            times[kind].append((time.perf_counter() - start) * 1000)
        done += 1


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100)[int(share * 100) - 1] if len(values) > 1 else values[0]


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def run(base: str, clients: int, seconds: float, most: int, cold: bool, vary: bool) -> int:
    paths = drawn(base) if vary else PATHS
    times: dict[str, list[float]] = {kind: [] for kind in paths}
    errors: list[str] = []
    numbers = itertools.count() if cold else None
    print(f"load average before: {load()}")
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(base, paths, until, most, times, errors, numbers, seed))
               for seed in range(clients)]  # fmt: skip
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    everything = [t for values in times.values() for t in values]
    mode = "".join([" cold" if cold else "", f" varied over {sum(map(len, paths.values()))} pages" if vary else ""])
    print(f"{clients} clients{mode}, {elapsed:.0f} s, {len(everything)} requests "
          f"({len(everything) / elapsed:.0f}/s), {len(errors)} errors; load average after: {load()}")  # fmt: skip
    for kind, values in [*times.items(), ("all", everything)]:
        if values:
            p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
            print(f"{kind:8} n={len(values):6}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    for error in errors[:5]:
        print("error:", error)
    return 1 if errors else 0


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of process `pid` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cost(base: str, pid: int, times: int) -> None:
    """The server's CPU time per request, one request at a time, `times` of each page (after 5 unmeasured)."""
    numbers = itertools.count()
    for kind, (path, *_) in PATHS.items():
        urls = [f"{base}{path}{'&' if '?' in path else '?'}n={next(numbers)}" for _ in range(times + 5)]
        for url in urls[:5]:
            urllib.request.urlopen(url, timeout=120).read()
        before = cpu_seconds(pid)
        for url in urls[5:]:
            urllib.request.urlopen(url, timeout=120).read()
        print(f"{kind:8} {(cpu_seconds(pid) - before) / times * 1000:6.1f} ms of server CPU a request ({times})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="Serve this corpus on a free loopback port for the run")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="A server already running")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=10_000, help="Rounds per client at most")
    parser.add_argument("--cold", action="store_true", help="No answer from the app's cache: each request is new")
    parser.add_argument("--vary", action="store_true", help="Many entities, pairs and words drawn from the corpus")
    parser.add_argument("--cost", type=int, metavar="N", help="Server CPU per request, one at a time, N of each (--db)")
    args = parser.parse_args()
    if args.cost and args.db is None:
        parser.error("--cost needs --db: it reads the CPU time of the server it starts")
    if args.db is None:
        sys.exit(run(args.url.rstrip("/"), args.clients, args.seconds, args.max_requests, args.cold, args.vary))
    port = free_port()
    letopis = Path(sys.executable).with_name("letopis")
    server = subprocess.Popen([str(letopis), "serve", "--db", str(args.db), "--port", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                # the API's description, which reads nothing from the corpus: a query probe that timed out
                # would leave the server computing it while the run begins (/api/summary takes seconds at 1M)
                urllib.request.urlopen(base + "/api/openapi.json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        if args.cost:
            cost(base, server.pid, args.cost)
            status = 0
        else:
            status = run(base, args.clients, args.seconds, args.max_requests, args.cold, args.vary)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    sys.exit(status)


if __name__ == "__main__":
    main()
