"""Cost of extraction on pathological input: time and peak memory at doubling sizes, each size in a fresh
process, so that growth faster than linear shows (issue 10, bounded cost).

Kinds of input, each one document of the given number of characters:
- line: real words without any punctuation, one line (one giant sentence for razdel);
- quotes: a run of `«`;
- names: capitalised first names and surnames, space-separated, no punctuation;
- list: `Имя Фамилия, Имя Фамилия, ...` in one sentence;
- sentences: many short sentences with a titled person, a place and an event;
- article: the reference article's body, repeated (a few entities with very many mentions);
- real: the bundled factRuEval-2016 articles, blank-line paragraphs, repeated.

For each kind and size: seconds, characters per second, peak RSS of the worker (models included) and
the growth ratio time(2n)/time(n), ~2.0 when cost is linear. Then, per kind, the largest document that
stays under the memory ceiling on the line through the two largest sizes; for real text, checked by one
run (the figure to choose a per-document size limit from; `quotes`, a word per character, is the worst).

    OPENBLAS_NUM_THREADS=1 python benchmarks/pathological.py [--kinds real line] [--start 16000] [--stop 256000]
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).parent.parent
DEVSET = ROOT / "tests" / "data" / "factRuEval-2016" / "devset"
SAMPLE = ROOT / "samples" / "000_f9e879b08a32d2e4.txt"
CEILING_MB = 500
FIRST = ["Иван", "Анна", "Сергей", "Мария", "Ержан", "Джамиль", "Ольга", "Саид", "Томас", "Хироси"]
LAST = ["Петров", "Кистафин", "Ахмад", "Накви", "Сидорова", "Мюллер", "Танака", "Лавров", "Орлова"]
SENTENCE = "Посол {country} в Пакистане {name} посетил город Карачи и провёл переговоры с {other}. "
COUNTRIES = ["Казахстана", "России", "Японии", "Германии", "Франции", "Китая"]


def real_text() -> str:
    """The bundled factRuEval-2016 development articles, one after another, blank lines between."""
    return "\n\n".join(path.read_text(encoding="utf-8").strip() for path in sorted(DEVSET.glob("*.txt")))


def fill(parts: Iterable[str], size: int) -> str:
    """`parts` joined until the text reaches `size` characters, cut there."""
    chunks: list[str] = []
    length = 0
    for part in parts:
        if length >= size:
            break
        chunks.append(part)
        length += len(part)
    return "".join(chunks)[:size]


def names() -> Iterator[str]:
    return cycle([f"{first} {last}" for last in LAST for first in FIRST])


def line(size: int) -> str:
    words = re.findall(r"\w+", real_text())
    return fill((w + " " for w in cycle(words)), size)


def quotes(size: int) -> str:
    return "«" * size


def name_run(size: int) -> str:
    return fill((n + " " for n in names()), size)


def name_list(size: int) -> str:
    return fill((n + ", " for n in names()), size)


def sentences(size: int) -> str:
    people = names()
    parts = (SENTENCE.format(country=country, name=next(people), other=next(people)) for country in cycle(COUNTRIES))
    return fill(parts, size)


def article(size: int) -> str:
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]  # without the seed header line
    return fill(cycle([body]), size)


def real(size: int) -> str:
    return fill(cycle([real_text(), "\n\n"]), size)


KINDS: dict[str, Callable[[int], str]] = {
    "line": line,
    "quotes": quotes,
    "names": name_run,
    "list": name_list,
    "sentences": sentences,
    "article": article,
    "real": real,
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def work(kind: str, size: int) -> dict[str, float]:
    """Extract one document of `kind` and `size` in this process: seconds, peak RSS, RSS after loading."""
    from letopis.nlp import pipeline
    from letopis.pipeline import extract

    pipeline()
    extract("Посол Казахстана в Пакистане Ержан Кистафин посетил Карачи.")  # lexicons and caches
    loaded = peak_mb()
    text = KINDS[kind](size)
    start = time.perf_counter()
    result = extract(text)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": peak_mb(), "loaded_mb": loaded, "entities": len(result.entities)}


def measure(kind: str, size: int, timeout: float) -> dict[str, float] | str:
    """`work` in a fresh interpreter, so that each peak is its own; why it failed, if it did."""
    command = [sys.executable, __file__, "--worker", kind, str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"over {timeout:g} s"
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def series(kind: str, sizes: list[int], timeout: float) -> list[tuple[int, dict[str, float]]]:
    """Measure `kind` at every size and print one row each, with the growth ratio to the size before; a
    size that fails (out of time or memory) ends the series."""
    rows: list[tuple[int, dict[str, float]]] = []
    for size in sizes:
        result = measure(kind, size, timeout)
        if isinstance(result, str):
            print(f"{kind:<10} {size:>9,} failed: {result}", flush=True)
            break
        previous = rows[-1][1]["seconds"] if rows else None
        growth = f"{result['seconds'] / previous:5.2f}" if previous else "    -"
        ok = "ok" if result["peak_mb"] <= CEILING_MB else "OVER"
        print(
            f"{kind:<10} {size:>9,} {result['seconds']:8.2f} {size / result['seconds']:10,.0f} "
            f"{result['peak_mb']:8.0f} {ok:>4}  {growth}  {result['entities']:7.0f}",
            flush=True,
        )
        rows.append((size, result))
    return rows


def largest_under_ceiling(rows: list[tuple[int, dict[str, float]]]) -> int | None:
    """The size where peak RSS reaches the ceiling on the line through the two largest sizes (where the
    models' constant part weighs least); None when peak RSS did not grow between them."""
    (small, low), (large, high) = rows[-2], rows[-1]
    slope = (high["peak_mb"] - low["peak_mb"]) / (large - small)
    return int(large + (CEILING_MB - high["peak_mb"]) / slope) if slope > 0 else None


def doublings(start: int, stop: int) -> list[int]:
    sizes = [start]
    while sizes[-1] * 2 <= stop:
        sizes.append(sizes[-1] * 2)
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    parser.add_argument("--start", type=int, default=16_000, help="first size, characters")
    parser.add_argument("--stop", type=int, default=256_000, help="last size of the pathological kinds")
    parser.add_argument("--real-stop", type=int, default=2_048_000, help="last size of real text")
    parser.add_argument("--timeout", type=float, default=600, help="seconds one size may take")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(work(args.worker[0], int(args.worker[1]))))
        return
    print(f"{'kind':<10} {'chars':>9} {'seconds':>8} {'chars/s':>10} {'peak MB':>8} {'<500':>4}  {'x2 time'}  entities")
    for kind in args.kinds:
        rows = series(kind, doublings(args.start, args.real_stop if kind == "real" else args.stop), args.timeout)
        if len(rows) < 2:
            continue
        limit = largest_under_ceiling(rows)
        if limit is None:
            print(f"{kind:<10} peak RSS did not grow from {rows[-2][0]:,} to {rows[-1][0]:,} characters", flush=True)
            continue
        print(f"{kind:<10} under {CEILING_MB} MB peak RSS up to about {limit:,} characters", flush=True)
        if kind == "real":
            check = measure(kind, limit, args.timeout)
            checked = check if isinstance(check, str) else f"{check['peak_mb']:.0f} MB, {check['seconds']:.1f} s"
            print(f"{kind:<10} {limit:,} characters checked: {checked} (models alone {rows[0][1]['loaded_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
