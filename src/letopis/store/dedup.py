"""Reprints: MinHash signatures of word 5-gram shingles and an LSH index over the stored documents.

datasketch (which loads scipy, half a second) is imported when the first signature is made, so that
commands which only query the corpus start fast.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import duckdb

from letopis.store.search import WORD

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

PERMUTATIONS = 64
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme: signatures are stored, so it is pinned
NEAR_DUPLICATE = 0.8  # estimated Jaccard similarity of shingles above which an article is a reprint


@cache
def permutations() -> Any:
    """The hash permutations of every signature, computed once (datasketch builds them per MinHash)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, scheme=SCHEME).permutations


def stored_signature(values: list[int]) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, hashvalues=values, permutations=permutations(), scheme=SCHEME)


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    words = WORD.findall(text.lower())
    minhash = MinHash(num_perm=PERMUTATIONS, permutations=permutations(), scheme=SCHEME)
    minhash.update_batch(
        [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))]
    )
    return minhash


class Reprints:
    """The LSH index of the stored documents' signatures, loaded on first use and kept up to date by
    the writer (which is the only one: an ingest holds the corpus's lock)."""

    def __init__(self) -> None:
        self.lsh: MinHashLSH | None = None

    def index(self, db: duckdb.DuckDBPyConnection) -> MinHashLSH:
        if self.lsh is None:
            from datasketch import MinHashLSH

            self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
            for doc_hash, values in db.execute("SELECT hash, minhash FROM documents").fetchall():
                self.lsh.insert(doc_hash, stored_signature(values))
        return self.lsh

    def original(
        self, db: duckdb.DuckDBPyConnection, minhash: MinHash, pending: dict[str, MinHash]
    ) -> tuple[float, str] | None:
        """The most similar stored or pending document above the near-duplicate threshold."""
        candidates = self.index(db).query(minhash)
        found = [(minhash.jaccard(pending[h]), h) for h in candidates if h in pending]
        stored = [h for h in candidates if h not in pending]
        if stored:
            rows = db.execute("SELECT hash, minhash FROM documents WHERE hash IN (SELECT unnest(?))", [stored])
            found += [(minhash.jaccard(stored_signature(v)), h) for h, v in rows.fetchall()]
        return max(found, default=None)

    def add(self, db: duckdb.DuckDBPyConnection, doc_hash: str, minhash: MinHash) -> None:
        self.index(db).insert(doc_hash, minhash)

    def remove(self, doc_hash: str) -> None:
        if self.lsh is not None and doc_hash in self.lsh.keys:
            self.lsh.remove(doc_hash)

    def forget(self) -> None:
        """Drop the index (after a rolled-back batch): it is loaded again from the store."""
        self.lsh = None
