"""The `remind` command: the reminder letter (công văn đôn đốc) to the units without a valid note for a quarter."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from nq43.cli import messages
from nq43.cli.options import (
    LangOpt,
    LangOption,
    PdfOpt,
    PdfTimeoutOpt,
    RootOpt,
    SignerOpt,
    TodayOpt,
    date_option,
    draft_option,
    lang_code,
    speaking,
)
from nq43.cli.terminal import day_option, echo_err, quarter_option, said_written, today
from nq43.support.errors import UsageError
from nq43.support.pdf import TIMEOUT_SECONDS


class RemindFormatOption(str, Enum):
    docx = "docx"
    md = "md"


def remind(
    quarter: Annotated[str, typer.Option("--quarter", help="Quý cần đôn đốc, ví dụ 2025Q2.", show_default=False)],
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            show_default=False,
            help="Hạn mới cho các đơn vị (NĂM-THÁNG-NGÀY). Mặc định: 5 ngày làm việc sau ngày ghi trên công văn.",
        ),
    ] = None,
    day: Annotated[str | None, date_option("công văn")] = None,
    number: Annotated[
        str | None,
        typer.Option("--number", show_default=False, help='Số công văn, ví dụ 12 (in "12/BQL-VP"). Mặc định để trống.'),
    ] = None,
    signer: SignerOpt = None,
    draft: Annotated[bool, draft_option("công văn")] = False,
    fmt: Annotated[
        RemindFormatOption,
        typer.Option(
            "--format", help="docx (ghi tệp .docx và .md) hoặc md (in nội dung ra màn hình để gửi thư điện tử)."
        ),
    ] = RemindFormatOption.docx,
    pdf: PdfOpt = False,
    pdf_timeout: PdfTimeoutOpt = TIMEOUT_SECONDS,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Lập công văn đôn đốc các đơn vị chưa nộp ghi chú quý hợp lệ khi đã quá hạn (thể thức Nghị định 30).

    Ghi reports/<quý>/don-doc-<quý>.docx và .md; với --pdf ghi thêm don-doc-<quý>.pdf (PDF/A, LibreOffice chuyển
    từ tệp .docx); không tạo được PDF thì .docx và .md vẫn được ghi, lệnh báo lý do và trả mã 1.
    Đơn vị được đôn đốc là đơn vị mà `nq43 status` ghi "Chưa nộp, quá hạn", hoặc "Ghi chú có lỗi" khi đã quá hạn.
    Không có đơn vị nào quá hạn thì không ghi tệp nào.

    Ví dụ: `nq43 remind --quarter 2025Q2 --draft`, `nq43 remind --quarter 2025Q2 --by 2025-06-20 --number 12`,
    `nq43 remind --quarter 2025Q2 --format md` (nội dung để gửi thư điện tử),
    `nq43 remind --quarter 2025Q2 --number 12 --pdf` (thêm bản PDF gửi qua hệ thống văn bản điện tử).
    """
    from nq43.check import reporters
    from nq43.check.repository import gather
    from nq43.domain.findings import finding
    from nq43.load.layout import find_root
    from nq43.report.publishing import check_number
    from nq43.report.reminder import (
        LETTER_NUMBER,
        Late,
        ReminderOptions,
        build_reminder,
        default_by,
        letter_symbol,
        render_reminder,
        write_reminder,
    )
    from nq43.report.rendering import TemplateProblem
    from nq43.support.vietnamese import date_short
    from nq43.tracking.status import quarter_status, to_remind

    said = lang_code(lang)
    with speaking(lang):
        base = find_root(root)
        parsed = quarter_option(quarter)
        if pdf and fmt is RemindFormatOption.md:
            raise UsageError(messages.PDF_NOT_WITH_MD)
        now = today(when)
        letter_date = day_option(day, "--date") or now
        new_by = day_option(by, "--by")
        inputs = gather(base, now, [parsed])
        directive, calendar = inputs.directive, inputs.calendar
        if directive is None or calendar is None:
            echo_err(reporters.text(inputs.findings, said))
            return 1
        checked_number = check_number(number, LETTER_NUMBER, letter_symbol(directive)) or ""
        status = quarter_status(directive, calendar, parsed, inputs.notes, inputs.submissions, now)
        late_units = to_remind(status)
        if not late_units:
            not_due = now <= status.due.day and status.submitted < len(status.units)
            said_text = messages.NOT_DUE_YET if not_due else messages.NOBODY_LATE
            echo_err(said_text.get(said, period=parsed, due=date_short(status.due.day), today=date_short(now)))
            return 0
        new_by = new_by or default_by(calendar, letter_date)
        if new_by <= letter_date:
            raise UsageError(messages.BY_NOT_AFTER, by=new_by, date=letter_date)
        late = []
        for unit in late_units:
            note = inputs.notes.get((unit.unit.id, parsed))
            findings = note.findings if note is not None else ()
            late.append(Late(unit.unit, unit.due.day, unit.state.submitted, findings))
        options = ReminderOptions(
            parsed, status.due.day, by=new_by, date=letter_date, number=checked_number, signer=signer, draft=draft
        )
        context = build_reminder(directive, late, options)
        try:
            rendered = render_reminder(context, base)
        except TemplateProblem as problem:
            echo_err(reporters.text([finding(problem.path, problem.line, 1, "NQ905", reason=problem.reason)], said))
            return 1
        if fmt is RemindFormatOption.md:
            sys.stdout.write(rendered.markdown)
            return 0
        files = write_reminder(base, context, rendered, pdf_timeout=pdf_timeout if pdf else None)
    said_written(files.written, files.removed, base, said)
    echo_err(
        messages.REMINDED.get(
            said,
            period=parsed,
            state=messages.DRAFT if context.draft else "",
            units=len(late),
            names="; ".join(entry.name for entry in context.late),
            by=context.by_text,
        )
    )
    if files.pdf_problem is not None:
        echo_err(files.pdf_problem.message(said))
        echo_err(messages.PDF_NOT_MADE.get(said))
        return 1
    return 0
