"""Fit the event confidence model (src/letopis/lexicon/event_confidence.tsv) on the `tune` half of the
event gold: a logistic regression with an L2 penalty (Newton's method, numpy only) from the features of
`letopis.extractors.events.confidence` to whether the event matches a gold event by the strict rules.

    python scripts/fit_confidence.py [--gold gold/events/tune] [--texts ../shared/benchmarks]

Only `tune` is read: `check` stays for measuring the calibration (`letopis eval events gold/events/check`
prints `events.strict.confident`, the precision of the events of confidence 0.5 or more)."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from pathlib import Path

import numpy as np

from letopis.evaluate.events import extracted, gold_files
from letopis.evaluate.gold import match_events
from letopis.extractors.events.confidence import features

OUT = Path(__file__).parent.parent / "src" / "letopis" / "lexicon" / "event_confidence.tsv"
# L2 strength, chosen by leave-one-out log loss on tune (2026-12-02, 101 events): 0.5 -> 0.736, 1 -> 0.716,
# 2 -> 0.702, 5 -> 0.691, 10 -> 0.685, 20 -> 0.682, 50 -> 0.679 (a constant at the base rate: 0.668).
# The output's own signals do not yet tell right events from wrong ones, so the strongest penalty wins and
# the confidence stays near the share of right events.
PENALTY = 50.0


def examples(gold_dir: Path, texts: Path) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for path in gold_files(gold_dir):
        _, gold, result = extracted(path, texts)
        matched, _ = match_events(result, gold, strict=True)
        right = {id(e) for e in matched.values()}
        for event in result.events:
            rows.append(features(event, result))
            labels.append(int(id(event) in right))
    return rows, labels


def fit(rows: list[list[str]], labels: list[int]) -> dict[str, float]:
    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name in row:
            x[i, index[name]] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(len(names), PENALTY)
    penalty[index["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hessian, gradient)
    return {name: round(float(w[index[name]]), 4) for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("gold/events/tune"))
    parser.add_argument("--texts", type=Path, default=Path("../shared/benchmarks"))
    args = parser.parse_args()
    rows, labels = examples(args.gold, args.texts)
    fitted = fit(rows, labels)
    header = [
        "# Event confidence: logistic-regression weights by feature (extractors/events/confidence.py).",
        f"# Fitted by scripts/fit_confidence.py on {args.gold} ({len(rows)} events, {sum(labels)} right by the",
        "#   strict rules of the event gold); the gold annotates NEREL v1.1 train documents (CC BY 4.0).",
        "# Columns: feature<TAB>weight",
    ]
    lines = header + [f"{name}\t{weight}" for name, weight in fitted.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} events, {sum(labels)} right; {len(fitted)} weights written to {OUT}")


if __name__ == "__main__":
    main()
