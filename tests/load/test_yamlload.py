"""Safe YAML: plain values with positions, and refusals of what YAML would do silently or dangerously."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notekit import BILLION_LAUGHS
from nq43.load import yamlload
from nq43.load.limits import LIMITS
from nq43.load.yamlload import MAX_DEPTH, load_yaml

MAX_NODES = LIMITS["note"].values


def test_colon_inside_a_value_is_explained_in_vietnamese() -> None:
    # the most common slip in a note: a value that itself contains ": "
    doc, findings = load_yaml("unit: qldt\nprepared_by: Phạm Quốc Anh: trưởng nhóm\n", "x.md", line_offset=1)

    assert doc is None
    [found] = findings
    assert (found.code, found.line) == ("NQ204", 3)
    assert found.message() == (
        'Lỗi cú pháp YAML: có dấu hai chấm không đúng chỗ (nếu giá trị chứa ": ", hãy đặt nó trong dấu nháy).'
    )


def load(text: str, offset: int = 0) -> object:
    doc, findings = load_yaml(text, "f.yaml", line_offset=offset)
    assert findings == [], findings
    assert doc is not None
    return doc.data


def refused(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    doc, findings = load_yaml(text, "f.yaml", line_offset=offset)
    assert doc is None
    return [(f.code, f.line, f.column) for f in findings]


def test_plain_values() -> None:
    assert load("a: 1\nb: 2.5\nc: text\nd: true\ne: False\nf: ~\ng: null\nh:\n") == {
        "a": 1,
        "b": 2.5,
        "c": "text",
        "d": True,
        "e": False,
        "f": None,
        "g": None,
        "h": None,
    }
    assert load("- 1\n- [x, 'y']\n- {k: v}\n") == [1, ["x", "y"], {"k": "v"}]


def test_task_ids_are_samplenever_numbers() -> None:
    data = load('tasks:\n  2.1: a\n  2.10: b\n  "2.2": c\n  3: d\n')
    assert data == {"tasks": {"2.1": "a", "2.10": "b", "2.2": "c", "3": "d"}}
    # as a value, 2.10 is a number, but its text is kept for messages
    doc, _ = load_yaml("v: 2.10\n", "f.yaml")
    assert doc is not None
    assert doc.data == {"v": 2.1}
    assert doc.raw[("v",)] == "2.10"


@pytest.mark.parametrize("word", ["yes", "no", "Yes", "NO", "on", "off", "y", "n"])
def test_yaml_11_booleans_stay_text(word: str) -> None:
    assert load(f"status: {word}\n") == {"status": word}


def test_quoted_scalars_are_always_text() -> None:
    assert load("a: 'true'\nb: \"12\"\nc: '~'\nd: |\n  1\n") == {"a": "true", "b": "12", "c": "~", "d": "1\n"}


def test_dates_and_odd_numbers_stay_text() -> None:
    assert load("a: 2025-02-30\nb: 2025-03-05\nc: 12:30:00\nd: 0x1F\ne: 1_000\nf: .nan\ng: .inf\n") == {
        "a": "2025-02-30",
        "b": "2025-03-05",
        "c": "12:30:00",
        "d": "0x1F",
        "e": "1_000",
        "f": ".nan",
        "g": ".inf",
    }


def test_numbers_too_big_to_mean_anything_stay_text() -> None:
    # Python refuses int() of more than 4300 digits, and 1.5e+999 would be infinity
    digits = "7" * 5000
    assert load(f"a: {digits}\nb: 1.5e+999\nc: -2.5e+400\n") == {"a": digits, "b": "1.5e+999", "c": "-2.5e+400"}
    assert load("a: 12345678901234567890\nb: 1.5e+10\n") == {"a": 12345678901234567890, "b": 1.5e10}


def test_positions_of_values_and_keys() -> None:
    doc, _ = load_yaml('unit: qldt\ntasks:\n  "2.1":\n    status: x\n', "f.yaml", line_offset=1)
    assert doc is not None
    assert doc.where(("unit",)) == (2, 7)
    assert doc.where(("unit",), key=True) == (2, 1)
    assert doc.where(("tasks", "2.1"), key=True) == (4, 3)
    assert doc.where(("tasks", "2.1", "status")) == (5, 13)
    # a path that does not exist falls back to its nearest parent
    assert doc.where(("tasks", "2.1", "progress")) == (5, 5)
    assert doc.where(("nothing",)) == (2, 1)


def test_empty_document() -> None:
    doc, findings = load_yaml("", "f.yaml", line_offset=1)
    assert findings == []
    assert doc is not None
    assert doc.data is None
    assert doc.where(()) == (2, 1)
    assert load("# only a comment\n") is None


def test_duplicate_key_points_at_second_and_names_first() -> None:
    doc, findings = load_yaml("unit: a\nquarter: 2025Q1\nunit: b\n", "f.yaml", line_offset=1)
    assert doc is None
    assert [(f.code, f.line, f.column) for f in findings] == [("NQ205", 4, 1)]
    assert findings[0].args["key"] == "unit"
    assert findings[0].args["first_line"] == 2


def test_duplicate_task_keys_quoted_and_unquoted() -> None:
    assert refused('tasks:\n  "2.1": a\n  2.1: b\n') == [("NQ205", 3, 3)]
    # 2.1 and 2.10 are two different keys
    assert load("tasks:\n  2.1: a\n  2.10: b\n") == {"tasks": {"2.1": "a", "2.10": "b"}}


def test_tabs_are_reported_on_every_line() -> None:
    assert refused("a:\n\tb: 1\nc:\n  \td: 2\n", offset=1) == [("NQ206", 3, 1), ("NQ206", 5, 3)]


def test_tab_after_value_is_not_indentation() -> None:
    assert load("a: 1\t# comment\n") == {"a": 1}


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "!!python/object:os.system"),
        ("a: !!python/object/apply:os.system ['echo hacked']\n", "!!python/object/apply:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !custom x\n", "!custom"),
        ("a: !!set {x: null}\n", "!!set"),
    ],
)
def test_tags_are_refused(text: str, tag: str) -> None:
    doc, findings = load_yaml(text, "f.yaml")
    assert doc is None
    assert [(f.code, f.line, f.column) for f in findings] == [("NQ207", 1, 4)]
    assert findings[0].args["tag"] == tag


def test_plain_tags_are_allowed() -> None:
    assert load("a: !!str 12\nb: !!int '3'\n") == {"a": "12", "b": "3"}


def test_alias_is_refused_where_it_is_used() -> None:
    assert refused("a: &x [1, 2]\nb: 3\nc: *x\n") == [("NQ208", 3, 4)]
    assert refused("a: *undefined\n") == [("NQ208", 1, 4)]
    # an anchor nobody refers to does no harm
    assert load("a: &x 1\n") == {"a": 1}


def test_billion_laughs_is_refused_at_once() -> None:
    start = time.perf_counter()
    assert refused(BILLION_LAUGHS, offset=1) == [("NQ208", 3, 8)]
    assert time.perf_counter() - start < 0.5


def nested_block(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "v\n"


def test_nesting_up_to_the_limit_is_read() -> None:
    data = load(nested_block(MAX_DEPTH))
    for _ in range(MAX_DEPTH):
        assert isinstance(data, dict)
        data = next(iter(data.values()))
    assert data == "v"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (nested_block(MAX_DEPTH + 1), MAX_DEPTH + 1, 2 * MAX_DEPTH + 1),
        ("a: " + "[" * 40 + "]" * 40 + "\n", 1, 4 + MAX_DEPTH - 1),  # the root mapping is a level
        ("a: " + "{b: " * 40 + "1" + "}" * 40 + "\n", 1, 4 + 4 * (MAX_DEPTH - 1)),
        ("- " * 40 + "x\n", 1, 1 + 2 * MAX_DEPTH),
    ],
    ids=["block", "flow-sequences", "flow-mappings", "compact-sequences"],
)
def test_deep_nesting_is_refused_where_it_passes_the_limit(text: str, line: int, column: int) -> None:
    assert refused(text) == [("NQ209", line, column)]


def test_brackets_inside_quotes_are_not_nesting() -> None:
    assert load("a: '" + "[" * 200 + "'\n") == {"a": "[" * 200}


def test_deep_nesting_never_reaches_the_recursive_composer() -> None:
    # PyYAML's C composer recurses once per level: 100,000 levels crashed the interpreter (a segfault, no
    # traceback), so this runs in a child process that would die instead of the test session.
    code = (
        "from nq43.load.yamlload import load_yaml\n"
        "for text in ('- ' * 100000 + 'x', '[' * 500000, '? ' * 100000 + 'x', 'a:\\n' + ' ' * 100 + 'b: 1'):\n"
        "    doc, findings = load_yaml(text, 'f.yaml')\n"
        "    print(doc, [f.code for f in findings])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "None ['NQ209']",
        "None ['NQ209']",
        "None ['NQ209']",
        "YamlDoc(data={'a': {'b': 1}}, value_pos={(): (1, 1), ('a',): (2, 101), "
        "('a', 'b'): (2, 104)}, key_pos={('a',): (1, 1), ('a', 'b'): (2, 101)}, "
        "raw={('a', 'b'): '1'}) []",
    ]


def test_too_many_values_are_refused() -> None:
    many = "tasks: {" + ", ".join(f"'{i}.1': 0" for i in range(1, MAX_NODES)) + "}\n"
    start = time.perf_counter()
    findings = refused(many, offset=1)
    assert time.perf_counter() - start < 5
    assert [(code, line) for code, line, _ in findings] == [("NQ211", 2)]
    doc, (found,) = load_yaml(many, "data/units/qldt/unit.yaml", kind="unit")
    assert doc is None and found.args["limit"] == LIMITS["unit"].values and "unit.yaml" in found.hint()
    assert load("tasks: {" + ", ".join(f"'{i}.1': 0" for i in range(1, 100)) + "}\n") is not None


def test_multiple_documents() -> None:
    assert refused("a: 1\n---\nb: 2\n", offset=1) == [("NQ210", 3, 1)]


@pytest.mark.parametrize(
    ("text", "line", "column", "problem"),
    [
        ("unit: qldt: x\n", 1, 11, "có dấu hai chấm không đúng chỗ"),
        ('a: "x\n', 2, 1, "tệp kết thúc khi dấu nháy hoặc ngoặc chưa đóng"),
        ("a: [1, 2\n", 2, 1, 'thiếu dấu phẩy hoặc dấu "]" đóng danh sách'),
        ("a: @x\n", 1, 4, "có ký tự không được đứng đầu giá trị"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "thụt lề không thẳng hàng với các khoá khác"),
        ("? [a]\n: 1\n", 1, 3, "khoá phải là một chữ/số đơn"),
        # a key without its colon is reported on its own line, whether libyaml noticed it there or a line later
        ("unit tnmt\nquarter: 2025Q2\n", 1, 5, "thiếu dấu hai chấm sau tên khoá"),
        ("quarter: 2025Q2\nunit tnmt\nprepared_by: An\n", 2, 5, "thiếu dấu hai chấm sau tên khoá"),
        ("quarter: 2025Q2\nunit tnmt\n", 2, 5, "thiếu dấu hai chấm sau tên khoá"),
        ('tasks:\n  "2.1":\n    status dang-thuc-hien\n    progress: 5\n', 3, 11, "thiếu dấu hai chấm sau tên khoá"),
        ("a: b\nc: d: e\n", 2, 5, "có dấu hai chấm không đúng chỗ"),
    ],
)
def test_syntax_errors_are_said_in_vietnamese_at_their_place(text: str, line: int, column: int, problem: str) -> None:
    doc, findings = load_yaml(text, "f.yaml")
    assert doc is None
    assert [(f.code, f.line, f.column) for f in findings] == [("NQ204", line, column)]
    assert str(findings[0].args["problem"]).startswith(problem)


def test_the_directive_may_hold_a_provinces_values() -> None:
    many = "tasks: {" + ", ".join(f"'{i}.1': 0" for i in range(1, MAX_NODES)) + "}\n"
    doc, findings = load_yaml(many, "data/directive.yaml", kind="directive")
    assert findings == []
    assert doc is not None
    assert len(doc.data["tasks"]) == MAX_NODES - 1


_pieces = st.sampled_from(
    [
        "a",
        "b: ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "\n",
        "  ",
        "1",
        "x y",
        "'q'",
        "&k ",
        "*k",
        "!!str ",
        "? ",
        "#c",
        '"',
        "2.10",
        "yes",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=60).map("".join) | st.builds(lambda n: "- " * n + "x", st.integers(0, 40)))
def test_a_short_samplegives_the_same_result_without_the_scan(sample: str) -> None:
    """Skipping the event scan for short texts changes no result: data, positions, findings and their places."""

    def outcome(text: str) -> tuple[object, list[tuple[str, int, int]]]:
        doc, findings = load_yaml(text, "f.yaml", line_offset=1)
        shown = None if doc is None else (doc.data, doc.value_pos, doc.key_pos, doc.raw)
        return shown, [(f.code, f.line, f.column) for f in findings]

    skipped = outcome(sample)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlload, "_needs_scan", lambda text, kind: True)
        scanned = outcome(sample)
    assert skipped == scanned
