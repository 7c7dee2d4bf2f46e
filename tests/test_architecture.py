"""The package tree keeps its shape: data flows load -> check -> track / report / gate -> write, never back.

The import graph of src/nq43 is read with `ast` (every import: top level, inside functions, under
TYPE_CHECKING), so a cycle hidden behind a local import fails here as well as an open one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "nq43"

# Lower layers never import higher ones; packages on the same layer do not import each other.
LAYERS: dict[str, int] = {
    "support": 0,
    "domain": 1,
    "load": 2,
    "check": 3,
    "tracking": 4,
    "report": 4,
    "submission": 4,
    "cli": 5,
}
FLOW = " < ".join(" | ".join(p for p in LAYERS if LAYERS[p] == n) for n in sorted(set(LAYERS.values())))
# `python -m nq43` sits above everything; the package's __init__ (its version) below everything.
TOP = {"nq43.__main__"}
BOTTOM = {"nq43"}

# Third-party modules that only some modules may import.
ONLY_IN: dict[str, tuple[str, ...]] = {
    "typer": ("nq43.cli.",),
    "click": ("nq43.cli.",),
    "rich": ("nq43.cli.", "nq43.tracking.terminal"),
    # the report's writer; the Word form of a note: its writer, and its reader (the body and the form)
    "docx": ("nq43.report.docx.", "nq43.submission.noteform", "nq43.load.formread", "nq43.load.formbody"),
    "openpyxl": ("nq43.tracking.spreadsheet",),
}
FORBIDDEN = {"pickle", "cPickle", "_pickle", "shelve", "marshal", "dill"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _sources()


class Import:
    """One import statement's target, resolved to a module of src/nq43 when it is one."""

    def __init__(self, source: str, target: str, line: int, local: bool) -> None:
        self.source = source
        self.target = target
        self.line = line
        self.local = local

    def __repr__(self) -> str:
        where = "in a function" if self.local else "at top level"
        return f"{MODULES[self.source].relative_to(SRC)}:{self.line} imports {self.target} ({where})"


def _owner(name: str) -> str:
    """The module of src/nq43 that defines `name` (a module, or a name inside one)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _walk(node: ast.AST, local: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, local
        inner = local or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield from _walk(child, inner)


def _imports(module: str) -> list[Import]:
    path = MODULES[module]
    found: list[Import] = []
    for node, local in _walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            # `from nq43.check import reporters` imports the module nq43.check.reporters
            targets = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in MODULES else origin for alias in node.names
            ]
        found += [Import(module, target, node.lineno, local) for target in targets]
    return found


IMPORTS = {module: _imports(module) for module in MODULES}


def _internal(module: str) -> set[str]:
    owners = {_owner(i.target) for i in IMPORTS[module] if i.target.split(".")[0] == "nq43"}
    return owners - {module}


GRAPH = {module: _internal(module) for module in MODULES}


def _layer(module: str) -> int | None:
    if module in TOP:
        return max(LAYERS.values()) + 1
    if module in BOTTOM:
        return min(LAYERS.values()) - 1
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read() -> None:
    """The walk finds imports at every depth: a regression here would make every other test pass vacuously."""
    assert "nq43.cli.app" in MODULES and "nq43.support.git" in MODULES
    assert GRAPH["nq43.__main__"] == {"nq43.cli.app"}
    assert any(i.local for i in IMPORTS["nq43.cli.app"])
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    cycles = _cycles(GRAPH)
    assert not cycles, "modules that import each other (directly or through others): " + "; ".join(
        " <-> ".join(component) for component in cycles
    )


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in MODULES if _layer(m) is None]
    assert not unplaced, f"modules outside the known packages {sorted(LAYERS)}: {unplaced}"


def test_no_package_imports_a_higher_or_sibling_one() -> None:
    wrong: list[Import] = []
    for module, imports in IMPORTS.items():
        mine = _layer(module)
        for item in imports:
            target = _owner(item.target)
            if item.target.split(".")[0] != "nq43" or target == module or mine is None:
                continue
            theirs = _layer(target)
            same_package = module.split(".")[:2] == target.split(".")[:2]
            if theirs is not None and (theirs > mine or (theirs == mine and not same_package)):
                wrong.append(item)
    assert not wrong, f"imports against the flow {FLOW}:\n" + "\n".join(map(repr, wrong))


@pytest.mark.parametrize("library", sorted(ONLY_IN))
def test_libraries_stay_in_their_module(library: str) -> None:
    allowed = ONLY_IN[library]
    wrong = [
        item
        for module, imports in IMPORTS.items()
        for item in imports
        if item.target.split(".")[0] == library and not module.startswith(allowed) and module not in allowed
    ]
    assert not wrong, f"only {', '.join(allowed)} may import {library}:\n" + "\n".join(map(repr, wrong))


def test_no_pickle_or_generated_code() -> None:
    pickles = [i for imports in IMPORTS.values() for i in imports if i.target.split(".")[0] in FORBIDDEN]
    assert not pickles, "\n".join(map(repr, pickles))
    generated = [
        str(path.relative_to(SRC)) for path in MODULES.values() if _looks_generated(path.read_text(encoding="utf-8"))
    ]
    assert not generated, f"generated code in src: {generated}"


def _looks_generated(text: str) -> bool:
    head = "\n".join(text.splitlines()[:5]).lower()
    return "# generated by" in head or "do not edit" in head or "# ruff: noqa" in head or "ignore-errors" in head


def test_local_imports_of_nq43_only_in_cli() -> None:
    """Outside cli/ a function-local import of an nq43 module only ever hides a cycle; the cycle test above
    catches the cycle, this one the hiding place (cli/ imports what each command needs inside that command)."""
    wrong = [
        item
        for module, imports in IMPORTS.items()
        for item in imports
        if item.local and item.target.split(".")[0] == "nq43" and not module.startswith("nq43.cli.")
    ]
    assert not wrong, "\n".join(map(repr, wrong))
