"""letopis: Russian news to a verifiable chronicle of who met whom, in what role, where and when."""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: 5-10x faster here

from letopis.pipeline import extract, extract_document, extract_paths

__all__ = ["extract", "extract_document", "extract_paths"]
