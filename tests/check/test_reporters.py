"""Findings as text, JSON and GitHub annotations: exact output in both languages."""

from __future__ import annotations

import json

import pytest

from nq43.check.reporters import github, json_text, render, shown, summary, text
from nq43.domain.findings import Finding, finding
from nq43.load.schema import status_finding
from nq43.support.text import Text

PATH = "data/units/qldt/2025Q1.md"
HINT_304_VI = (
    "Chọn một trong: hoan-thanh (Đã hoàn thành), dang-thuc-hien (Đang thực hiện), chua-thuc-hien "
    "(Chưa thực hiện), thuong-xuyen (Thường xuyên). Có từ yes/no thì đặt trong dấu nháy."
)
HINT_304_EN = "Use one of: hoan-thanh, dang-thuc-hien, chua-thuc-hien, thuong-xuyen."


@pytest.fixture
def findings() -> list[Finding]:
    return [
        status_finding(PATH, 10, 19, "no"),
        finding(
            PATH,
            3,
            1,
            "NQ303",
            field="quater",
            suggestion=' Có phải ý bạn là "quarter"?',
            suggestion_en=' Did you mean "quarter"?',
        ),
    ]


def test_text_vi(findings: list[Finding]) -> None:
    assert text(findings) == (
        f'{PATH}:10:19: NQ304 lỗi: Trạng thái "no" không hợp lệ.\n'
        f"    → Cách sửa: {HINT_304_VI}\n"
        f'{PATH}:3:1: NQ303 cảnh báo: Trường "quater" không có trong mẫu ghi chú và sẽ bị bỏ qua. '
        'Có phải ý bạn là "quarter"?\n'
        "    → Cách sửa: Xoá trường này hoặc sửa tên cho đúng mẫu.\n"
    )


def test_text_en(findings: list[Finding]) -> None:
    assert text(findings, "en") == (
        f'{PATH}:10:19: NQ304 error: Status "no" is not valid.\n'
        f"    → Fix: {HINT_304_EN}\n"
        f'{PATH}:3:1: NQ303 warning: Unknown field "quater"; it is ignored. Did you mean "quarter"?\n'
        "    → Fix: Remove it or correct its name.\n"
    )


def test_json(findings: list[Finding]) -> None:
    assert json.loads(json_text(findings)) == {
        "findings": [
            {
                "path": PATH,
                "line": 10,
                "column": 19,
                "code": "NQ304",
                "severity": "error",
                "message": 'Trạng thái "no" không hợp lệ.',
                "hint": HINT_304_VI,
            },
            {
                "path": PATH,
                "line": 3,
                "column": 1,
                "code": "NQ303",
                "severity": "warning",
                "message": 'Trường "quater" không có trong mẫu ghi chú và sẽ bị bỏ qua. Có phải ý bạn là "quarter"?',
                "hint": "Xoá trường này hoặc sửa tên cho đúng mẫu.",
            },
        ]
    }
    assert '"Trạng thái' in json_text(findings)  # Vietnamese stays readable, not \\u escapes
    assert json.loads(json_text(findings, "en"))["findings"][0]["message"] == 'Status "no" is not valid.'


def test_github_annotations(findings: list[Finding]) -> None:
    assert github(findings, "en") == (
        f'::error file={PATH},line=10,col=19,title=NQ304::Status "no" is not valid.%0AFix: {HINT_304_EN}\n'
        f'::warning file={PATH},line=3,col=1,title=NQ303::Unknown field "quater"; it is ignored. '
        'Did you mean "quarter"?%0AFix: Remove it or correct its name.\n'
    )
    assert github(findings).startswith(
        f'::error file={PATH},line=10,col=19,title=NQ304::Trạng thái "no" không hợp lệ.%0ACách sửa: '
    )


def test_github_escapes_properties_and_data() -> None:
    found = status_finding("data/a,b:c%.md", 1, 1, "100%")
    assert github([found], "en") == (
        '::error file=data/a%2Cb%3Ac%25.md,line=1,col=1,title=NQ304::Status "100%25" is not valid.%0A'
        f"Fix: {HINT_304_EN}\n"
    )


def test_nothing_to_report() -> None:
    assert text([]) == ""
    assert github([]) == ""
    assert json.loads(json_text([])) == {"findings": []}


def test_render_chooses_by_name(findings: list[Finding]) -> None:
    assert render(findings, "text", "en") == text(findings, "en")
    assert render(findings, "json") == json_text(findings)
    assert render(findings, "github") == github(findings)


def test_summary() -> None:
    found = [status_finding(PATH, 1, 1, "x"), finding(PATH, 1, 1, "NQ104"), finding(PATH, 2, 1, "NQ104")]
    assert summary(found, 9) == "Đã kiểm tra 9 tệp: 1 lỗi, 2 cảnh báo."
    assert summary(found, 9, "en") == "Checked 9 file(s): 1 error(s), 2 warning(s)."
    assert summary([], 1) == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."


def test_text_from_a_note_cannot_break_lines_or_drive_the_terminal() -> None:
    hostile = status_finding(PATH, 7, 13, "\x1b[2J\nother.md:1:1: NQ000 giả\u202e")
    output = text([hostile], "en")
    assert output == (
        f'{PATH}:7:13: NQ304 error: Status "\\u001b[2J\\u000aother.md:1:1: NQ000 giả\\u202e" is not valid.\n'
        f"    → Fix: {HINT_304_EN}\n"
    )
    assert "\x1b" not in github([hostile])
    assert len(github([hostile]).splitlines()) == 1


def test_shown_leaves_ordinary_text_alone() -> None:
    assert shown('Trạng thái "Đã hoàn thành" — 72,5%') == 'Trạng thái "Đã hoàn thành" — 72,5%'


def test_condensed_keeps_the_first_of_each_code_and_counts_the_rest() -> None:
    from nq43.check.reporters import condensed, held_back
    from nq43.domain.findings import finding

    many = [finding(f"data/units/u{i}/2025Q1.md", 1, 1, "NQ104") for i in range(5)]
    other = finding("data/directive.yaml", 3, 1, "NQ303", field="x", suggestion="", suggestion_en="")
    kept, held = condensed([*many, other])
    assert [f.path for f in kept] == ["data/units/u0/2025Q1.md", "data/units/u1/2025Q1.md", "data/directive.yaml"]
    assert held == {"NQ104": 3}
    assert held_back(held) == "... và 3 tệp khác cũng có NQ104.\n"
    assert held_back(held, "en") == "... and 3 more file(s) with NQ104.\n"


def test_a_finding_in_a_word_form_names_its_place_in_every_format() -> None:
    place = Text(
        "bảng nhiệm vụ, dòng 3 (nhiệm vụ 2.2), cột Trạng thái", "task table, row 3 (task 2.2), column Trạng thái"
    )
    placed = finding("data/units/qldt/2025Q2.docx", 6, 1, "NQ504", task="2.2")._replace(place=place)

    # a form has no lines: the place stands where a text file's line and column stand, in the form's words
    assert text([placed]).startswith(
        "data/units/qldt/2025Q2.docx [bảng nhiệm vụ, dòng 3 (nhiệm vụ 2.2), cột Trạng thái]: NQ504 lỗi: "
        'Mục "Kết quả" của nhiệm vụ 2.2 chưa ghi gì'
    )
    assert "2025Q2.docx [task table, row 3 (task 2.2), column Trạng thái]: NQ504 error: " in text([placed], "en")
    assert text([placed._replace(place=None)]).startswith("data/units/qldt/2025Q2.docx: NQ504 lỗi: ")
    shown_json = json.loads(json_text([placed]))["findings"][0]
    assert shown_json["place"] == place.vi
    assert "place" not in json.loads(json_text([finding(PATH, 1, 1, "NQ504", task="2.2")]))["findings"][0]
    annotation = github([placed])
    assert "::[bảng nhiệm vụ, dòng 3 (nhiệm vụ 2.2), cột Trạng thái] Mục" in annotation and "line=" not in annotation
