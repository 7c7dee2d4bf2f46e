"""A note written in the Word form reads into the same note as its Markdown twin; findings point at the form."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from formkit import (
    TWIN,
    choose_status,
    delete_task_row,
    empty_form,
    filled_form,
    opened,
    paragraph,
    save,
    set_amendment,
    set_cell,
    set_header,
    write_under,
)
from notekit import SHIPPED, TODAY, make_repo
from nq43.check.repository import check_note_file
from nq43.domain.findings import Finding
from nq43.domain.records import Note
from nq43.load.directive import load_directive
from nq43.load.formread import form_text
from nq43.load.limits import LIMITS
from nq43.load.notes import parse_note, read_note

FORM_PATH = "data/units/qldt/2025Q2.docx"


def comparable(note: Note | None) -> Note:
    """A note without what tells where it came from (its path, its sections' lines)."""
    assert note is not None
    return note._replace(path="", sections=tuple(s._replace(line=0) for s in note.sections))


def read_form(tmp_path: Path, data: bytes) -> tuple[Note | None, tuple[Finding, ...]]:
    root = make_repo(tmp_path / "kho")
    target = root / FORM_PATH
    target.write_bytes(data)
    directive, _ = load_directive(root)
    checked = check_note_file(target, root, directive, TODAY.replace(year=2025, month=7, day=1))
    return checked.note, checked.findings


def test_a_filled_form_is_its_markdown_twin(tmp_path: Path) -> None:
    note, findings = read_form(tmp_path, filled_form())

    assert findings == ()
    assert comparable(note) == comparable(parse_note(TWIN, "twin.md").note)


def test_the_empty_form_carries_the_last_note_and_hides_its_hints() -> None:
    form = form_text(empty_form())
    assert form is not None
    note = parse_note(form.text, FORM_PATH).note
    assert note is not None
    previous = parse_note((SHIPPED / "data/units/qldt/2025Q1.md").read_text(encoding="utf-8"), "x").note
    assert previous is not None
    assert dict(note.tasks) == dict(previous.tasks)
    assert [s.task for s in note.sections] == ["2.1", "2.2", "2.3", "2.4"]
    assert all(not (s.results or s.difficulties or s.proposals) for s in note.sections)
    assert "Kết quả thực hiện trong quý" not in form.text  # the grey hint is never content


def test_a_typed_status_is_recognised_and_a_wrong_one_is_placed_at_its_cell(tmp_path: Path) -> None:
    document = opened(filled_form())
    choose_status(document, "2.2", "Xong rồi")
    note, findings = read_form(tmp_path, save(document))

    assert note is not None and note.tasks["2.4"].status.value == "dang-thuc-hien"  # typed "đang làm"
    wrong = [f for f in findings if f.code == "NQ304"]
    assert len(wrong) == 1
    assert wrong[0].where() == "bảng nhiệm vụ, dòng 3 (nhiệm vụ 2.2), cột Trạng thái"
    assert wrong[0].where("en") == "task table, row 3 (task 2.2), column Trạng thái"


def test_an_empty_section_is_named_as_the_clerk_sees_it(tmp_path: Path) -> None:
    document = opened(empty_form())
    set_header(document, "Người lập", "Nguyễn Thị Lan")
    set_header(document, "Ngày gửi", "ngày 5 tháng 6 năm 2025")
    note, findings = read_form(tmp_path, save(document))

    assert note is not None and str(note.submitted) == "2025-06-05"
    empty = [f.where() for f in findings if f.code == "NQ504"]
    assert empty == [f"mục 2.{n} › Kết quả" for n in range(1, 5)]
    assert all(f.line > 1 and f.column == 1 for f in findings)


def _said(findings: tuple[Finding, ...]) -> dict[str, tuple[str, str, str]]:
    """Each finding's code: its place, its message and its fix, as a clerk reads them."""
    return {f.code: (f.where(), f.message(), f.hint()) for f in findings}


def test_a_clerks_typical_mistakes_are_said_in_the_forms_words(tmp_path: Path) -> None:
    document = opened(filled_form())
    set_header(document, "Người lập", "")
    set_header(document, "Ngày gửi", "8/6/2025")  # day/month/year, as a clerk types it, reads
    set_cell(document, "2.4", 3, ["bảy mươi"])
    choose_status(document, "2.2", "Xong rồi")
    delete_task_row(document, "2.3")
    note, findings = read_form(tmp_path, save(document))

    assert note is not None and str(note.submitted) == "2025-06-08"
    said = _said(findings)
    assert said.keys() == {"NQ308", "NQ302", "NQ304", "NQ405"}
    assert said["NQ308"] == (
        "phần thông tin chung, dòng Người lập",
        'Ô "Người lập" để trống.',
        "Điền ô Người lập ở đầu biểu mẫu.",
    )
    where, message, fix = said["NQ302"]
    assert where == "bảng nhiệm vụ, dòng 4 (nhiệm vụ 2.4), cột Tiến độ (%)"
    assert message == 'Ô "Tiến độ (%)" phải là một số, ở đây là chữ "bảy mươi".'
    assert fix.startswith("Ghi vào cột Tiến độ (%) ở dòng nhiệm vụ 2.4 của bảng nhiệm vụ chỉ một số bằng chữ số")
    where, message, fix = said["NQ304"]
    assert where.endswith("cột Trạng thái") and "Xong rồi" in message
    assert fix.endswith("Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Thường xuyên.")
    assert said["NQ405"][:2] == ("bảng nhiệm vụ", "Bảng nhiệm vụ không có dòng của nhiệm vụ 2.3.")
    for code, (_, message, fix) in said.items():  # nothing a clerk in Word never sees
        for yaml_word in ("prepared_by", "progress", "tasks", "status", "###", "YAML", "dang-thuc-hien"):
            assert yaml_word not in message + fix, (code, yaml_word)


def test_progress_with_a_percent_sign_reads_and_a_bad_date_is_said_as_a_clerk_writes_dates(tmp_path: Path) -> None:
    document = opened(filled_form())
    set_cell(document, "2.4", 3, ["70%"])
    set_header(document, "Ngày gửi", "31/6/2025")
    note, findings = read_form(tmp_path, save(document))

    assert note is not None and note.tasks["2.4"].progress == 70
    said = _said(findings)
    assert said.keys() == {"NQ306"}
    assert said["NQ306"] == (
        "phần thông tin chung, dòng Ngày gửi",
        'Ngày "2025-06-31" ở ô "Ngày gửi" không có thật hoặc sai dạng.',
        "Ghi vào ô Ngày gửi ở đầu biểu mẫu ngày dạng ngày/tháng/năm, ví dụ 08/06/2025 (hoặc 8/6/2025).",
    )


def test_a_section_left_with_only_its_grey_hint_is_said_so(tmp_path: Path) -> None:
    document = opened(filled_form())
    for typed in document.paragraphs:
        if typed.text == "Đang xây dựng đề án khu công nghiệp sinh thái.":
            typed._p.getparent().remove(typed._p)
    _, findings = read_form(tmp_path, save(document))

    assert _said(findings) == {
        "NQ504": (
            "mục 2.4 › Kết quả",
            'Mục "Kết quả" của nhiệm vụ 2.4 chưa ghi gì (dòng gợi ý màu xám không được tính).',
            "Gõ kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành) dưới dòng gợi ý màu xám.",
        )
    }


def test_the_corrections_table_reads_into_amends_and_an_empty_one_into_none(tmp_path: Path) -> None:
    untouched = form_text(filled_form())
    assert untouched is not None and "amends" not in untouched.text  # one empty row: no correction
    document = opened(filled_form())
    set_amendment(document, 1, "10/7/2025", "Sửa tiến độ nhiệm vụ 2.4 theo số liệu chốt")
    set_amendment(document, 2, "", "Bổ sung số liệu")  # a date forgotten
    note, findings = read_form(tmp_path, save(document))

    assert note is not None
    assert [(str(a.date), a.reason) for a in note.amends] == [
        ("2025-07-10", "Sửa tiến độ nhiệm vụ 2.4 theo số liệu chốt")
    ]
    said = _said(findings)
    assert said.keys() == {"NQ306"}
    assert said["NQ306"][0] == "bảng Đính chính, dòng 3, cột Ngày đính chính"
    assert said["NQ306"][2].startswith("Ghi vào cột Ngày đính chính của bảng Đính chính ở cuối biểu mẫu ngày dạng")


def test_pasted_text_is_cleaned_as_in_markdown(tmp_path: Path) -> None:
    document = opened(filled_form())
    nfd = unicodedata.normalize("NFD", "Đã   kiểm tra\u200b thực địa.")
    write_under(document, "2.4.", "Kết quả", paragraph(nfd))
    note, findings = read_form(tmp_path, save(document))

    codes = {f.code: f.where() for f in findings}
    assert codes.keys() == {"NQ105", "NQ107"}
    assert codes["NQ107"] == "mục 2.4 › Kết quả"
    assert note is not None and "Đã kiểm tra" in (note.section("2.4") or note.sections[0]).results


def test_a_file_that_is_no_word_document_or_no_form_is_a_finding(tmp_path: Path) -> None:
    _, not_word = read_form(tmp_path / "a", b"%PDF-1.4 not a zip")
    blank = opened(empty_form())
    for table in blank.tables:
        table._tbl.getparent().remove(table._tbl)
    _, no_form = read_form(tmp_path / "b", save(blank))

    assert [f.code for f in not_word] == ["NQ120"]  # the safety check names it first: a PDF, not a .docx
    assert [f.code for f in no_form] == ["NQ522"]


def test_markdown_and_form_for_one_quarter_is_a_finding(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "kho")
    (root / FORM_PATH).write_bytes(filled_form())
    (root / FORM_PATH).with_suffix(".md").write_text(TWIN, encoding="utf-8")
    directive, _ = load_directive(root)

    checked = check_note_file(root / FORM_PATH, root, directive, TODAY.replace(month=7))
    markdown = check_note_file(root / FORM_PATH.replace(".docx", ".md"), root, directive, TODAY.replace(month=7))

    assert [f.code for f in checked.findings] == ["NQ520"]
    assert [f.code for f in markdown.findings] == ["NQ520"]  # on each of the two, whichever a pull request adds


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_saved_by_libreoffice_still_reads(tmp_path: Path) -> None:
    source = tmp_path / "in" / "2025Q2.docx"
    source.parent.mkdir()
    source.write_bytes(filled_form())
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    note, findings = read_form(tmp_path, (out / "2025Q2.docx").read_bytes())

    assert findings == ()
    assert comparable(note) == comparable(parse_note(TWIN, "twin.md").note)


def test_read_note_reads_a_form_by_its_name(tmp_path: Path) -> None:
    file = tmp_path / "2025Q2.docx"
    file.write_bytes(filled_form())
    read = read_note(file, FORM_PATH)
    assert read.places is not None and read.note is not None and read.note.unit == "qldt"


def test_a_legacy_drop_down_field_of_an_older_word_reads(tmp_path: Path) -> None:
    document = opened(filled_form())
    cell = next(row.cells[2] for row in document.tables[1].rows if row.cells[0].text == "2.3")
    paragraph = cell.paragraphs[0]._p
    for child in list(paragraph):
        if child.tag != qn("w:pPr"):
            paragraph.remove(child)
    entries = "".join(
        f'<w:listEntry w:val="{label}"/>' for label in ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")
    )
    field = (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="TrangThai"/>'
        f'<w:ddList><w:result w:val="2"/>{entries}</w:ddList></w:ffData></w:fldChar></w:r>'
    )
    paragraph.append(parse_xml(field))
    paragraph.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> FORMDROPDOWN </w:instrText></w:r>"))
    paragraph.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))

    note, _ = read_form(tmp_path, save(document))

    assert note is not None and note.tasks["2.3"].status.value == "chua-thuc-hien"


@pytest.mark.parametrize("span", ["99999999", "x", "-3"])
def test_a_pasted_table_with_a_wrong_cell_span_reads_without_harm(tmp_path: Path, span: str) -> None:
    document = opened(filled_form())
    pasted = document.tables[2]
    properties = pasted.rows[1].cells[0]._tc.get_or_add_tcPr()
    properties.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="{span}"/>'))

    note, findings = read_form(tmp_path, save(document))

    assert note is not None and "Đã hoạt động ổn định" in note.sections[0].results
    assert {f.code for f in findings} <= {"NQ510"}


def _rezipped(data: bytes, part: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            package.writestr(info.filename, content if info.filename == part else source.read(info.filename))
    return out.getvalue()


def _damaged(data: bytes, seed: int) -> bytes:
    damaged = bytearray(data)
    chance = random.Random(seed)
    for _ in range(8):
        damaged[chance.randrange(len(damaged))] = chance.randrange(256)
    return bytes(damaged)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: _rezipped(data, "word/document.xml", b"<w:document/"),
        lambda data: _rezipped(data, "word/document.xml", b"<a/>"),
        *[lambda data, seed=seed: _damaged(data, seed) for seed in range(6)],
    ],
)
def test_a_damaged_form_is_a_finding_never_a_crash(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    file = tmp_path / "2025Q2.docx"
    file.write_bytes(damage(filled_form()))

    read = read_note(file, FORM_PATH)

    codes = {f.code for f in read.findings}
    assert read.note is None and codes and codes <= {"NQ122", "NQ521"}  # damaged zip (safety check) or XML (reader)


def _with_blocks(data: bytes, blocks: str) -> bytes:
    """The form with `blocks` (WordprocessingML) put at the end of its body."""
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    end = document.rindex("<w:sectPr")
    return _rezipped(data, "word/document.xml", (document[:end] + blocks + document[end:]).encode("utf-8"))


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize(
    "blocks",
    [
        "".join(f"<w:p><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>" for i in range(60_000)),
        "<w:tbl>" + "".join(f"<w:tr>{_cell(f'Dòng {i}')}{_cell(str(i))}</w:tr>" for i in range(60_000)) + "</w:tbl>",
    ],
    ids=["paragraphs", "table rows"],
)
def test_a_form_far_past_the_line_limit_is_read_only_up_to_it(tmp_path: Path, blocks: str) -> None:
    """A form within the size limits can hold 200,000 paragraphs: its text stops just past the note's line
    limit (then NQ112), instead of turning every paragraph into text first (it took 20 s)."""
    data = _with_blocks(filled_form(), blocks)

    text = form_text(data)
    _, findings = read_form(tmp_path, data)

    assert text is not None and LIMITS["form"].lines < text.text.count("\n") < LIMITS["form"].lines + 5
    assert [f.code for f in findings] == ["NQ112"]


def test_a_form_with_thousands_of_task_rows_is_read_only_up_to_the_line_limit() -> None:
    document = opened(filled_form())
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Mã")
    cells = _cell("x") + _cell("Đang thực hiện")
    rows = "".join(f"<w:tr {nsdecls('w')}>{_cell(f'9.{i}')}{cells}</w:tr>" for i in range(20_000))
    for row in parse_xml(f"<w:tbl {nsdecls('w')}>{rows}</w:tbl>"):
        table._tbl.append(row)

    text = form_text(save(document))

    assert text is not None and text.text.count("\n") < LIMITS["form"].lines + 5


def test_a_style_id_with_a_quote_reads_without_a_crash(tmp_path: Path) -> None:
    """python-docx's style look-up builds an XPath from the id: a quote in it raised XPathEvalError."""
    document = opened(filled_form())
    quoted = f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val='a\"b'/></w:pPr><w:r><w:t>Ghi chú</w:t></w:r></w:p>"
    document.element.body.insert(0, parse_xml(quoted))

    note, _ = read_form(tmp_path, save(document))

    assert note is not None and note.tasks["2.2"].status.value == "hoan-thanh"
