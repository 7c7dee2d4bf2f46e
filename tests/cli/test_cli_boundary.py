"""Only the command line knows typer and exit codes; the core raises its own named errors."""

from __future__ import annotations

import ast
from pathlib import Path

import nq43

SRC = Path(nq43.__file__).parent


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(SRC).as_posix(), ast.parse(path.read_text(encoding="utf-8"))) for path in SRC.rglob("*.py")
    ]


def _imported(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_command_line_imports_typer() -> None:
    outside = [name for name, tree in _modules() if "typer" in _imported(tree) and not name.startswith("cli/")]
    assert outside == []


def test_no_error_outside_the_command_line_carries_an_exit_code() -> None:
    carriers = [
        name
        for name, tree in _modules()
        if not name.startswith("cli/")
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "exit_code"
    ]
    assert carriers == []
