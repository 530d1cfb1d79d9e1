"""docs/tutorial.md never goes stale: its `sh` blocks run through the CLI and its `python` blocks are
executed, in order, in a folder that holds a copy of `samples/` (issue 17)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from letopis.cli import app

ROOT = Path(__file__).parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.M | re.S)
runner = CliRunner()


def blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(TUTORIAL.read_text(encoding="utf-8"))]


def command(line: str) -> tuple[list[str], str | None]:
    """`letopis ARGS` or `echo TEXT | letopis ARGS` -> (ARGS, standard input)."""
    words = shlex.split(line)
    stdin = None
    if "|" in words:
        at = words.index("|")
        assert words[0] == "echo", line
        stdin, words = " ".join(words[1:at]) + "\n", words[at + 1 :]
    assert words[0] == "letopis", line
    return words[1:], stdin


def test_the_tutorial_has_both_kinds_of_snippet() -> None:
    kinds = [kind for kind, _ in blocks()]
    assert kinds.count("sh") >= 2 and kinds.count("python") >= 3


def test_every_snippet_of_the_tutorial_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    for kind, code in blocks():
        if kind == "python":
            exec(compile(code, str(TUTORIAL), "exec"), namespace)
            continue
        for line in code.strip().splitlines():
            args, stdin = command(line)
            result = runner.invoke(app, args, input=stdin)
            assert result.exit_code == 0, (line, result.output, result.stderr)
            assert result.stdout.strip() or args[0] in {"export"}, line
    assert (tmp_path / "kaz-pak.csv").read_text(encoding="utf-8").startswith("id,")
    assert namespace["monthly"].loc["2025-12", "CONSULT"] >= 5
