"""The `report` command: build a period's report (.docx and .md: a quarter's, a half-year's or a year's) and,
with --issue, record it as issued."""

from __future__ import annotations

from pathlib import Path
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
from nq43.cli.terminal import day_option, echo_err, period_option, quarter_option, said_written, today
from nq43.domain.periods import Period
from nq43.support.errors import UsageError
from nq43.support.pdf import TIMEOUT_SECONDS


def report(
    quarter: Annotated[
        str | None, typer.Option("--quarter", help="Quý báo cáo, ví dụ 2025Q1.", show_default=False)
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Kỳ báo cáo: 2025H1 (6 tháng đầu năm), 2025H2 (6 tháng cuối năm), 2025 (năm) hoặc một quý (2025Q1).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Thư mục ghi báo cáo. Mặc định: reports/<kỳ>/, ví dụ reports/2025H1/.", show_default=False
        ),
    ] = None,
    draft: Annotated[bool, draft_option("báo cáo")] = False,
    day: Annotated[str | None, date_option("báo cáo")] = None,
    number: Annotated[
        str | None,
        typer.Option("--number", show_default=False, help='Số báo cáo, ví dụ 5 (in "05/BC-BQL"). Mặc định để trống.'),
    ] = None,
    signer: SignerOpt = None,
    issue: Annotated[
        bool,
        typer.Option(
            "--issue",
            help="Ghi nhận báo cáo đã ban hành (reports/<kỳ>/issued.yaml): "
            "số, ngày và phiên bản từng ghi chú đã dùng. Cần --number và --date.",
        ),
    ] = False,
    as_issued: Annotated[
        bool,
        typer.Option(
            "--as-issued",
            help="Dựng lại báo cáo đã ban hành và từng báo cáo bổ sung/đính chính của nó từ commit và phiên bản "
            "ghi chú ghi trong issued.yaml, so từng byte với tệp đã ban hành (khôi phục tệp bị mất).",
        ),
    ] = False,
    amend: Annotated[
        bool,
        typer.Option(
            "--amend",
            help="Lập báo cáo bổ sung/đính chính cho phần thay đổi sau khi ban hành (dự thảo; với --number, "
            "--date và --issue thì ban hành và ghi vào issued.yaml).",
        ),
    ] = False,
    template_dir: Annotated[
        Path | None, typer.Option("--template-dir", help="Thư mục mẫu báo cáo đã tuỳ chỉnh.", show_default=False)
    ] = None,
    allow_invalid: Annotated[
        bool, typer.Option("--allow-invalid", help="Bỏ qua ghi chú không hợp lệ (báo cáo ghi rõ) thay vì dừng.")
    ] = False,
    pdf: PdfOpt = False,
    pdf_timeout: PdfTimeoutOpt = TIMEOUT_SECONDS,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Lập báo cáo tổng hợp quý, 6 tháng hoặc năm: tệp .docx đúng thể thức Nghị định 30 và bản Markdown giống hệt
    nội dung.

    Ghi reports/<kỳ>/bao-cao-<kỳ>.docx và .md (ghi nguyên tử: lỗi giữa chừng không làm hỏng bản cũ).
    Với --pdf ghi thêm bao-cao-<kỳ>.pdf (PDF/A, LibreOffice chuyển từ tệp .docx); không tạo được PDF thì
    .docx và .md vẫn được ghi, lệnh báo lý do và trả mã 1.
    Ghi chú không hợp lệ làm dừng lệnh (mã 1) kèm danh sách lỗi, trừ khi có --allow-invalid.

    Báo cáo đã ban hành (có reports/<kỳ>/issued.yaml) không bị ghi đè: dùng --as-issued để dựng lại và so,
    --amend để lập báo cáo bổ sung/đính chính, hoặc --out để lập bản làm việc ở thư mục khác.

    Ví dụ: `nq43 report --quarter 2025Q1 --draft`,
    `nq43 report --quarter 2025Q1 --number 5 --date 2025-03-12 --issue`,
    `nq43 report --quarter 2025Q1 --as-issued`,
    `nq43 report --quarter 2025Q1 --amend --number 7 --date 2025-03-25 --issue`,
    `nq43 report --period 2025H1 --draft` (6 tháng đầu năm), `nq43 report --period 2025` (cả năm).
    """
    from nq43.check import reporters
    from nq43.cli.reportissued import run_amend, run_as_issued
    from nq43.load.layout import NOTE_SUFFIXES, UNITS_DIR, find_root
    from nq43.report.issuing import refuse_if_issued
    from nq43.report.publishing import ReportRequest, build, report_name

    said = lang_code(lang)
    with speaking(lang):
        base = find_root(root)
        parsed = _period(quarter, period)
        if out is not None and out.suffix.lower() == ".docx" and not out.is_dir():
            name = report_name(parsed)
            raise UsageError(
                messages.OUT_IS_A_FOLDER, out=out, option=parsed.option(), folder=out.parent / out.stem, name=name
            )
        request = ReportRequest(
            root=base,
            period=parsed,
            today=today(when),
            date=day_option(day, "--date"),
            number=number,
            signer=signer,
            draft=draft,
            allow_invalid=allow_invalid,
            issue=issue,
            template_dir=template_dir,
            out=out,
            pdf=pdf,
            pdf_timeout=pdf_timeout,
        )
        if as_issued and amend:
            raise UsageError(messages.AS_ISSUED_AND_AMEND)
        if as_issued:
            return run_as_issued(request, base, said)
        if amend:
            return run_amend(request, base, said)
        refuse_if_issued(request)
        outcome = build(request)
    if outcome.not_ready:
        if outcome.errors:
            echo_err(reporters.text(outcome.errors, said).rstrip("\n"))
        for reason in outcome.not_ready:
            echo_err(reason.get(said))
        echo_err(messages.NOT_ISSUED.get(said, period=parsed, count=len(outcome.not_ready)))
        return 1
    if outcome.errors:
        echo_err(reporters.text(outcome.errors, said))
        # --allow-invalid leaves invalid notes out: it cannot help with anything else (a template, the directive)
        notes_at_fault = any(
            f.path.startswith(f"{UNITS_DIR}/") and f.path.endswith(NOTE_SUFFIXES) for f in outcome.errors
        )
        advice = messages.ALLOW_INVALID if notes_at_fault and not allow_invalid else "."
        echo_err(messages.NOT_BUILT.get(said, period=parsed, errors=len(outcome.errors), advice=advice))
        return 1
    if outcome.warnings:
        kept, held = reporters.condensed(outcome.warnings)
        echo_err((reporters.text(kept, said) + reporters.held_back(held, said)).rstrip("\n"))
    said_written(outcome.written, outcome.removed, base, said)
    context = outcome.context
    if context is not None:
        echo_err(
            messages.BUILT.get(
                said,
                period=parsed,
                state=messages.DRAFT if context.draft else "",
                units=f"{len(context.reported_units)}/{len(context.units)}",
                tasks=context.tally.total,
            )
        )
    record = outcome.issued
    if record is not None and context is not None and context.missing_units:
        echo_err(messages.NOT_REPORTED.get(said, units="; ".join(u.name for u in context.missing_units)))
    if record is not None:
        echo_err(messages.ISSUED.get(said, number=record.number, notes=len(record.notes)))
    if outcome.pdf_problem is not None:
        echo_err(outcome.pdf_problem.message(said))
        echo_err(messages.PDF_NOT_MADE.get(said))
        return 1
    return 0


def _period(quarter: str | None, period: str | None) -> Period:
    """The period asked for: --quarter Q is --period Q; one of the two, not both."""
    if (quarter is None) == (period is None):
        raise UsageError(messages.QUARTER_OR_PERIOD)
    if quarter is not None:
        return Period.of(quarter_option(quarter))
    assert period is not None
    return period_option(period)
