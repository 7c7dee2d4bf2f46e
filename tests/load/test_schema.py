"""The JSON Schemas and their errors said again as findings at the right line."""

from __future__ import annotations

import json

import jsonschema_rs
import pytest

from nq43.domain.vocabulary import Status
from nq43.load.schema import check, describe, schema_text, suggestion
from nq43.load.yamlload import load_yaml

# Front matter as it stands in a note: the file's line 1 is "---", so this text starts on line 2.
BASE = """\
unit: qldt
quarter: 2025Q1
prepared_by: Nguyễn Văn An
submitted: 2025-03-05
tasks:
  "2.1": {status: thuong-xuyen}
"""


def findings(text: str, name: str = "note") -> list[tuple[str, int, int, dict[str, object]]]:
    doc, problems = load_yaml(text, "n.md", line_offset=1)
    assert problems == []
    assert doc is not None
    return [(f.code, f.line, f.column, dict(f.args)) for f in check(name, doc, "n.md")]  # type: ignore[arg-type]


def places(text: str, name: str = "note") -> list[tuple[str, int, int]]:
    return [(code, line, column) for code, line, column, _ in findings(text, name)]


@pytest.mark.parametrize("name", ["note", "directive", "unit", "calendar"])
def test_shipped_schemas_are_valid_json_schemas(name: str) -> None:
    schema = json.loads(schema_text(name))
    jsonschema_rs.meta.validate(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_valid_front_matter_has_no_findings() -> None:
    assert findings(BASE) == []


@pytest.mark.parametrize("code", ["hoan-thanh", "dang-thuc-hien", "chua-thuc-hien", "thuong-xuyen"])
def test_status_codes_are_accepted(code: str) -> None:
    assert findings(BASE.replace("thuong-xuyen", code)) == []


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Đã hoàn thành", "hoan-thanh"),
        ("Đang thực hiện", "dang-thuc-hien"),
        ("Chưa thực hiện", "chua-thuc-hien"),
        ("Thường xuyên", "thuong-xuyen"),
        ("thuong xuyen", "thuong-xuyen"),
        ("hoan-thnh", "hoan-thanh"),
    ],
)
def test_a_label_or_a_misspelt_status_is_refused_with_the_code_it_means(label: str, code: str) -> None:
    [(found, line, column, args)] = findings(BASE.replace("thuong-xuyen", f'"{label}"'))
    assert (found, line, column, args["value"]) == ("NQ304", 7, 19, label)
    assert (args["suggestion"], args["suggestion_en"]) == (f'Có phải ý bạn là "{code}"? ', f'Did you mean "{code}"? ')


def test_each_missing_field_is_reported_once() -> None:
    assert findings("unit: qldt\n") == [
        ("NQ301", 2, 1, {"field": "quarter", "where": ""}),
        ("NQ301", 2, 1, {"field": "prepared_by", "where": ""}),
        ("NQ301", 2, 1, {"field": "submitted", "where": ""}),
        ("NQ301", 2, 1, {"field": "tasks", "where": ""}),
    ]


def test_missing_status_names_its_task() -> None:
    assert findings(BASE.replace("{status: thuong-xuyen}", "{progress: 5}")) == [
        ("NQ301", 7, 10, {"field": "status", "where": ' (trong "tasks.2.1")'}),
    ]


def test_unknown_keys_are_warnings_with_did_you_mean() -> None:
    result = findings(BASE.replace("quarter: 2025Q1\n", "") + "quater: 2025Q1\nxyz: 1\n")
    assert result[0][0] == "NQ301"
    assert result[1:] == [
        (
            "NQ303",
            7,
            1,
            {
                "field": "quater",
                "suggestion": ' Có phải ý bạn là "quarter"?',
                "suggestion_en": ' Did you mean "quarter"?',
            },
        ),
        ("NQ303", 8, 1, {"field": "xyz", "suggestion": "", "suggestion_en": ""}),
    ]
    # a key the note already has is never suggested
    assert findings(BASE + "quater: 2025Q1\n")[0][3]["suggestion"] == ""


def test_unknown_key_inside_a_task_points_at_the_key() -> None:
    assert places(BASE.replace("{status: thuong-xuyen}", "{status: thuong-xuyen, progres: 5}")) == [("NQ303", 7, 33)]


@pytest.mark.parametrize("word", ["no", "yes", "true", "done"])
def test_invalid_status(word: str) -> None:
    result = findings(BASE.replace("thuong-xuyen", word))
    if word == "true":  # a real boolean: the type is wrong before the value
        assert [r[:3] for r in result] == [("NQ302", 7, 19), ("NQ304", 7, 19)]
    else:
        assert [(r[:3], r[3]["value"], r[3]["suggestion"]) for r in result] == [(("NQ304", 7, 19), word, "")]


def test_progress_out_of_range_and_not_a_number() -> None:
    assert findings(BASE.replace("{status: thuong-xuyen}", "{status: thuong-xuyen, progress: 120}")) == [
        ("NQ305", 7, 43, {"field": "tasks.2.1.progress", "value": 120, "range": "0 – 100"}),
    ]
    text = BASE.replace("{status: thuong-xuyen}", "{status: thuong-xuyen, progress: 50%}")
    code, line, column, args = findings(text)[0]
    assert (code, line, column) == ("NQ302", 7, 43)
    assert args["found"] == 'chữ "50%"'
    assert args["example"] == 'Ghi "progress: 50" (số không trong dấu nháy, dấu chấm thập phân, không ghi %).'


def test_a_comma_decimal_is_told_to_be_written_with_a_dot() -> None:
    task = '"2.1":\n    status: thuong-xuyen\n    indicators:\n      ty-le-lap-day: 74,2'
    text = BASE.replace('"2.1": {status: thuong-xuyen}', task)
    doc, _ = load_yaml(text, "n.md", line_offset=1)
    assert doc is not None
    [found] = check("note", doc, "n.md")
    assert (found.code, found.line) == ("NQ302", 10)
    assert found.message() == 'Trường "tasks.2.1.indicators.ty-le-lap-day" phải là một số, ở đây là chữ "74,2".'
    assert '"ty-le-lap-day: 74.2"' in found.hint() and "dấu chấm thập phân" in found.hint()
    assert '"ty-le-lap-day: 74.2"' in found.hint("en")


@pytest.mark.parametrize(
    ("replace", "hint"),
    [
        ("unit: qldt", "Mã đơn vị viết thường, không dấu, ví dụ qldt."),
        ("submitted: 2025-03-05", 'Ghi giá trị của "submitted" là chữ (văn bản); xem docs/ghi-chu-quy.md.'),
        ("{status: thuong-xuyen}", 'Ghi giá trị của "tasks.2.1" là một bảng "khoá: giá trị"; xem docs/ghi-chu-quy.md.'),
    ],
)
def test_every_wrong_type_has_a_fix_line(replace: str, hint: str) -> None:
    wrong = {"unit: qldt": "unit: [a]", "submitted: 2025-03-05": "submitted: [1]", "{status: thuong-xuyen}": "[1]"}
    doc, _ = load_yaml(BASE.replace(replace, wrong[replace]), "n.md", line_offset=1)
    assert doc is not None
    found = [f for f in check("note", doc, "n.md") if f.code == "NQ302"]
    assert [f.hint() for f in found] == [hint]
    assert all(f.hint("en") for f in found)


def test_quarter_date_and_empty_fields() -> None:
    assert findings(BASE.replace("2025Q1", "2025Q5")) == [("NQ307", 3, 10, {"value": "2025Q5"})]
    assert findings(BASE.replace("2025-03-05", "05/03/2025")) == [
        ("NQ306", 5, 12, {"field": "submitted", "value": "05/03/2025"}),
    ]
    assert findings(BASE.replace("Nguyễn Văn An", "''")) == [("NQ308", 4, 14, {"field": "prepared_by"})]
    assert findings(BASE.replace(" Nguyễn Văn An", "")) == [("NQ308", 4, 13, {"field": "prepared_by"})]
    assert places(BASE + "amends: []\n") == [("NQ308", 8, 9)]


def test_task_ids_must_look_like_task_ids() -> None:
    result = findings(BASE.replace('"2.1"', '"2"'))
    assert [r[:3] for r in result] == [("NQ309", 7, 3)]
    assert result[0][3]["value"] == "2"
    assert places(BASE.replace('"2.1"', "2.10")) == []
    assert places(BASE.replace('"2.1"', '"2.01"')) == [("NQ309", 7, 3)]


def test_unit_id_with_dot_dot_slash_is_malformed() -> None:
    assert findings(BASE.replace("unit: qldt", "unit: ../x")) == [
        ("NQ309", 2, 7, {"field": "unit", "value": "../x", "example": "Mã đơn vị viết thường, không dấu, ví dụ qldt."}),
    ]


def test_wrong_types_say_what_was_found() -> None:
    result = findings(BASE.replace("unit: qldt", "unit: 12") + "sample: yes\n")
    assert [(r[0], r[1], r[3]["found"]) for r in result] == [("NQ302", 2, "số 12"), ("NQ302", 8, 'chữ "yes"')]


def test_indicator_ids_and_values() -> None:
    text = BASE.replace("{status: thuong-xuyen}", "{status: thuong-xuyen, indicators: {Ty-Le: 5, ok-1: x}}")
    assert places(text) == [("NQ309", 7, 46), ("NQ302", 7, 62)]


def test_unit_schema_checks_submitters() -> None:
    text = "id: qldt\nname: Phòng\nshort_name: P\nsubmitters:\n  - name: An\n    github: 'not valid!'\n"
    assert places(text, "unit") == [("NQ309", 7, 13)]


def test_suggestion() -> None:
    assert suggestion("quater", ["quarter", "unit"]) == (' Có phải ý bạn là "quarter"?', ' Did you mean "quarter"?')
    assert suggestion("zzz", ["quarter", "unit"]) == ("", "")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (None, "trống"),
        (True, "giá trị đúng/sai true"),
        (3, "số 3"),
        (2.5, "số 2.5"),
        ("x" * 50, 'chữ "' + "x" * 40 + '"'),
        ([1], "một danh sách"),
        ({"a": 1}, "một bảng khoá: giá trị"),
    ],
)
def test_describe(value: object, said: str) -> None:
    assert describe(value) == said


def test_statuses_read_as_status_members_pass() -> None:
    doc, _ = load_yaml(BASE, "n.md", line_offset=1)
    assert doc is not None
    doc.data["tasks"]["2.1"]["status"] = Status.RECURRING  # as notes.parse_note hands it over
    assert check("note", doc, "n.md") == []


def test_errors_inside_a_task_whose_id_looks_like_a_number_point_at_it() -> None:
    """jsonschema-rs spells the key "2" as the number 2 in its paths: the finding still finds the line."""
    text = BASE.replace('"2.1": {status: thuong-xuyen}', '"2.1": {status: thuong-xuyen}\n  "2":\n    status: xong')
    found = findings(text)
    assert found[0] == ("NQ309", 8, 3, {"field": "tasks.2", "value": "2", "example": _TASKS_EXAMPLE})
    assert [(code, line, column, args["value"]) for code, line, column, args in found[1:]] == [("NQ304", 9, 13, "xong")]


_TASKS_EXAMPLE = 'Mã nhiệm vụ dạng "2.1" (số mục, dấu chấm, số gạch đầu dòng), đặt trong dấu nháy.'
