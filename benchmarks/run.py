"""Throughput and peak memory of `letopis` extraction against a natasha-only baseline, same process.

The baseline is what natasha alone does to each article (segment + morph + syntax + NER); letopis adds
units, lemmas, normal forms, coreference, roles and actor coding on top. Runs alternate, several
rounds, and the ratio of medians is what counts (the machine is noisy).

    OPENBLAS_NUM_THREADS=1 python benchmarks/run.py [--rounds 5] [--interleave] [PATH...]

`--interleave` runs the three jobs on each article in turn and sums their CPU time, so that a swing of
the machine's load hits all three alike: steadier ratios on a shared machine.
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import natasha

from letopis.model import Document
from letopis.nlp import pipeline
from letopis.pipeline import extract_document
from letopis.read import read_paths

ROOT = Path(__file__).parent.parent
DEFAULT = [ROOT / "samples", ROOT / "tests" / "data" / "factRuEval-2016" / "devset"]


def natasha_baseline() -> Callable[[Document], object]:
    """natasha's own Doc pipeline over the very models letopis loaded (one set in memory)."""
    nlp = pipeline()
    segmenter = natasha.Segmenter()
    morph, syntax, ner = nlp.morph, nlp.syntax, nlp.ner

    def run(doc: Document) -> object:
        nat = natasha.Doc(doc.text)
        nat.segment(segmenter)
        nat.tag_morph(morph)
        nat.parse_syntax(syntax)
        nat.tag_ner(ner)
        return nat

    return run


def entities_only(doc: Document) -> object:
    return extract_document(doc, events=False)


def rate(job: Callable[[Document], object], docs: list[Document]) -> float:
    start = time.perf_counter()
    for doc in docs:
        job(doc)
    return len(docs) / (time.perf_counter() - start)


def cpu_seconds(jobs: list[Callable[[Document], object]], docs: list[Document]) -> list[float]:
    """CPU time of each job over `docs`, the jobs taking turns article by article."""
    spent = [0.0] * len(jobs)
    for doc in docs:
        for number, job in enumerate(jobs):
            start = time.process_time()
            job(doc)
            spent[number] += time.process_time() - start
    return spent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--interleave", action="store_true", help="take turns per article, time by CPU")
    args = parser.parse_args()
    docs = [d for d in read_paths(args.paths) if isinstance(d, Document)]
    chars = sum(len(d.text) for d in docs)
    baseline = natasha_baseline()
    extract_document(docs[0])
    print(f"{len(docs)} articles, {chars / len(docs):.0f} characters each on average, {args.rounds} rounds")
    if args.interleave:
        for number in range(args.rounds):
            base, core, mine = cpu_seconds([baseline, entities_only, extract_document], docs)
            print(f"round {number + 1}, CPU time: ratio {base / mine:.3f}, events add {mine / core - 1:+.1%}")
        print(f"peak memory (max RSS, whole process):        {peak_mb():7.0f} MB  (target <= 500)")
        return
    base_rates, cores, ours = [], [], []
    for _ in range(args.rounds):
        base_rates.append(rate(baseline, docs))
        cores.append(rate(entities_only, docs))
        ours.append(rate(extract_document, docs))
    base, core, mine = statistics.median(base_rates), statistics.median(cores), statistics.median(ours)
    print(f"natasha baseline (segment+morph+syntax+NER): {base:7.1f} articles/s")
    print(f"letopis extract without events:              {core:7.1f} articles/s")
    print(f"letopis extract with events:                 {mine:7.1f} articles/s")
    print(f"ratio letopis (with events) / baseline:      {mine / base:7.2f}  (target >= 0.80)")
    print(f"time added by events:                        {core / mine - 1:7.1%}  (target <= 20%)")
    print(f"peak memory (max RSS, whole process):        {peak_mb():7.0f} MB  (target <= 500)")


if __name__ == "__main__":
    main()
