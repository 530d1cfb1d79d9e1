"""Features of a pair of mentions in one parsed sentence: does the candidate fill a slot of the anchor?

A mention is an `Argument`: a range of token indexes into `Parsed.tokens` and a kind (`PER`, `ORG`,
`LOC`, `FAC`, `PROF` for a profession or position phrase, `EVENT` for an event trigger, `DATE`). The
features of a pair are strings (`path=^nsubj vobl`, `cprep|ccase=в|Loc`); a model gives each a weight.
They read the dependency path between the two head tokens, the distance and direction, the heads' part
of speech, case, lemma and governor, a preposition on each head, what stands between (commas, verbs,
rivals of the candidate's kind), whether the two share a clause, and the navec cluster of each head's
lemma (`Clusters`). `VERSION` changes whenever the features do, so a model trained on other features
is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from letopis.nlp import Parsed, Token

VERSION = 1
Kind = Literal["PER", "ORG", "LOC", "FAC", "PROF", "EVENT", "DATE"]
MAX_PATH = 4  # dependency links; a longer path is `long`
GAPS = (0, 1, 2, 3, 4, 6, 10, 20)  # bucket bounds of the number of tokens between the two mentions
PUNCT_COMMA = {",", ";"}
CLAUSE_RELS = {"root", "ccomp", "advcl", "acl:relcl", "parataxis", "csubj"}

# Atoms crossed with each other: a linear model weighs a path differently for each candidate kind.
CONJUNCTIONS = (
    ("akind", "ckind"),
    ("path", "ckind"),
    ("path", "akind"),
    ("shape", "dir"),
    ("dir", "gap"),
    ("dir", "rank"),
    ("ckind", "rank"),
    ("dir", "between"),
    ("acase", "ccase"),
    ("cprep", "ccase"),
    ("alemma", "cprep"),
    ("alemma", "dir"),
    ("acluster", "cprep"),
    ("acluster", "ccase"),
    ("acluster", "path"),
    ("ccluster", "path"),
    ("arel", "crel"),
    ("clause", "dir"),
    ("crel", "cgov"),
    ("apos", "path"),
    ("lcalemma", "ckind"),
    ("plen", "dir"),
    ("ccluster", "ccase"),
    ("alemma", "ccase"),
    ("acluster", "dir"),
    ("nest", "ckind"),
)


@dataclass(frozen=True, slots=True)
class Argument:
    """A mention as the model reads it: its tokens (indexes into `Parsed.tokens`) and its kind."""

    tokens: range
    kind: Kind


def argument(parsed: Parsed, start: int, end: int, kind: Kind) -> Argument | None:
    """The argument of text[start:end] (character offsets), None when no token overlaps it."""
    first, last = parsed.token_range(start, end)
    return Argument(range(first, last), kind) if first < last else None


@dataclass(slots=True)
class Clusters:
    """Lemmas to the nearest of a few unit centroids of their navec vectors; None for an unknown word."""

    centroids: NDArray[np.float32]
    vector: Callable[[str], NDArray[np.float32] | None]
    memo: dict[str, int | None] = field(default_factory=dict)

    def of(self, lemma: str) -> int | None:
        if lemma not in self.memo:
            found = self.vector(lemma.lower())
            self.memo[lemma] = None if found is None or not found.any() else int(np.argmax(self.centroids @ found))
        return self.memo[lemma]


def head(parsed: Parsed, tokens: range) -> int:
    """The token of a span whose dependency head lies outside it (the first such): the span's root."""
    return next((i for i in tokens if parsed.tokens[i].head not in tokens), tokens[0])


def ancestors(parsed: Parsed, index: int) -> list[int]:
    """The token and its heads up to the root of its sentence (a chunk of a long one)."""
    found = [index]
    while (up := parsed.tokens[found[-1]].head) >= 0 and up not in found:
        found.append(up)
    return found


def path(parsed: Parsed, a: int, c: int) -> tuple[list[str], int]:
    """The dependency links from token a up to the lowest common head and down to token c (`^rel` up,
    `vrel` down) and that head, or no links and -1 when the two are in different trees."""
    up, down = ancestors(parsed, a), ancestors(parsed, c)
    below = set(down)
    common = next((i for i in up if i in below), -1)
    if common < 0:
        return [], -1
    rising = [f"^{parsed.tokens[i].rel}" for i in up[: up.index(common)]]
    falling = [f"v{parsed.tokens[i].rel}" for i in reversed(down[: down.index(common)])]
    return rising + falling, common


def bucket(value: int, bounds: Sequence[int]) -> str:
    """The bound at or below a value: `3`, or `6+` for 6 to 9 when the next bound is 10."""
    index = max((i for i, b in enumerate(bounds) if b <= value), default=0)
    single = index + 1 < len(bounds) and bounds[index + 1] == bounds[index] + 1
    return str(bounds[index]) if single else f"{bounds[index]}+"


def gap(a: range, c: range) -> int | None:
    """Tokens between two spans, None when they overlap."""
    if a.stop <= c.start:
        return c.start - a.stop
    if c.stop <= a.start:
        return a.start - c.stop
    return None


def direction(a: range, c: range) -> str:
    if gap(a, c) is not None:
        return "after" if c.start >= a.stop else "before"
    if a.start <= c.start and c.stop <= a.stop:
        return "inside"
    return "around" if c.start <= a.start and a.stop <= c.stop else "overlap"


def distance(a: range, c: range) -> int:
    return gap(a, c) or 0


def preposition(parsed: Parsed, index: int, sentence: range) -> str:
    """The lemma of a `case` word hanging on a token (`в`, `с`), `-` when there is none."""
    word = next((t for t in (parsed.tokens[i] for i in sentence) if t.head == index and t.rel == "case"), None)
    return word.text.lower() if word is not None else "-"


def clause(parsed: Parsed, index: int) -> int:
    """The token that heads the clause of a token: the nearest head that is a verb or opens a clause."""
    return next(
        (i for i in ancestors(parsed, index) if parsed.tokens[i].pos == "VERB" or parsed.tokens[i].rel in CLAUSE_RELS),
        -1,
    )


def few(count: int) -> str:
    return str(count) if count < 2 else "2+"


def describe(token: Token, clusters: Clusters, side: str) -> Iterator[tuple[str, str]]:
    """Part of speech, case, lemma, relation and cluster of a head token."""
    yield f"{side}pos", token.pos
    yield f"{side}case", token.case or "-"
    yield f"{side}lemma", token.lemma
    yield f"{side}rel", token.rel
    cluster = clusters.of(token.lemma)
    yield f"{side}cluster", "-" if cluster is None else str(cluster)


def atoms(
    parsed: Parsed, anchor: Argument, candidate: Argument, rivals: Sequence[Argument], clusters: Clusters
) -> dict[str, str]:
    """The single facts about a pair, by name."""
    a, c = head(parsed, anchor.tokens), head(parsed, candidate.tokens)
    ta, tc = parsed.tokens[a], parsed.tokens[c]
    sentence = parsed.sentence_of(a)
    words = range(sentence.first, sentence.last)
    links, common = path(parsed, a, c)
    found = {"akind": anchor.kind, "ckind": candidate.kind, "dir": direction(anchor.tokens, candidate.tokens)}
    found["path"] = "none" if common < 0 else " ".join(links) if len(links) <= MAX_PATH else "long"
    found["shape"] = "".join(link[0] for link in links) if len(links) <= MAX_PATH else "long"
    found["plen"] = bucket(len(links), (0, 1, 2, 3, 4, 5, 7))
    found["lca"] = "A" if common == a else "C" if common == c else parsed.tokens[common].pos if common >= 0 else "-"
    if common not in {a, c, -1}:
        found["lcalemma"] = parsed.tokens[common].lemma
    spacing = gap(anchor.tokens, candidate.tokens)
    found["gap"] = "overlap" if spacing is None else bucket(spacing, GAPS)
    found.update(describe(ta, clusters, "a"))
    found.update(describe(tc, clusters, "c"))
    found["agov"] = parsed.tokens[ta.head].lemma if ta.head >= 0 else "ROOT"
    found["cgov"] = parsed.tokens[tc.head].lemma if tc.head >= 0 else "ROOT"
    found["aprep"] = preposition(parsed, a, words)
    found["cprep"] = preposition(parsed, c, words)
    found["clause"] = "same" if clause(parsed, a) == clause(parsed, c) else "other"
    found.update(intervening(parsed, anchor, candidate, rivals))
    return found


def intervening(parsed: Parsed, anchor: Argument, candidate: Argument, rivals: Sequence[Argument]) -> dict[str, str]:
    """Commas, verbs and rivals of the candidate's kind between the two; the candidate's rank by distance
    among the rivals of its kind (`0`: the nearest) and among all rivals."""
    a, c = anchor.tokens, candidate.tokens
    low, high = (a.stop, c.start) if c.start >= a.stop else (c.stop, a.start)
    between = [parsed.tokens[i] for i in range(low, high)]
    others = [r for r in rivals if r.tokens != c and r.tokens != a]
    near = distance(a, c)
    same = [r for r in others if r.kind == candidate.kind]
    inside = any(r.tokens.start <= c.start and c.stop <= r.tokens.stop for r in others)
    holds = any(c.start <= r.tokens.start and r.tokens.stop <= c.stop for r in others)
    return {
        "nest": "in" if inside else "holds" if holds else "-",
        "commas": few(sum(t.text in PUNCT_COMMA for t in between)),
        "verbs": few(sum(t.pos == "VERB" for t in between)),
        "between": few(sum(low <= r.tokens.start and r.tokens.stop <= high for r in same)),
        "rank": few(sum(distance(a, r.tokens) < near for r in same)),
        "rankall": few(sum(distance(a, r.tokens) < near for r in others)),
    }


def features(
    parsed: Parsed, anchor: Argument, candidate: Argument, rivals: Sequence[Argument], clusters: Clusters
) -> list[str]:
    """The features of a pair: each atom (`cprep=в`) and the conjunctions of CONJUNCTIONS
    (`cprep|ccase=в|Loc`). `rivals` are the other candidates of the sentence (the candidate itself and
    the anchor are skipped)."""
    found = atoms(parsed, anchor, candidate, rivals, clusters)
    pairs = [f"{x}|{y}={found[x]}|{found[y]}" for x, y in CONJUNCTIONS if x in found and y in found]
    return [f"{name}={value}" for name, value in found.items()] + pairs
