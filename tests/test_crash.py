"""An ingest killed at any point loses nothing: rerun, it completes the corpus, equal to a clean run.

`letopis ingest` runs as a real process over 1,000 real article texts (the factRuEval devset's
paragraphs, and pairs of them) in two folders that reuse the same file names. Failpoints
(`letopis.store.faults`) stop it between batches, inside a batch's transaction, after a commit before
the search index is written, and after the index commit before its queue is emptied; by SIGKILL, by
Ctrl-C (SIGINT) and by a full disk.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from letopis.store import Store

DEVSET = Path(__file__).parent / "data" / "factRuEval-2016" / "devset"
LETOPIS = Path(sys.executable).parent / "letopis"
DOCUMENTS = 1_000
TIMESTAMPS = {"ingested_at", "rejected_at"}
WORDS = ["Россия", "президент", "суд", "компания", "Москва", "выборы", "министр", "банк", "Украина", "полиция"]


def paragraphs() -> list[str]:
    found = []
    for path in sorted(DEVSET.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        found += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 80]
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 documents in `corpus/feed-a` and `corpus/feed-b`, with the same 500 file names in each."""
    root = tmp_path_factory.mktemp("crash")
    found = paragraphs()
    texts = found + [f"{a}\n\n{b}" for a, b in itertools.pairwise(found)]
    assert len(set(texts[:DOCUMENTS])) == DOCUMENTS
    for number, text in enumerate(texts[:DOCUMENTS]):
        folder = root / "corpus" / ("feed-a" if number % 2 == 0 else "feed-b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number // 2:04d}.txt").write_text(text, encoding="utf-8")
    return root


def ingest(root: Path, db: str, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("LETOPIS_FAILPOINT", None)
    if fault is not None:
        env["LETOPIS_FAILPOINT"] = fault
    return subprocess.run([str(LETOPIS), "ingest", "corpus", "--db", db], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900, check=False)  # fmt: skip


def contents(path: Path) -> dict[str, Any]:
    """Every row of every table but the timestamps, sorted; and the documents each query word finds."""
    db = duckdb.connect(str(path), read_only=True)
    tables = [row[0] for row in db.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    found: dict[str, Any] = {}
    for table in sorted(tables):
        names = [row[0] for row in db.execute(f"DESCRIBE {table}").fetchall() if row[0] not in TIMESTAMPS]
        quoted = ", ".join(f'"{name}"' for name in names)
        found[table] = sorted(map(repr, db.execute(f"SELECT {quoted} FROM {table}").fetchall()))
    db.close()
    store = Store(path)
    found["search"] = {word: sorted(hit["source"] for hit in store.search(word, limit=1_000)) for word in WORDS}
    store.close()
    return found


@pytest.fixture(scope="module")
def clean(workspace: Path) -> dict[str, Any]:
    done = ingest(workspace, "clean.duckdb")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"added {DOCUMENTS}, replaced 0, unchanged 0, rejected 0")
    found = contents(workspace / "clean.duckdb")
    assert len(found["documents"]) == DOCUMENTS and len(found["sources"]) == DOCUMENTS
    assert all(found["search"].values())
    return found


def test_sigkill_at_every_stage_then_rerun_equals_a_clean_run(workspace: Path, clean: dict[str, Any]) -> None:
    # Each run is killed at its Nth pass through a point; each rerun goes on from what the last one stored.
    for fault in ("batch-inserted:2:kill", "batch-committed:1:kill", "index-committed:2:kill", "batch-done:1:kill"):
        killed = ingest(workspace, "killed.duckdb", fault)
        assert killed.returncode == -signal.SIGKILL, (fault, killed.stderr)
    rerun = ingest(workspace, "killed.duckdb")
    assert rerun.returncode == 0, rerun.stderr
    report = re.match(r"added (\d+), replaced 0, unchanged (\d+), rejected 0", rerun.stdout)
    assert report is not None and int(report[1]) + int(report[2]) == DOCUMENTS and int(report[2]) > 0
    assert contents(workspace / "killed.duckdb") == clean


def test_ctrl_c_and_a_full_disk_lose_nothing(workspace: Path, clean: dict[str, Any]) -> None:
    interrupted = ingest(workspace, "faults.duckdb", "batch-inserted:2:interrupt")
    assert interrupted.returncode == 130, interrupted.stderr
    assert "interrupted; the batches stored so far are kept" in interrupted.stderr
    full = ingest(workspace, "faults.duckdb", "batch-inserted:1:disk-full")
    assert full.returncode == 1
    assert "nothing of the last batch was stored, run the ingest again to finish" in full.stderr
    assert "Traceback" not in interrupted.stderr + full.stderr
    assert ingest(workspace, "faults.duckdb").returncode == 0
    assert contents(workspace / "faults.duckdb") == clean
