"""Fixtures shared by the web tests: one small corpus built once per session, and the app over a copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from letopis.model import Extraction
from letopis.pipeline import extract_paths
from letopis.store import Store
from letopis.web import create_app

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "000_f9e879b08a32d2e4.txt"
DEVSET = ROOT / "tests" / "data" / "factRuEval-2016" / "devset"


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference article and ten devset texts, stored once; tests that write use `copy_of` it."""
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    store = Store(path, write=True)
    found = extract_paths([SAMPLE, *sorted(DEVSET.glob("*.txt"))[:10]], root=ROOT)
    store.ingest(r for r in found if isinstance(r, Extraction))
    store.close()
    return path


def copy_of(corpus: Path, folder: Path) -> Path:
    """A copy of a corpus file and its search index in `folder`."""
    target = folder / corpus.name
    shutil.copy(corpus, target)
    shutil.copytree(corpus.with_name(corpus.name + ".search"), target.with_name(target.name + ".search"))
    return target


@pytest.fixture()
def writable(web_corpus: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The app over a copy of the web corpus, for tests that store articles."""
    with TestClient(create_app(copy_of(web_corpus, tmp_path))) as found:
        yield found
