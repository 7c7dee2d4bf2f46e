"""The compiled note schema never passes a front matter that jsonschema would refuse."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from nq43.domain.findings import Finding
from nq43.domain.vocabulary import Status
from nq43.load import schema
from nq43.load.yamlload import load_yaml

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(
        [
            "",
            "qldt",
            "Qldt",
            "qldt\n",
            "2025Q1",
            "2025Q5",
            "2025Q1\n",
            "2025-03-08",
            "2025-3-8",
            "2025-03-08\n",
            "hoan-thanh",
            "Đã hoàn thành",
            "xong",
            "Nguyễn Văn A",
            "2.1",
            "ty-le-lap-day",
        ]
    ),
    st.sampled_from(list(Status)),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["date", "reason", "x", "status"]), inner, max_size=3)
    ),
    max_leaves=6,
)
task_ids = st.sampled_from(["2.1", "2.10", "10.3", "2", "2.0", "0.1", "2.1.1", "a.b", "2.1\n"])
indicator_ids = st.sampled_from(["ty-le-lap-day", "so-kcn", "Ty-le", "1abc", "a" * 33])
entries = (
    st.fixed_dictionaries(
        {},
        optional={
            "status": st.sampled_from(["hoan-thanh", "dang-thuc-hien", "Thường xuyên", "xong", "hoan-thanh\n", *Status])
            | scalars,
            "progress": st.one_of(st.integers(-10, 120), st.floats(-1, 101, allow_nan=False), st.booleans(), scalars),
            "completed": scalars,
            "indicators": st.dictionaries(indicator_ids, scalars, max_size=2) | values,
            "extra": scalars,
        },
    )
    | values
)
front = st.fixed_dictionaries(
    {},
    optional={
        "unit": scalars,
        "quarter": scalars,
        "prepared_by": scalars,
        "approved_by": scalars,
        "submitted": scalars,
        "sample": scalars,
        "amends": st.lists(
            st.fixed_dictionaries({}, optional={"date": scalars, "reason": scalars, "x": scalars}), max_size=2
        )
        | values,
        "tasks": st.dictionaries(task_ids, entries, max_size=3) | values,
        "unknown": scalars,
    },
)


def mostly(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually a valid value, sometimes anything: the boundary where the two checks could disagree."""
    return st.integers(0, 7).flatmap(lambda pick: valid if pick else scalars)


good_entries = st.fixed_dictionaries(
    {"status": mostly(st.sampled_from(["hoan-thanh", "Đã hoàn thành", *Status]))},
    optional={
        "progress": mostly(st.integers(0, 100) | st.floats(0, 100)),
        "completed": mostly(st.just("2025-02-28")),
        "indicators": mostly(
            st.dictionaries(
                mostly(st.just("ty-le-lap-day")) | indicator_ids,
                mostly(st.integers(0, 10**6) | st.floats(0, 100)),
                max_size=2,
            )
        ),
    },
)
near_valid = st.fixed_dictionaries(
    {
        "unit": mostly(st.just("qldt")),
        "quarter": mostly(st.just("2025Q1")),
        "prepared_by": mostly(st.just("Nguyễn Văn A")),
        "submitted": mostly(st.just("2025-03-08")),
        "tasks": mostly(
            st.dictionaries(
                mostly(st.sampled_from(["2.1", "2.10", "10.3"])) | task_ids,
                mostly(good_entries),
                min_size=1,
                max_size=3,
            )
        ),
    },
    optional={
        "approved_by": mostly(st.just("Lê B")),
        "sample": mostly(st.booleans()),
        "amends": mostly(
            st.lists(
                st.fixed_dictionaries(
                    {"date": mostly(st.just("2025-04-01")), "reason": mostly(st.just("Sửa số liệu"))}
                ),
                min_size=1,
                max_size=2,
            )
        ),
    },
)


@settings(max_examples=800, deadline=None)
@given(near_valid | front)
def test_compiled_check_is_at_least_as_strict_as_jsonschema(data: dict[str, Any]) -> None:
    errors = list(schema._explainer("note").iter_errors(data))
    try:
        schema._gate("note")(data)
    except Exception:  # refused: jsonschema will say why
        return
    assert errors == []


def test_a_valid_note_is_passed_by_the_compiled_check() -> None:
    text = (
        "unit: qldt\nquarter: 2025Q1\nprepared_by: A\nsubmitted: 2025-03-08\n"
        'tasks:\n  "2.1":\n    status: hoan-thanh\n    progress: 100\n    indicators:\n      ty-le-lap-day: 72.5\n'
    )
    doc, findings = load_yaml(text, "x.md")
    assert doc is not None and not findings
    doc.data["tasks"]["2.1"]["status"] = Status.COMPLETED  # as notes.parse_note hands it over
    schema._gate("note")(doc.data)
    assert schema.check("note", doc, "x.md") == []


def test_a_refused_note_gets_jsonschema_findings() -> None:
    doc, _ = load_yaml(
        'unit: qldt\nquarter: 2025Q9\nprepared_by: A\nsubmitted: 2025-03-08\ntasks:\n  "2.1":\n    status: xong\n',
        "x.md",
        line_offset=1,
    )
    assert doc is not None
    found = schema.check("note", doc, "x.md")
    assert [(f.code, f.line) for f in found] == [("NQ307", 3), ("NQ304", 8)]
    assert all(isinstance(f, Finding) for f in found)
