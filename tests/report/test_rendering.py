"""The report template: sandboxed and strict, notes stay data, one rendering feeds the .md and the .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from nq43.check.repository import load_quarters
from nq43.domain.periods import Period, PeriodKind
from nq43.domain.records import Quarter
from nq43.report.amend import AMEND_TEMPLATE
from nq43.report.assembly import report_document
from nq43.report.context import (
    IndicatorOverPeriod,
    IndicatorValue,
    PeriodInfo,
    PeriodOverview,
    QuarterInfo,
    QuarterRecord,
    QuarterWork,
    ReportContext,
    TallyInfo,
    TaskEntry,
    TaskOverPeriod,
    UnitEntry,
    UnitOverPeriod,
)
from nq43.report.document import Heading, Paragraph, Table, plain_text
from nq43.report.markdownread import parse
from nq43.report.markdownwrite import normalise
from nq43.report.model import ReportOptions, build_context, select_notes
from nq43.report.rendering import (
    PACKAGED_TEMPLATES,
    REQUIRED_BLOCKS,
    TEMPLATE_NAME,
    TemplateProblem,
    lead,
    letter,
    parse_part,
    render,
    roman,
    template_dirs,
    template_variables,
)
from reportdata import REPO, REPORT_DATE, TODAY, full_notes, make_repo

Q1 = Quarter(2025, 1)


def _context(tmp_path: Path, notes: dict[str, str] | None = None, **options: object) -> ReportContext:
    root = make_repo(tmp_path, full_notes() if notes is None else notes)
    repo = load_quarters(root, TODAY, (Q1,))
    assert repo.directive is not None
    selection = select_notes(repo.directive, repo.notes, Q1)
    return build_context(repo.directive, selection, ReportOptions(Period.of(Q1), REPORT_DATE, **options))  # type: ignore[arg-type]


def _custom(tmp_path: Path, text: str) -> list[Path]:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / TEMPLATE_NAME).write_text(text, encoding="utf-8")
    return template_dirs(None, folder)


_MINIMAL = "".join(f"{{% block {name} %}}{name}{{% endblock %}}\n" for name in REQUIRED_BLOCKS)


def test_repository_templates_and_packaged_templates_are_identical() -> None:
    shipped = sorted(p.name for p in (REPO / "templates").iterdir())
    packaged = sorted(p.name for p in PACKAGED_TEMPLATES.iterdir() if p.is_file())

    assert shipped == packaged
    assert {kind.row.template for kind in PeriodKind} | {TEMPLATE_NAME, AMEND_TEMPLATE, "remind.md.j2"} <= set(shipped)
    for name in shipped:
        assert (REPO / "templates" / name).read_bytes() == (PACKAGED_TEMPLATES / name).read_bytes()


def test_template_lookup_order(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    (root / "templates").mkdir(parents=True)
    (root / "templates" / TEMPLATE_NAME).write_text("x", encoding="utf-8")

    assert template_dirs(root) == [root / "templates", PACKAGED_TEMPLATES]
    assert template_dirs(tmp_path) == [PACKAGED_TEMPLATES]
    assert template_dirs(root, tmp_path) == [tmp_path, PACKAGED_TEMPLATES]


def test_default_template_gives_the_report_structure(tmp_path: Path) -> None:
    rendered = render(_context(tmp_path), template_dirs(None))
    body = parse(rendered.parts["body"])
    headings = [(b.level, plain_text(b.runs)) for b in body if isinstance(b, Heading)]

    assert [text for level, text in headings if level == 2] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC",
        "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM QUÝ TỚI",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    assert (3, "1. Văn phòng Ban Quản lý") in headings
    title = "b) Nhiệm vụ 1.2: Đăng tải, phổ biến Nghị quyết trên ứng dụng xã hội và Cổng Thông tin điện tử"
    assert (4, title) in headings
    assert plain_text(body[-1].runs).endswith("./.")  # type: ignore[union-attr]
    assert rendered.parts["summary"].startswith("Kết quả thực hiện Nghị quyết số 43/NQ-HĐND")
    assert "# BÁO CÁO" in rendered.markdown
    assert "Số:      /BC-BQL" in rendered.markdown


def test_the_parts_are_the_markdown_file_cut_into_pieces(tmp_path: Path) -> None:
    rendered = render(_context(tmp_path), template_dirs(None))

    for name in REQUIRED_BLOCKS:
        assert rendered.parts[name].strip() in rendered.markdown


def test_appendix_table_lists_every_task(tmp_path: Path) -> None:
    context = _context(tmp_path)
    (table,) = [b for b in parse(render(context, template_dirs(None)).parts["appendix"]) if isinstance(b, Table)]

    assert [plain_text(c) for c in table.header] == ["TT", "Đơn vị", "Nhiệm vụ", "Trạng thái", "Tiến độ", "Đánh giá"]
    assert [plain_text(row[0]) for row in table.rows] == [t.id for t in context.tasks]


def test_jinja_in_a_note_comes_out_literally(tmp_path: Path) -> None:
    notes = full_notes(results={"1.1": "Kết quả {{ 7*7 }} {% include 'report.md.j2' %} {{ signer }}"})
    rendered = render(_context(tmp_path, notes), template_dirs(None))
    document = report_document(_context(tmp_path / "2", notes), rendered)
    texts = [plain_text(b.runs) for b in document.body if isinstance(b, Paragraph)]

    assert "Kết quả {{ 7*7 }} {% include 'report.md.j2' %} {{ signer }}" in texts
    assert "49" not in " ".join(texts)


def test_data_values_are_escaped_as_markdown(tmp_path: Path) -> None:
    context = _context(tmp_path, signer="*Nguyễn* | [Văn](x) # A")
    template = _MINIMAL.replace("{% block body %}body", "{% block body %}{{ signer }}")
    rendered = render(context, _custom(tmp_path, template))

    assert [plain_text(b.runs) for b in parse(rendered.parts["body"])] == ["*Nguyễn* | [Văn](x) # A"]  # type: ignore[union-attr]


def test_an_undefined_variable_names_the_template_line(tmp_path: Path) -> None:
    dirs = _custom(tmp_path, _MINIMAL + "\n\n{{ khong_co }}\n")

    with pytest.raises(TemplateProblem) as caught:
        render(_context(tmp_path), dirs)
    assert caught.value.line == len(REQUIRED_BLOCKS) + 3
    assert caught.value.path.endswith(TEMPLATE_NAME)
    assert "khong_co" in caught.value.reason


def test_a_syntax_error_names_the_template_line(tmp_path: Path) -> None:
    dirs = _custom(tmp_path, _MINIMAL + "{% if %}\n")

    with pytest.raises(TemplateProblem) as caught:
        render(_context(tmp_path), dirs)
    assert caught.value.line == len(REQUIRED_BLOCKS) + 1


def test_the_sandbox_refuses_internals(tmp_path: Path) -> None:
    dirs = _custom(tmp_path, _MINIMAL + "{{ signer.__class__.__mro__[1].__subclasses__() }}\n")

    with pytest.raises(TemplateProblem) as caught:
        render(_context(tmp_path), dirs)
    assert "SecurityError" in caught.value.reason or "Undefined" in caught.value.reason


def test_a_missing_block_is_reported(tmp_path: Path) -> None:
    dirs = _custom(tmp_path, _MINIMAL.replace("{% block appendix %}appendix{% endblock %}\n", ""))

    with pytest.raises(TemplateProblem) as caught:
        render(_context(tmp_path), dirs)
    assert "appendix" in caught.value.reason


def test_a_block_the_layout_leaves_out_is_rendered_on_its_own(tmp_path: Path) -> None:
    hidden = _MINIMAL.replace(
        "{% block appendix %}appendix{% endblock %}\n",
        "{% if false %}{% block appendix %}Phụ lục của {{ signer }}{% endblock %}{% endif %}\n",
    )
    context = _context(tmp_path)
    rendered = render(context, _custom(tmp_path, hidden))

    assert "Phụ lục" not in rendered.markdown
    assert rendered.parts["appendix"] == f"Phụ lục của {context.letterhead.signer}"


def test_an_error_in_a_block_rendered_on_its_own_names_the_template_line(tmp_path: Path) -> None:
    hidden = _MINIMAL.replace(
        "{% block appendix %}appendix{% endblock %}\n",
        "{% if false %}\n{% block appendix %}\n{{ khong_co }}{% endblock %}{% endif %}\n",
    )

    with pytest.raises(TemplateProblem) as caught:
        render(_context(tmp_path), _custom(tmp_path, hidden))
    assert caught.value.path.endswith(TEMPLATE_NAME)
    assert caught.value.line == len(REQUIRED_BLOCKS) + 2
    assert "khong_co" in caught.value.reason


def test_a_block_rendered_twice_keeps_what_it_gave_last(tmp_path: Path) -> None:
    twice = _MINIMAL.replace("{% block summary %}summary{% endblock %}", "{% block summary %}tóm tắt{% endblock %}")
    twice += "{{ self.summary() }}\n"
    rendered = render(_context(tmp_path), _custom(tmp_path, twice))

    assert rendered.parts["summary"] == "tóm tắt"
    assert rendered.markdown.count("tóm tắt") == 2


def test_a_custom_folder_may_hold_only_a_partial(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "loi-ket.md.j2").write_text("Lời kết riêng./.\n", encoding="utf-8")
    (folder / TEMPLATE_NAME).write_text(
        _MINIMAL.replace("{% block body %}body", "{% block body %}{% include 'loi-ket.md.j2' %}"), encoding="utf-8"
    )

    rendered = render(_context(tmp_path), template_dirs(None, folder))

    assert rendered.parts["body"] == "Lời kết riêng./.\n"


def test_a_note_inside_a_sentence_is_parsed_with_the_whole_part(tmp_path: Path) -> None:
    context = _context(tmp_path)
    inline = _MINIMAL.replace("{% block body %}body", "{% block body %}Mở đầu: {{ units[0].tasks[0].results }}")
    rendered = render(context, _custom(tmp_path, inline))

    assert parse_part(rendered, "body") == parse(rendered.parts["body"])
    assert plain_text(parse_part(rendered, "body")[0].runs).startswith("Mở đầu: Đã hoàn thành")  # type: ignore[union-attr]


def test_reused_note_blocks_equal_a_full_parse(tmp_path: Path) -> None:
    rendered = render(_context(tmp_path), template_dirs(None))

    assert parse_part(rendered, "body") == parse(rendered.parts["body"])
    assert parse_part(rendered, "appendix") == parse(rendered.parts["appendix"])


def test_point_letters_and_roman_numerals() -> None:
    assert [letter(i) for i in range(1, 12)] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert letter(24) == "aa"
    assert [roman(i) for i in (1, 2, 3, 4, 5, 9, 14)] == ["I", "II", "III", "IV", "V", "IX", "XIV"]


def test_draft_is_marked_in_the_markdown(tmp_path: Path) -> None:
    rendered = render(_context(tmp_path, draft=True), template_dirs(None))

    assert rendered.markdown.startswith("> **DỰ THẢO**")


def test_lead_keeps_the_first_paragraph_and_what_its_colon_introduces() -> None:
    assert lead(normalise("Một **đậm**.\n\nHai.")) == "Một **đậm**."
    assert lead(normalise("Trong quý:\n\n- một;\n- hai.\n\nSau đó.")) == "Trong quý:\n\n- một;\n- hai."
    assert lead(normalise("- một\n- hai\n\nSau đó.")) == "- một\n- hai"
    long_list = "Đã làm:\n\n- một;\n\n  chi tiết của một.\n- hai;\n- ba;\n- bốn;\n- năm."
    assert lead(normalise(long_list)) == "Đã làm:\n\n- một;\n- hai;\n- ba;"  # the first LEAD_ITEMS, lead lines only
    assert lead(normalise("### Tiêu đề\n\nĐoạn.")) == lead(normalise("**Tiêu đề**\n\nĐoạn.")) == "Đoạn."
    assert lead(normalise("**Mở đầu.** Nội dung.\n\nSau.")) == "**Mở đầu.** Nội dung."
    assert lead(normalise("")) == ""
    assert lead("chữ *thường*") == "chữ \\*thường\\*"  # plain text stays text
    assert lead(normalise("Một.\n\nHai.")).blocks is not None


def test_a_template_may_extend_another_and_keep_its_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / TEMPLATE_NAME).write_text(_MINIMAL, encoding="utf-8")
    (folder / "con.md.j2").write_text('{% extends "report.md.j2" %}{% block body %}thân riêng{% endblock %}', "utf-8")

    rendered = render(_context(tmp_path), template_dirs(None, folder, "con.md.j2"), "con.md.j2")

    assert rendered.parts["body"] == "thân riêng" and rendered.parts["summary"] == "summary"


def test_template_variables_are_documented(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "mau-bao-cao.md").read_text(encoding="utf-8")
    for name in template_variables(_context(tmp_path)):  # the letterhead's fields among them, each on its own
        assert f"`{name}`" in doc, name
    period_kinds = (PeriodOverview, UnitOverPeriod, TaskOverPeriod, QuarterWork, QuarterRecord, IndicatorOverPeriod)
    for kind in (
        PeriodInfo,
        QuarterInfo,
        UnitEntry,
        TaskEntry,
        TallyInfo,
        IndicatorValue,
        *period_kinds,
    ):
        for name in kind._fields:
            assert f"`{name}`" in doc, f"{kind.__name__}.{name}"
    for name in REQUIRED_BLOCKS:
        assert f"`{name}`" in doc
