"""Every schema: what the fast gate (fastjsonschema) passes, the explainer (jsonschema) finds no error in."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq43 import gates
from nq43.load import schema

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(-5, 200, allow_nan=False),
    st.sampled_from(["qldt", "2025Q1", "2025Q5", "2025-03-08", "2025-02-30", "hoan-thanh", "no", "", "2.1", "x y"]),
)
_keys = st.sampled_from(
    [
        "unit",
        "quarter",
        "prepared_by",
        "approved_by",
        "submitted",
        "sample",
        "tasks",
        "amends",
        "status",
        "progress",
        "completed",
        "indicators",
        "2.1",
        "2.10",
        "2",
        "ty-le-lap-day",
        "date",
        "reason",
        "bogus",
    ]
)
_values: st.SearchStrategy[Any] = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=5), max_leaves=20
)


def _gate_accepts(name: schema.SchemaName, data: Any) -> bool:
    try:
        schema._gate(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@pytest.mark.parametrize("name", ["note", "directive", "unit", "calendar"])
@settings(max_examples=80, deadline=None)
@given(data=st.dictionaries(_keys, _values, max_size=8))
def test_what_the_gate_passes_has_no_schema_error(name: schema.SchemaName, data: dict[str, Any]) -> None:
    if _gate_accepts(name, data):
        assert not list(schema._explainer(name).iter_errors(data))


def test_gate_accepts_a_complete_note() -> None:
    note = {
        "unit": "qldt",
        "quarter": "2025Q1",
        "prepared_by": "Phạm Quốc Anh",
        "submitted": "2025-03-06",
        "tasks": {"2.1": {"status": "thuong-xuyen", "indicators": {"ty-le-lap-day": 72.5}}},
    }
    assert _gate_accepts("note", note)
    assert not list(schema._explainer("note").iter_errors(note))


@pytest.mark.parametrize("name", gates.NAMES)
def test_each_gate_was_built_from_the_schema_as_it_is(name: str) -> None:
    """A schema changed without `python -m nq43.gates` would leave nq43 checking files against the old one."""
    module = importlib.import_module(f"nq43.gates.{name}")
    assert gates.schema_sha256(name) == module.SCHEMA_SHA256, f"run: python -m nq43.gates ({name} is stale)"


@pytest.mark.parametrize("name", gates.NAMES)
def test_a_rebuilt_gate_is_the_shipped_one_but_for_the_generator_version(name: str) -> None:
    shipped = (Path(gates.__file__).parent / f"{name}.py").read_text(encoding="utf-8")

    def without_version(code: str) -> str:
        return re.sub(r'^VERSION = ".*"$', "", code, flags=re.M)

    assert without_version(gates.source(name)) == without_version(shipped)
