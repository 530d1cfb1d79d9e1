"""Candidates for lexicon/known_people.tsv: the heads of state and government, foreign ministers and
leaders of international bodies that letopis' own occupations name on the texts of NEREL v1.1 train and
the factRuEval-2016 devset, with the country (or international body) and how many documents say so.

    python scripts/build_known_people.py [--nerel ../shared/benchmarks/NEREL-v1.1/train]
        [--factru tests/data/factRuEval-2016/devset] > /tmp/known_people.candidates.tsv

The output is checked by hand before rows go into the lexicon (docs/codebook.md says how): a wrong
attachment or a person named only in passing is dropped. Only names, positions and countries are kept,
never the texts."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys
from collections import Counter
from pathlib import Path

from letopis.lexicon import named_groups
from letopis.lexicon.names import key
from letopis.pipeline import extract_document
from letopis.read import from_text

LEADERS = {
    "президент", "премьер-министр", "председатель правительства", "канцлер", "король", "королева",
    "министр иностранных дел", "госсекретарь", "государственный секретарь", "генеральный секретарь",
    "глава государства", "глава правительства", "премьер", "шах", "эмир", "султан", "председатель кнр",
    "председатель европейской комиссии", "верховный представитель",
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nerel", type=Path, default=Path("../shared/benchmarks/NEREL-v1.1/train"))
    parser.add_argument("--factru", type=Path, default=Path("tests/data/factRuEval-2016/devset"))
    args = parser.parse_args()
    found: Counter[tuple[str, str, str, str]] = Counter()
    paths = sorted(args.nerel.glob("*.txt")) + sorted(args.factru.glob("*.txt"))
    for number, path in enumerate(paths, 1):
        result = extract_document(from_text(path.read_text(encoding="utf-8"), str(path), path.stem), events=False)
        by_id = {e.id: e for e in result.entities}
        seen = set()
        for job in result.occupations:
            person, where = by_id[job.person], by_id.get(job.where or "")
            if job.position not in LEADERS or where is None or len(person.name.split()) < 2:
                continue
            group = named_groups().get(key(where.name))
            code = where.country if where.kind == "country" else group[1] if group else None
            if code is None:
                continue
            row = (person.name, job.position, code, str(where.name))
            if row not in seen:
                seen.add(row)
                found[row] += 1
        if number % 100 == 0:
            print(f"{number} of {len(paths)}", file=sys.stderr)
    print("name\tposition\tcode\twhere\tdocuments")
    for (name, position, code, place), count in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        print(f"{name}\t{position}\t{code}\t{place}\t{count}")


if __name__ == "__main__":
    main()
