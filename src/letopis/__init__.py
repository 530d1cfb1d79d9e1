"""letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when.

`extract`, `extract_document` and `extract_paths` load the NLP pipeline on first use, so that
`import letopis.store` (and every command that only queries a corpus) starts without it; `Store` (the
corpus, `letopis.store.Store`) is imported on first use too."""

import os
from importlib.metadata import version
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: 5-10x faster here

__version__ = version("letopis")
__all__ = ["Store", "extract", "extract_document", "extract_paths"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from letopis.store import Store

        return Store
    if name in __all__:
        from letopis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'letopis' has no attribute {name!r}")
