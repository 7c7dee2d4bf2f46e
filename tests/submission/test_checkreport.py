"""The outputs of `nq43 check`, exactly: GitHub annotations, the Markdown summary, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitdata import TODAY, make_origin, write
from nq43.check.repository import check_note_file, note_files
from nq43.load.directive import load_directive
from nq43.submission import checkreport
from nq43.submission.changes import Change, ChangeSet
from nq43.submission.rules import Actor, Before, Submission, assess

NOTE = """---
unit: qldt
quarter: 2025Q1
prepared_by: "Phạm Quốc Anh | Phòng QLĐT"
submitted: 2025-03-08
tasks:
  "2.1": {status: thuong-xuyen}
  "2.2": {status: dang-thuc-hien, progress: 72.5}
  "2.3": {status: hoan-thanh, progress: 100}
  "2.4": {status: chua-thuc-hien}
---

## 2.1. Rà soát tiến độ các khu công nghiệp

### Kết quả

Đã rà soát 14 khu công nghiệp.

## 2.2. Thủ tục chủ trương đầu tư

### Kết quả

Đã trình UBND thành phố.

## 2.3. Tham mưu lựa chọn nhà đầu tư

### Kết quả

## 2.4. KCN xanh

### Kết quả

Chưa triển khai.
"""


@pytest.fixture
def submission(tmp_path: Path) -> Submission:
    root = make_origin(tmp_path / "repo")
    path = "data/units/qldt/2025Q1.md"
    write(root, path, NOTE)
    write(root, "data/units/qldt/Báo cáo.docx", b"PK")
    directive, _ = load_directive(root)
    assert directive is not None
    changes = ChangeSet(
        "origin/main",
        "b" * 40,
        "m" * 40,
        "h" * 40,
        (Change("M", "data/directive.yaml"), Change("A", "data/units/qldt/Báo cáo.docx"), Change("A", path)),
    )
    notes = {path: check_note_file(root / path, root, directive, TODAY)}
    _, stray = note_files(root)
    actor = Actor("bql-qldt-anh", "github")
    submitters = {u.id: u.submitters for u in directive.units}
    before = Before(submitters=submitters, office="vp")
    return assess(changes, directive, notes, {path: NOTE.encode()}, stray, before, actor, TODAY)


def test_github_annotations(submission: Submission) -> None:
    assert checkreport.render(submission, "github") == (
        "::error file=data/directive.yaml,line=1,col=1,title=NQ810::Pull request của đơn vị chỉ được sửa ghi chú "
        "trong thư mục của đơn vị; tệp này nằm ngoài (người gửi: bql-qldt-anh).%0ACách sửa: Bỏ thay đổi ở tệp này "
        "khỏi pull request. Công văn, lịch, unit.yaml và mọi tệp khác do Văn phòng sửa (tài khoản có tên trong "
        "unit.yaml của Văn phòng trên nhánh gốc).\n"
        '::error file=data/units/qldt/2025Q1.md,line=27,col=1,title=NQ504::Tiểu mục "### Kết quả" của nhiệm vụ 2.3 để '
        "trống.%0ACách sửa: Ghi kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành).\n"
        "::error file=data/units/qldt/Báo cáo.docx,title=NQ111::Tệp không thuộc về nơi này: tên ghi chú "
        "phải có dạng <NĂM>Q<quý>.md (hoặc .docx), ví dụ 2025Q1.md.%0ACách sửa: Thư mục của đơn vị chỉ chứa unit.yaml và các ghi chú quý tên dạng "
        "2025Q1.md; gửi tài liệu khác qua Văn phòng.\n"
        "::notice title=Cần Văn phòng xem xét::Các tệp này không phải ghi chú của đơn vị; chỉ tài khoản của Văn phòng "
        "được sửa, và Văn phòng phải duyệt:%0A- data/directive.yaml (sửa)\n"
    )


def test_markdown_summary(submission: Submission) -> None:
    assert (
        checkreport.render(submission, "markdown")
        == """\
## ❌ nq43: bài nộp chưa hợp lệ (3 lỗi, 0 cảnh báo)

| | |
|---|---|
| Đơn vị | 2. Phòng Quản lý Đầu tư (qldt) |
| Người nộp | bql-qldt-anh — có trong danh sách người nộp của đơn vị |
| So với | `origin/main` (3 tệp thay đổi) |

### Ghi chú quý I năm 2025 — `data/units/qldt/2025Q1.md` (thêm mới)

**chưa hợp lệ** · Người soạn: Phạm Quốc Anh \\| Phòng QLĐT · Ngày nộp: 8/3/2025

| Nhiệm vụ | Trạng thái | Tiến độ |
|---|---|---:|
| 2.1. Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy | Thường xuyên | — |
| 2.2. Thủ tục chủ trương đầu tư hạ tầng KCN; thành lập khu kinh tế ven biển phía Nam | Đang thực hiện | 72,5% |
| 2.3. Tham mưu lựa chọn nhà đầu tư hạ tầng KCN và thu hút nhà đầu tư thuê đất | Đã hoàn thành | 100% |
| 2.4. Xây dựng mới KCN xanh, sinh thái; hình thành cụm liên kết ngành | Chưa thực hiện | — |

### Cần Văn phòng xem xét

Các tệp này không phải ghi chú của đơn vị; chỉ tài khoản của Văn phòng được sửa, và Văn phòng phải duyệt:

- `data/directive.yaml` (sửa)

### Lỗi và cảnh báo (3)

| Tệp | Dòng | Mã | Mức | Nội dung | Cách sửa |
|---|---:|---|---|---|---|
| `data/directive.yaml` | 1 | NQ810 | lỗi | Pull request của đơn vị chỉ được sửa ghi chú trong thư mục của đơn vị; tệp này nằm ngoài (người gửi: bql-qldt-anh). | Bỏ thay đổi ở tệp này khỏi pull request. Công văn, lịch, unit.yaml và mọi tệp khác do Văn phòng sửa (tài khoản có tên trong unit.yaml của Văn phòng trên nhánh gốc). |
| `data/units/qldt/2025Q1.md` | 27 | NQ504 | lỗi | Tiểu mục "### Kết quả" của nhiệm vụ 2.3 để trống. | Ghi kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành). |
| `data/units/qldt/Báo cáo.docx` |  | NQ111 | lỗi | Tệp không thuộc về nơi này: tên ghi chú phải có dạng &lt;NĂM&gt;Q&lt;quý&gt;.md (hoặc .docx), ví dụ 2025Q1.md. | Thư mục của đơn vị chỉ chứa unit.yaml và các ghi chú quý tên dạng 2025Q1.md; gửi tài liệu khác qua Văn phòng. |
"""
    )


def test_markdown_in_english_when_clean(tmp_path: Path) -> None:
    root = make_origin(tmp_path / "repo")
    directive, _ = load_directive(root)
    assert directive is not None
    changes = ChangeSet(
        "origin/main", "b" * 40, "m" * 40, "h" * 40, (Change("M", "src/nq43/cli.py"),), ("git fetch origin main",)
    )
    before = Before(submitters={u.id: u.submitters for u in directive.units}, office="vp")
    result = assess(changes, directive, {}, {}, [], before, Actor("bql-vp-minh", "github"), TODAY)
    assert (
        checkreport.markdown(result, "en")
        == """\
## ✅ nq43: the submission is acceptable (0 error(s), 0 warning(s))

| | |
|---|---|
| Unit | (no unit's folder is changed) |
| Submitted by | bql-vp-minh — an Office account, submitting for the unit |
| Compared with | `origin/main` (1 file(s) changed) |
| Fetched missing git history | git fetch origin main |

This pull request submits no quarterly note.

### For the Office to review

These files are not a unit's notes; only an Office account may change them, and the Office must review:

- `src/nq43/cli.py` (modified)
"""
    )


def test_text(submission: Submission) -> None:
    assert (
        checkreport.render(submission, "text")
        == """\
So với: origin/main (3 tệp thay đổi)
Đơn vị: 2. Phòng Quản lý Đầu tư (qldt)
Người nộp: bql-qldt-anh — có trong danh sách người nộp của đơn vị
Ghi chú: data/units/qldt/2025Q1.md (thêm mới) — chưa hợp lệ
Cần Văn phòng xem xét:
  - data/directive.yaml (sửa)

data/directive.yaml:1:1: NQ810 lỗi: Pull request của đơn vị chỉ được sửa ghi chú trong thư mục của đơn vị; tệp này nằm ngoài (người gửi: bql-qldt-anh).
    → Cách sửa: Bỏ thay đổi ở tệp này khỏi pull request. Công văn, lịch, unit.yaml và mọi tệp khác do Văn phòng sửa (tài khoản có tên trong unit.yaml của Văn phòng trên nhánh gốc).
data/units/qldt/2025Q1.md:27:1: NQ504 lỗi: Tiểu mục "### Kết quả" của nhiệm vụ 2.3 để trống.
    → Cách sửa: Ghi kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành).
data/units/qldt/Báo cáo.docx: NQ111 lỗi: Tệp không thuộc về nơi này: tên ghi chú phải có dạng <NĂM>Q<quý>.md (hoặc .docx), ví dụ 2025Q1.md.
    → Cách sửa: Thư mục của đơn vị chỉ chứa unit.yaml và các ghi chú quý tên dạng 2025Q1.md; gửi tài liệu khác qua Văn phòng.
"""
    )
    assert checkreport.result_line(submission) == "Kết quả: chưa đạt (3 lỗi, 0 cảnh báo)."
    assert checkreport.result_line(submission, "en") == "Result: failed (3 error(s), 0 warning(s))."


def test_json_carries_the_same_facts(submission: Submission) -> None:
    data = json.loads(checkreport.render(submission, "json"))
    assert data["ok"] is False and (data["errors"], data["warnings"]) == (3, 0)
    assert data["unit"] == {"id": "qldt", "number": 2, "name": "Phòng Quản lý Đầu tư"}
    assert data["actor"] == {"login": "bql-qldt-anh", "service": "github", "role": "submitter"}
    assert data["office_review"] == ["data/directive.yaml"]
    assert [c["path"] for c in data["changes"]] == [
        "data/directive.yaml",
        "data/units/qldt/Báo cáo.docx",
        "data/units/qldt/2025Q1.md",
    ]
    (note,) = data["notes"]
    assert note["quarter"] == "2025Q1" and note["valid"] is False and note["submitted"] == "2025-03-08"
    assert [(t["id"], t["status"], t["progress"]) for t in note["tasks"]] == [
        ("2.1", "thuong-xuyen", None),
        ("2.2", "dang-thuc-hien", 72.5),
        ("2.3", "hoan-thanh", 100.0),
        ("2.4", "chua-thuc-hien", None),
    ]
    assert [(f["path"], f["line"], f["code"]) for f in data["findings"]] == [
        ("data/directive.yaml", 1, "NQ810"),
        ("data/units/qldt/2025Q1.md", 27, "NQ504"),
        ("data/units/qldt/Báo cáo.docx", 1, "NQ111"),
    ]


def test_markdown_cells_cannot_break_the_table_or_inject_html() -> None:
    assert checkreport._cell("a | b\n<script>&") == "a \\| b\\\\u000a&lt;script&gt;&amp;"
    assert checkreport._cell("*x* _y_ [l](u) `c` ~~s~~") == "\\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` \\~\\~s\\~\\~"
