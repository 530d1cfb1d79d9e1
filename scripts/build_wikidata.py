"""lexicon/wikidata.tsv: the Wikidata ids of the people, organisations and places letopis names, for the
`identifier_id` of PLOVER actors (the manual: "ideally ... a Wikidata ID").

NEREL v1.1 links its entity mentions to Wikidata. This script runs letopis on the NEREL texts, lines up
each of letopis' mentions with a NEREL mention of the same span and kind, and counts, per letopis entity
name, the Wikidata ids those mentions link to. A name is kept when it was linked in at least two mentions
and at least 80% of its links agree; a person needs a first name and a surname (a surname alone names
many people). Only letopis' own names and the Wikidata ids are written, never a text or an annotation.

    python scripts/build_wikidata.py [--nerel ../shared/benchmarks/NEREL-v1.1] > src/letopis/lexicon/wikidata.tsv
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys
from collections import Counter, defaultdict
from pathlib import Path

from letopis.lexicon.names import key, morphology
from letopis.pipeline import extract_document
from letopis.read import from_text

KINDS = {
    "PER": {"PERSON"},
    "ORG": {"ORGANIZATION"},
    "LOC": {"COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION"},
}
HEADER = """\
# Wikidata ids of names as letopis writes them (the entity's normal form), for the `identifier_id` of
# PLOVER actors. Built by scripts/build_wikidata.py from the Wikidata links of NEREL v1.1 (train and dev;
# Loukachevitch et al. 2023): letopis' own mentions on the NEREL texts lined up with NEREL's linked
# mentions. Kept: names linked in at least 2 mentions, 80% of them to one id. Wikidata is CC0.
# country: the one the NEREL texts state for it (80% of the mentions whose text states one), else `-`. A
# name of a country matches only an entity of that country or of none (`Генеральный штаб` RUS), and
# codes an organisation or person whose document states no country (`Microsoft`: USA).
# Columns: name, letopis type, country, Wikidata id, linked mentions.
"""


def links(ann: Path) -> dict[tuple[int, int], tuple[str, str]]:
    """(start, end) of each NEREL mention with a Wikidata link -> (NEREL type, Wikidata id)."""
    spans: dict[str, tuple[str, int, int]] = {}
    linked: dict[tuple[int, int], tuple[str, str]] = {}
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        fields = line.split("\t")
        if line.startswith("T") and len(fields) == 3 and ";" not in fields[1]:
            kind, first, last = fields[1].split()
            spans[fields[0]] = (kind, int(first), int(last))
    for line in lines:
        fields = line.split("\t")
        if line.startswith("N") and len(fields) >= 2:
            _, target, reference = fields[1].split()
            qid = reference.removeprefix("Wikidata:")
            if target in spans and qid.startswith("Q"):
                type, start, end = spans[target]
                linked[(start, end)] = (type, qid)
    return linked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nerel", type=Path, default=Path("../shared/benchmarks/NEREL-v1.1"))
    args = parser.parse_args()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    countries: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    paths = sorted(args.nerel.glob("train/*.txt")) + sorted(args.nerel.glob("dev/*.txt"))
    for number, path in enumerate(paths, 1):
        linked = links(path.with_suffix(".ann"))
        result = extract_document(from_text(path.read_text(encoding="utf-8"), str(path), path.stem), events=False)
        for entity in result.entities:
            if entity.generic or (entity.type == "PER" and len(entity.name.split()) < 2):
                continue
            for mention in entity.mentions:
                found = None if mention.anaphor else linked.get((mention.start, mention.end))
                if found is not None and found[0] in KINDS.get(entity.type, set()):
                    votes[(entity.name, entity.type)][found[1]] += 1
                    if entity.country and entity.country_from == "text":
                        countries[(entity.name, entity.type)][entity.country] += 1
        if number % 100 == 0:
            print(f"{number} of {len(paths)}", file=sys.stderr)
    rows: dict[tuple[str, str], tuple[str, str, str, str, int]] = {}  # (name key, type) -> row
    for (name, type), counter in votes.items():
        qid, count = counter.most_common(1)[0]
        if count >= 2 and count >= 0.8 * sum(counter.values()) and not common_noun(name):
            rows[(key(name), type)] = (name, type, agreed(countries[(name, type)]), qid, count)
    sys.stdout.write(HEADER)
    for name, type, country, qid, count in sorted(rows.values(), key=lambda row: (row[1], key(row[0]), row[2])):
        sys.stdout.write(f"{name}\t{type}\t{country}\t{qid}\t{count}\n")


def agreed(counter: Counter[str]) -> str:
    """The country 80% of the mentions' texts state, else `-`."""
    if not counter:
        return "-"
    country, count = counter.most_common(1)[0]
    return country if count >= 0.8 * sum(counter.values()) else "-"


def common_noun(name: str) -> bool:
    """`Агентство`: one word that the dictionary knows as a common noun names no one in particular."""
    if " " in name:
        return False
    parse = morphology().parse(name)[0]
    return (
        parse.is_known
        and "NOUN" in parse.tag
        and not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"} & parse.tag.grammemes
    )


if __name__ == "__main__":
    main()
