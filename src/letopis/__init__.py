"""letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when.

`extract`, `extract_document` and `extract_paths` load the NLP pipeline on first use, so that
`import letopis.store` (and every command that only queries a corpus) starts without it."""

import os
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: 5-10x faster here

__all__ = ["extract", "extract_document", "extract_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from letopis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'letopis' has no attribute {name!r}")
