"""Rebuild the gate modules: `python -m nq43.gates` (after changing a schema in nq43/schemas)."""

from pathlib import Path

from nq43.gates import NAMES, source

here = Path(__file__).resolve().parent
for name in NAMES:
    (here / f"{name}.py").write_text(source(name), encoding="utf-8")
    print(f"nq43/gates/{name}.py")
