"""The package's layers, read from the source with `ast`: data flows read -> nlp -> extract -> store ->
serve, the lexicon and the records lie below everything, and no import goes back up or round in a
cycle; and no module or class outgrows the house's limits."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "letopis"

# What each part of the package may import from the package (besides itself).
ALLOWED = {
    "model": {"frames", "markup"},
    "frames": set(),
    "markup": set(),
    "lexicon": set(),
    "read": {"model", "lexicon"},
    "plain": set(),
    "nlp": {"model", "lexicon", "plain"},
    "extractors": {"model", "lexicon", "nlp", "learn"},
    "learn": {"model", "lexicon", "nlp"},
    "pipeline": {"model", "lexicon", "nlp", "extractors", "read"},
    "store": {"model", "lexicon", "frames", "markup"},
    "export": {"model", "lexicon", "render"},
    "render": {"model", "markup"},
    "codebook": {"model", "lexicon", "export"},
    "evaluate": {"model", "lexicon", "read", "pipeline", "export"},
    "web": {"model", "lexicon", "store", "export", "render", "read", "pipeline", "codebook", "markup"},
    "scale": {"model", "lexicon", "read", "pipeline", "store"},
    "cli": {"model", "lexicon", "read", "pipeline", "store", "export", "render", "evaluate", "codebook", "web",
            "scale"},
    "__init__": {"pipeline", "store"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The letopis modules a file imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("letopis"):
            found.add(node.module)
            folder = PACKAGE.parent / node.module.replace(".", "/")
            found.update(f"{node.module}.{a.name}" for a in node.names if (folder / f"{a.name}.py").exists())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("letopis"))
    return found


def part(module: str) -> str:
    """`letopis.store.ingest` -> `store`; the package's own `__init__` is `__init__`."""
    return module.split(".")[1] if "." in module else "__init__"


GRAPH = {module_name(path): imports(path) for path in PACKAGE.rglob("*.py")}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_a_module_imports_only_from_the_layers_below(module: str) -> None:
    own = part(module)
    wrong = sorted(m for m in GRAPH[module] if part(m) != own and part(m) not in ALLOWED[own])
    assert wrong == [], f"{module} imports {wrong}"


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for target in sorted(GRAPH.get(module, set()) - {module}):
            # a submodule imports its package's __init__ implicitly: that is no cycle
            if not module.startswith(target + "."):
                visit(target, [*path, module])
        done.add(module)

    for module in sorted(GRAPH):
        visit(module, [])


# The house's size limits (issue 11): no module over 300 lines, no class over 200.
MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 200

def relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=relative)
def test_modules_and_classes_are_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{relative(path)} has {lines} lines, over {MAX_MODULE_LINES}"
    classes = [node for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ClassDef)]
    sizes = {node.name: (node.end_lineno or node.lineno) - node.lineno + 1 for node in classes}
    large = [f"{name} ({size} lines)" for name, size in sizes.items() if size > MAX_CLASS_LINES]
    assert large == [], f"{relative(path)}: classes over {MAX_CLASS_LINES} lines: {large}"
