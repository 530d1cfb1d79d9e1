"""Worker processes (issue 16): `--workers 2` gives what `--workers 1` gives, on real article texts; a
failure in a worker is the same `Failure` as in process; a worker that dies loses no other document;
an ingest killed mid-run and run again stores every document exactly once."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from letopis.cli import app
from letopis.cli.progress import progress
from letopis.model import Document, Extraction, Failure, Limits
from letopis.pipeline import process
from letopis.read import read_paths
from letopis.scale.pool import WORKER_DIED, Pool
from tests.test_crash import contents

runner = CliRunner()
ROOT = Path(__file__).parent.parent
DEVSET = ROOT / "tests" / "data" / "factRuEval-2016" / "devset"
LETOPIS = Path(sys.executable).parent / "letopis"
TEXTS = [*sorted(DEVSET.glob("*.txt"))[:5], *sorted((ROOT / "samples").glob("*.txt"))]
CRASH = "Этот документ убивает свой процесс."


def crashing(doc: Document, limits: Limits) -> Extraction | Failure:
    """`process`, but the worker dies on the document that says so."""
    if CRASH in doc.text:
        os._exit(1)
    return process(doc, limits)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six real articles (five of the factRuEval devset and the bundled sample) and one over the limit."""
    root = tmp_path_factory.mktemp("scale")
    for path in TEXTS:
        shutil.copy(path, root / path.name)
    (root / "long.txt").write_text("Мэр Москвы Сергей Собянин открыл новую станцию метро. " * 200, encoding="utf-8")
    return root


def test_two_workers_extract_what_one_does(corpus: Path) -> None:
    one = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl", "--workers", "1", "--max-chars", "5000"])
    two = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl", "--workers", "2", "--max-chars", "5000"])
    assert one.exit_code == two.exit_code == 2  # the long document is over the limit in both
    assert one.stdout == two.stdout and one.stdout.count("\n") == len(TEXTS)
    assert one.stderr == two.stderr and "over the limit of 5,000 (--max-chars)" in two.stderr


def test_two_workers_store_what_one_does(corpus: Path, tmp_path: Path) -> None:
    found = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        done = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--root", str(corpus), "--workers",
                                   workers, "--max-chars", "5000"])  # fmt: skip
        assert done.exit_code == 2
        assert done.stdout.startswith(f"added {len(TEXTS)}, replaced 0, unchanged 0, rejected 1")
        again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--root", str(corpus), "--workers",
                                    workers, "--max-chars", "5000"])  # fmt: skip
        assert again.stdout.startswith(f"added 0, replaced 0, unchanged {len(TEXTS)}, rejected 1")
        found.append(contents(db))
    assert found[0] == found[1] and len(found[0]["documents"]) == len(TEXTS)


def test_a_worker_that_dies_loses_no_other_document(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "crash.txt").write_text(CRASH, encoding="utf-8")
    paths = [*TEXTS[:3], tmp_path / "crash.txt", *TEXTS[3:]]
    pool = Pool(2, task=crashing)
    try:
        results = list(pool.map(read_paths(paths)))
    finally:
        pool.close()
    assert [r.document.source if isinstance(r, Extraction) else None for r in results] == [
        str(p) if p.name != "crash.txt" else None for p in paths
    ]
    dead = results[3]
    assert isinstance(dead, Failure) and dead.reason == WORKER_DIED and dead.stage == "extract"


def test_an_ingest_killed_mid_run_stores_every_document_once_when_run_again(corpus: Path, tmp_path: Path) -> None:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "LETOPIS_FAILPOINT": "batch-inserted:1:kill"}
    command = [str(LETOPIS), "ingest", str(corpus), "--db", "killed.duckdb", "--root", str(corpus), "--workers", "2",
               "--max-chars", "5000"]  # fmt: skip
    killed = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    env.pop("LETOPIS_FAILPOINT")
    rerun = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 2 and rerun.stdout.startswith(f"added {len(TEXTS)}, replaced 0, unchanged 0")
    found = contents(tmp_path / "killed.duckdb")
    assert len(found["documents"]) == len(found["sources"]) == len(TEXTS)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("LETOPIS_FAILPOINT", None)
    return subprocess.run([str(LETOPIS), *command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          check=False)  # fmt: skip


def test_a_dask_run_ingested_equals_a_direct_ingest(corpus: Path, tmp_path: Path) -> None:
    small = tmp_path / "corpus"
    small.mkdir()
    for path in [*TEXTS[-3:], corpus / "long.txt"]:  # three devset articles, the sample, one over the limit
        shutil.copy(path, small / path.name)
    limits = ["--max-chars", "5000"]
    dask = ["process", "corpus", "--out", "dataset", "--local-cluster", "2", "--partition", "2", *limits]
    done = run(dask, tmp_path)
    assert done.returncode == 0 and done.stdout == "4 documents -> dataset\n", done.stderr
    marker = next((tmp_path / "dataset" / "_done").iterdir())
    marker.unlink()  # a partition cut short: the run started again writes it again, and only it
    again = run(dask, tmp_path)
    assert again.returncode == 0 and marker.exists()
    stored = run(["ingest", "--from-parquet", "dataset", "--db", "parquet.duckdb"], tmp_path)
    direct = run(["ingest", "corpus", "--db", "direct.duckdb", "--workers", "1", *limits], tmp_path)
    assert stored.stdout == direct.stdout and stored.stdout.startswith("added 3, replaced 0, unchanged 0, rejected 1")
    found = contents(tmp_path / "parquet.duckdb")
    assert found == contents(tmp_path / "direct.duckdb") and len(found["documents"]) == 3 and found["events"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("terminal", "quiet", "shown"), [(True, False, True), (True, True, False),
                                                          (False, False, False)])  # fmt: skip
def test_the_progress_bar_shows_on_a_terminal_unless_quiet(terminal: bool, quiet: bool, shown: bool,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert list(progress(iter(range(5)), 5, quiet)) == list(range(5))
    assert ("5/5" in stderr.getvalue() and "articles/s" in stderr.getvalue()) is shown
    assert stderr.getvalue() == "" or shown


@pytest.mark.parametrize("cluster", [[], ["--scheduler", "tcp://127.0.0.1:1", "--local-cluster", "2"]])
def test_process_needs_one_cluster(cluster: list[str], tmp_path: Path) -> None:
    done = runner.invoke(app, ["process", str(tmp_path), "--out", str(tmp_path / "out"), *cluster])
    assert done.exit_code == 1 and done.stderr == "letopis: give either --scheduler ADDRESS or --local-cluster N\n"
