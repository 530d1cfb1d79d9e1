"""Train the attachment model (`src/letopis/learn/attachment.json.gz`) on NEREL v1.1 train and report
its pairwise precision, recall and F1 on NEREL dev beside a baseline (the nearest candidate of the right
kind in the sentence). `make model` runs it. NEREL's test split is never read.

    python scripts/train_attachment.py [--nerel ../shared/benchmarks/NEREL-v1.1] [--out FILE]

Each document is parsed by letopis's NLP pipeline; each gold entity of a kind the model knows becomes an
`Argument` (its characters mapped to tokens); a pair example is an anchor and a candidate of the
relation's kinds in one sentence, positive when NEREL links them. Needs scikit-learn (the `dev` extra);
the model it writes does not.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from letopis.learn.attachment import FORMAT, MODEL, RELATIONS
from letopis.learn.features import VERSION, Argument, Clusters, Kind, argument, distance, features, head
from letopis.nlp import Parsed, pipeline
from letopis.read.text import parse_text

log = logging.getLogger("train_attachment")

KINDS: dict[str, Kind] = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
                          "STATE_OR_PROVINCE": "LOC", "DISTRICT": "LOC", "LOCATION": "LOC", "FACILITY": "FAC",
                          "PROFESSION": "PROF", "EVENT": "EVENT", "DATE": "DATE", "TIME": "DATE"}  # fmt: skip
# NEREL relation -> (our relation, whether NEREL's first argument is our candidate)
LINKS = {"WORKS_AS": ("works_as", False), "WORKPLACE": ("workplace", False), "AGENT": ("event_agent", True),
         "PARTICIPANT_IN": ("event_participant", True), "TAKES_PLACE_IN": ("event_place", False),
         "POINT_IN_TIME": ("event_time", False)}  # fmt: skip
CLUSTERS = 48
MIN_COUNT = 2  # a feature seen in fewer training pairs gets no weight
COSTS = (0.1, 0.3, 1.0)  # inverse regularisation strengths tried by cross-validation on train
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)  # probability cuts tried with them
PROVENANCE = (
    "Trained on NEREL v1.1 train (Loukachevitch et al., NEREL: A Russian Dataset with Nested Named Entities, "
    "Relations and Events, RANLP 2021; https://github.com/nerel-ds/NEREL; CC BY 4.0) by "
    "scripts/train_attachment.py; weights derived from it, no text of it. Features: letopis.learn.features "
    "over letopis's natasha parse; clusters of navec news vectors (natasha, MIT)."
)


@dataclass(frozen=True, slots=True)
class Brat:
    text: str
    entities: dict[str, tuple[str, int, int]]  # id -> (type, start, end)
    relations: list[tuple[str, str, str]]  # (type, arg1, arg2)


@dataclass(slots=True)
class Doc:
    """A parsed document, its arguments and the gold pairs of each relation (indexes into `arguments`)."""

    name: str
    parsed: Parsed
    arguments: list[Argument] = field(default_factory=list)
    gold: dict[str, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))
    lost: Counter[str] = field(default_factory=Counter)  # gold links not in one sentence


@dataclass(frozen=True, slots=True)
class Pair:
    doc: int
    anchor: Argument
    candidate: Argument
    rivals: tuple[Argument, ...]
    label: bool


def read_brat(path: Path) -> Brat:
    entities: dict[str, tuple[str, int, int]] = {}
    relations = []
    for line in path.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, positions = parts[1].partition(" ")
            bounds = [int(x) for p in positions.split(";") for x in p.split()]
            entities[parts[0]] = (kind, min(bounds), max(bounds))
        elif line.startswith("R") and len(parts) >= 2:
            kind, arg1, arg2 = parts[1].split()[:3]
            relations.append((kind, arg1.split(":")[1], arg2.split(":")[1]))
    return Brat(path.read_bytes().decode("utf-8"), entities, relations)


def links(brat: Brat) -> Iterator[tuple[str, str, str]]:
    """(relation, anchor id, candidate id) of NEREL's links; a person also works where the profession NEREL
    links to it works (`президент России Владимир Путин`: WORKS_AS and WORKPLACE of the profession)."""
    workplaces = defaultdict(set)
    for kind, arg1, arg2 in brat.relations:
        if kind in LINKS:
            relation, flip = LINKS[kind]
            yield (relation, arg2, arg1) if flip else (relation, arg1, arg2)
        if kind == "WORKPLACE":
            workplaces[arg1].add(arg2)
    for kind, person, profession in brat.relations:
        if kind == "WORKS_AS":
            yield from (("workplace", person, place) for place in workplaces[profession])


def load(path: Path) -> Doc:
    brat = read_brat(path)
    doc = Doc(path.stem, pipeline().parse(parse_text(brat.text, str(path), path.stem)))
    index: dict[Argument, int] = {}  # entities of one kind on the same tokens are one argument
    ids: dict[str, int] = {}
    for id, (type, start, end) in brat.entities.items():
        found = argument(doc.parsed, start, end, KINDS[type]) if type in KINDS else None
        if found is not None:
            ids[id] = index.setdefault(found, len(index))
    doc.arguments = list(index)
    for relation, anchor, candidate in links(brat):
        if anchor not in ids or candidate not in ids:
            continue
        a, c = doc.arguments[ids[anchor]], doc.arguments[ids[candidate]]
        kinds = RELATIONS[relation]
        if a.kind not in kinds[0] or c.kind not in kinds[1] or a.tokens == c.tokens:
            continue
        if sentence(doc.parsed, a) == sentence(doc.parsed, c):
            doc.gold[relation].add((ids[anchor], ids[candidate]))
        else:
            doc.lost[relation] += 1
    return doc


def sentence(parsed: Parsed, arg: Argument) -> int:
    return parsed.tokens[head(parsed, arg.tokens)].sent


def pairs(docs: Sequence[Doc], relation: str) -> Iterator[Pair]:
    """Every anchor and candidate of the relation's kinds in one sentence."""
    anchors, kinds = RELATIONS[relation]
    for number, doc in enumerate(docs):
        by_sentence = defaultdict(list)
        for i, arg in enumerate(doc.arguments):
            by_sentence[sentence(doc.parsed, arg)].append(i)
        for members in by_sentence.values():
            candidates = [i for i in members if doc.arguments[i].kind in kinds]
            rivals = tuple(doc.arguments[i] for i in candidates)
            for a in (i for i in members if doc.arguments[i].kind in anchors):
                for c in candidates:
                    if doc.arguments[c].tokens != doc.arguments[a].tokens:
                        gold = (a, c) in doc.gold[relation]
                        yield Pair(number, doc.arguments[a], doc.arguments[c], rivals, gold)


def fit_clusters(docs: Sequence[Doc], vector: Callable[[str], NDArray[np.float32] | None]) -> NDArray[np.float32]:
    """Unit centroids of the navec vectors of the head lemmas of all arguments of the training documents."""
    lemmas = {d.parsed.tokens[head(d.parsed, a.tokens)].lemma.lower() for d in docs for a in d.arguments}
    found = [v for v in map(vector, sorted(lemmas)) if v is not None and v.any()]
    vectors = np.stack(found) / np.linalg.norm(np.stack(found), axis=1, keepdims=True)
    means = KMeans(CLUSTERS, n_init=4, random_state=0).fit(vectors).cluster_centers_
    log.info("clusters: %d centroids of %d lemmas", CLUSTERS, len(found))
    unit: NDArray[np.float32] = (means / np.linalg.norm(means, axis=1, keepdims=True)).astype(np.float32)
    return unit


def matrix(rows: Sequence[list[str]], columns: dict[str, int]) -> csr_matrix:
    indices = [[columns[f] for f in row if f in columns] for row in rows]
    flat = np.fromiter((i for row in indices for i in row), dtype=np.int64)
    pointers = np.cumsum([0, *map(len, indices)])
    return csr_matrix((np.ones(len(flat)), flat, pointers), shape=(len(rows), len(columns)))


def regression(cost: float) -> LogisticRegression:
    return LogisticRegression(C=cost, solver="liblinear", max_iter=1000, random_state=0)


def choose(x: csr_matrix, y: NDArray[np.bool_], groups: NDArray[np.int64]) -> tuple[float, float]:
    """The cost and the threshold with the best pairwise F1 over three folds of the training documents."""
    scores = {}
    for cost in COSTS:
        said = np.zeros(len(y))
        for train, test in GroupKFold(3).split(x, y, groups):
            model = regression(cost).fit(x[train], y[train])
            said[test] = model.predict_proba(x[test])[:, 1]
        for cut in THRESHOLDS:
            tp, fp, fn = int((said >= cut)[y].sum()), int((said >= cut)[~y].sum()), int((said < cut)[y].sum())
            scores[cost, cut] = f1(tp, fp, fn)[2]
    best = max(scores, key=lambda key: scores[key])
    log.info("cost %s, threshold %s: F1 %.3f on train folds", *best, scores[best])
    return best


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(said: Sequence[bool], pairs: Sequence[Pair]) -> dict[str, float]:
    tp = sum(bool(s) and p.label for s, p in zip(said, pairs, strict=True))
    fp = sum(bool(s) and not p.label for s, p in zip(said, pairs, strict=True))
    fn = sum(p.label and not s for s, p in zip(said, pairs, strict=True))
    p, r, f = f1(tp, fp, fn)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def nearest(pairs: Sequence[Pair]) -> list[bool]:
    """The baseline: for each anchor, the candidate nearest to it in tokens (the earlier one of two as near)."""
    best: dict[tuple[int, range], tuple[int, int, int]] = {}
    for i, p in enumerate(pairs):
        key = (p.doc, p.anchor.tokens)
        rank = (distance(p.anchor.tokens, p.candidate.tokens), p.candidate.tokens.start, i)
        best[key] = min(best.get(key, rank), rank)
    chosen = {i for _, _, i in best.values()}
    return [i in chosen for i in range(len(pairs))]


def train(relation: str, train_docs: Sequence[Doc], dev_docs: Sequence[Doc], clusters: Clusters) -> dict[str, object]:
    started = time.perf_counter()
    train_pairs, dev_pairs = list(pairs(train_docs, relation)), list(pairs(dev_docs, relation))
    rows = [features(train_docs[p.doc].parsed, p.anchor, p.candidate, p.rivals, clusters) for p in train_pairs]
    counts = Counter(f for row in rows for f in set(row))
    columns = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x, y = matrix(rows, columns), np.array([p.label for p in train_pairs])
    cost, cut = choose(x, y, np.array([p.doc for p in train_pairs]))
    model = regression(cost).fit(x, y)
    dev_rows = [features(dev_docs[p.doc].parsed, p.anchor, p.candidate, p.rivals, clusters) for p in dev_pairs]
    said = model.predict_proba(matrix(dev_rows, columns))[:, 1]
    weights = {f: round(float(w), 4) for f, w in zip(columns, model.coef_[0], strict=True) if abs(w) >= 1e-4}
    report = {
        "train_pairs": len(train_pairs), "train_positive": int(y.sum()), "dev_pairs": len(dev_pairs),
        "dev_positive": sum(p.label for p in dev_pairs), "cost": cost, "threshold": cut, "features": len(weights),
        "dev_lost_across_sentences": sum(d.lost[relation] for d in dev_docs),
        "model": score(list(said >= cut), dev_pairs), "model_at_0.5": score(list(said >= 0.5), dev_pairs),
        "baseline": score(nearest(dev_pairs), dev_pairs),
    }  # fmt: skip
    log.info("%s: %s (%.0f s)", relation, report, time.perf_counter() - started)
    bias = round(float(model.intercept_[0]), 4)
    return {"bias": bias, "threshold": cut, "weights": weights, "report": report}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nerel", type=Path, default=Path("../shared/benchmarks/NEREL-v1.1"))
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--limit", type=int, default=None, help="read only the first N documents of each split")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    train_docs = [load(p) for p in sorted((args.nerel / "train").glob("*.txt"))[: args.limit]]
    dev_docs = [load(p) for p in sorted((args.nerel / "dev").glob("*.txt"))[: args.limit]]
    log.info(
        "parsed %d train and %d dev documents (%.0f s)", len(train_docs), len(dev_docs), time.perf_counter() - started
    )
    clusters = Clusters(fit_clusters(train_docs, pipeline().vector), pipeline().vector)
    relations = {name: train(name, train_docs, dev_docs, clusters) for name in RELATIONS}
    record = {
        "format": FORMAT, "features_version": VERSION, "provenance": PROVENANCE, "trained": date.today().isoformat(),
        "train_documents": len(train_docs), "dev_documents": len(dev_docs),
        "clusters": [[round(float(x), 4) for x in row] for row in clusters.centroids],
        "relations": relations,
    }  # fmt: skip
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as file:
        file.write(data)  # no time stamp in the gzip header: the same training gives the same file
    log.info("wrote %s: %d bytes (%.0f s in all)", args.out, args.out.stat().st_size, time.perf_counter() - started)


if __name__ == "__main__":
    main()
