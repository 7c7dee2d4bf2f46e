"""The typer command line: every command is a thin adapter over the core, and `main` maps every outcome to an
exit code. The only module that imports typer."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from nq43 import __version__
from nq43.cli.terminal import day_option, display, echo_err, quarter_option, today
from nq43.domain.catalogue import Lang
from nq43.domain.errors import Nq43Error
from nq43.tracking.views import Format

app = typer.Typer(
    name="nq43",
    help="nq43: theo dõi nhiệm vụ thực hiện Nghị quyết 43/NQ-HĐND, kiểm tra ghi chú quý của các đơn vị "
    "và lập báo cáo tổng hợp theo Nghị định 30/2020/NĐ-CP.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help imports rich's Markdown and Syntax (markdown-it, pygments) and triples the
    # time of `nq43 --help` (0.33 s instead of 0.15 s, docs/performance.md).
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class LangOption(str, Enum):
    vi = "vi"
    en = "en"


class FindingFormatOption(str, Enum):
    text = "text"
    json = "json"
    github = "github"


# Options shared by the commands, written once.
RootOpt = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Thư mục kho dữ liệu (chứa data/directive.yaml). Mặc định: tìm từ thư mục hiện tại lên.",
        envvar="NQ43_ROOT",
        show_default=False,
    ),
]
LangOpt = Annotated[LangOption, typer.Option("--lang", help="Ngôn ngữ thông báo: vi hoặc en.", envvar="NQ43_LANG")]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        help="Coi hôm nay là ngày này (NĂM-THÁNG-NGÀY), để kết quả lặp lại được.",
        envvar="NQ43_TODAY",
        show_default=False,
    ),
]


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp hoặc thư mục cần kiểm tra; mặc định toàn bộ data/.", show_default=False),
    ] = None,
    fmt: Annotated[
        FindingFormatOption, typer.Option("--format", help="text, json, hoặc github (chú thích trên pull request).")
    ] = FindingFormatOption.text,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Kiểm tra công văn, đơn vị và ghi chú quý; báo mọi lỗi của mọi tệp rồi mới dừng.

    Mỗi lỗi in dạng `đường-dẫn:dòng:cột: MÃ mức: nội dung`, kèm cách sửa. Thoát với mã 0 khi không có lỗi,
    1 khi có lỗi (hoặc có cảnh báo với --strict), 2 khi gọi lệnh sai.

    Ví dụ: `nq43 validate`, `nq43 validate data/units/qldt/2025Q1.md --format github`.
    """
    from nq43.check import reporters
    from nq43.check.repository import load_repository
    from nq43.domain.findings import has_errors
    from nq43.load.layout import find_root

    base = find_root(root)
    repo = load_repository(base, today(when), paths)
    findings = repo.findings
    sys.stdout.write(reporters.render(findings, fmt.value, lang.value))
    files = len(repo.notes) + 1 + (len(repo.directive.units) if repo.directive else 0)
    echo_err(reporters.summary(findings, files, lang.value))
    return 1 if has_errors(findings, strict=strict) else 0


@app.command("new")
def new(
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị, ví dụ qldt.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, ví dụ 2025Q1.")],
    prepared_by: Annotated[str, typer.Option("--prepared-by", help="Họ tên người soạn.")] = "",
    stdout: Annotated[bool, typer.Option("--stdout", help="In khung ra màn hình thay vì ghi tệp.")] = False,
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="In đường link mở trình soạn thảo web của GitHub/GitLab với "
            "tên tệp và khung ghi chú điền sẵn (cho đơn vị không dùng git).",
        ),
    ] = False,
    repo_url: Annotated[
        str | None,
        typer.Option(
            "--repo-url",
            help="Địa chỉ kho trên GitHub/GitLab; mặc định: git remote get-url origin.",
            show_default=False,
        ),
    ] = None,
    branch: Annotated[str, typer.Option("--branch", help="Nhánh nhận ghi chú (với --link).")] = "main",
    forge: Annotated[
        ForgeOption | None,
        typer.Option(
            "--forge", help="github hoặc gitlab, khi không đoán được từ địa chỉ kho (với --link).", show_default=False
        ),
    ] = None,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Tạo khung ghi chú quý của một đơn vị: đủ nhiệm vụ, đúng tiêu đề, sẵn để điền.

    Không bao giờ ghi đè ghi chú đã có. Ví dụ: `nq43 new --unit qldt --quarter 2025Q1`.
    Với --link: in đường link để đơn vị mở trên trình duyệt, điền và nộp mà không cần git:
    `nq43 new --unit qldt --quarter 2025Q1 --link`.
    """
    from nq43.load.directive import load_directive
    from nq43.load.layout import find_root
    from nq43.submission.skeleton import skeleton
    from nq43.support.output import create_new

    base = find_root(root)
    parsed = quarter_option(quarter)
    directive, findings = load_directive(base)
    if directive is None:
        from nq43.check import reporters

        echo_err(reporters.text(findings, lang.value))
        return 1
    found = directive.unit(unit)
    if found is None:
        known = ", ".join(u.id for u in directive.units)
        raise Nq43Error(f'Không có đơn vị "{unit}". Các mã đơn vị: {known}.', f'No unit "{unit}". Unit ids: {known}.')
    text = skeleton(directive, found, parsed, today(when), prepared_by)
    if link:
        return _print_link(base, f"data/units/{found.id}/{parsed}.md", text, repo_url, branch, forge, lang)
    if stdout:
        sys.stdout.write(text)
        return 0
    target = base / "data" / "units" / found.id / f"{parsed}.md"
    shown = target.relative_to(base).as_posix()
    if not create_new(target, text):
        raise Nq43Error(
            f"{shown} đã có; nq43 không ghi đè ghi chú. Sửa trực tiếp tệp đó.",
            f"{shown} already exists; nq43 never overwrites a note. Edit it instead.",
        )
    echo_err(f"Đã tạo {shown}." if lang is LangOption.vi else f"Created {shown}.")
    sys.stdout.write(shown + "\n")
    return 0


class ForgeOption(str, Enum):
    github = "github"
    gitlab = "gitlab"


def _print_link(
    base: Path, path: str, text: str, repo_url: str | None, branch: str, forge: ForgeOption | None, lang: LangOption
) -> int:
    from nq43.submission.weblink import MAX_URL, link, parse_remote
    from nq43.support.git import git

    url = repo_url or (git(base, "remote", "get-url", "origin") or "").strip()
    if not url:
        raise Nq43Error(
            'Kho chưa có remote "origin": chỉ ra địa chỉ kho bằng --repo-url, ví dụ '
            "--repo-url https://github.com/bql-hp/nq43.",
            'The repository has no "origin" remote: give its address with --repo-url.',
        )
    made = link(parse_remote(url, forge.value if forge else None), branch, path, text)
    sys.stdout.write(made.url + "\n")
    vi = lang is LangOption.vi
    if not made.complete:
        echo_err(
            f"Khung ghi chú quá dài để gửi trong một đường link (giới hạn {MAX_URL} ký tự): link chỉ điền sẵn "
            "tên tệp. Dán nội dung khung (nq43 new ... --stdout) vào trình soạn thảo."
            if vi
            else f"The skeleton is too long for a link (limit {MAX_URL} characters): the link fills in the file name "
            "only. Paste the skeleton (nq43 new ... --stdout) into the editor."
        )
    elif made.compacted:
        echo_err(
            "Link đã bỏ các dòng hướng dẫn (# ...) của khung để vừa giới hạn độ dài."
            if vi
            else "The link leaves out the skeleton's help lines (# ...) to fit the length limit."
        )
    echo_err(
        f'Mở link trên trình duyệt, điền nội dung, rồi chọn "Commit changes" / "Propose changes" để tạo '
        f"pull request vào nhánh {branch}."
        if vi
        else f'Open the link in a browser, fill the note in, then "Commit changes" / "Propose changes" to open '
        f"a pull request into {branch}."
    )
    return 0


class StatusFormatOption(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("status")
def status(
    quarter: Annotated[
        str | None,
        typer.Option("--quarter", help="Quý cần xem, ví dụ 2025Q1. Mặc định: quý hiện tại.", show_default=False),
    ] = None,
    tasks: Annotated[
        bool, typer.Option("--tasks", help="Xem từng nhiệm vụ (phân loại theo mẫu báo cáo) thay cho từng đơn vị.")
    ] = False,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Một đơn vị qua các quý, ví dụ qldt.", show_default=False)
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Bảng đơn vị x quý của một năm, ví dụ 2025.", show_default=False)
    ] = None,
    fmt: Annotated[
        StatusFormatOption, typer.Option("--format", help="table (bảng), json, hoặc csv.")
    ] = StatusFormatOption.table,
    check: Annotated[
        bool, typer.Option("--check", help="Thoát với mã 1 khi có đơn vị quá hạn chưa nộp hoặc ghi chú có lỗi.")
    ] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Xem tình hình nộp ghi chú quý: đơn vị nào đã nộp, nộp muộn, quá hạn; nhiệm vụ nào đến đâu.

    Hạn nộp là hết ngày 9 của tháng cuối quý ("trước ngày 10"), dời sang ngày làm việc kế tiếp nếu trùng ngày
    nghỉ, và theo gia hạn ghi trong data/calendar.yaml. Ngày nộp là ngày ghi chú vào nhánh git hiện tại (ngoài
    git: trường submitted).

    Ví dụ: `nq43 status`, `nq43 status --quarter 2025Q1 --tasks`, `nq43 status --unit qldt`,
    `nq43 status --year 2025 --format csv`, `nq43 status --check` (cho CI chạy định kỳ).
    """
    view_format: Format = fmt.value  # the option's values are the view's formats
    return _status(quarter, tasks, unit, year, view_format, check, root, _lang_code(lang), when)


def _status(
    quarter: str | None,
    tasks: bool,
    unit: str | None,
    year: int | None,
    fmt: Format,
    check: bool,
    root: Path | None,
    lang: Lang,
    day: str | None,
) -> int:
    """Show one quarter (units or tasks), one unit's history, or a year's matrix; the exit code for --check."""
    from nq43.check import reporters
    from nq43.domain.records import Quarter
    from nq43.load.layout import find_root
    from nq43.tracking.status import gather, history_quarters, quarter_status, unit_history, year_matrix
    from nq43.tracking.views import View, check_summary, notices_text, render

    now = today(day)
    if tasks and (unit or year is not None):
        raise Nq43Error(
            "--tasks chỉ dùng khi xem một quý, không kèm --unit hay --year.",
            "--tasks shows one quarter; it does not go with --unit or --year.",
        )
    if quarter is not None and year is not None:
        raise Nq43Error("Chọn --quarter hoặc --year, không dùng cả hai.", "Give --quarter or --year, not both.")
    if year is not None and not 1900 <= year <= 9999:
        raise Nq43Error(f"Năm {year} không hợp lệ.", f"Year {year} is not valid.")
    chosen = None if quarter is None else quarter_option(quarter)
    year_quarters = None if year is None else [Quarter(year, n) for n in range(1, 5)]
    base = find_root(root)
    if unit is not None:
        inputs = gather(base, now, year_quarters, unit)
    elif year_quarters is not None:
        inputs = gather(base, now, year_quarters)
    else:
        chosen = chosen or Quarter.containing(now)
        inputs = gather(base, now, [chosen])
    directive, calendar = inputs.directive, inputs.calendar
    if directive is None or calendar is None:
        echo_err(reporters.text(inputs.findings, lang))
        return 1
    view: View
    if unit is not None:
        found = directive.unit(unit)
        if found is None:
            known = ", ".join(u.id for u in directive.units)
            raise Nq43Error(
                f'Không có đơn vị "{unit}". Các mã đơn vị: {known}.', f'No unit "{unit}". Unit ids: {known}.'
            )
        quarters = year_quarters or history_quarters(now, inputs.quarters, chosen)
        view = unit_history(directive, calendar, found, quarters, inputs.notes, inputs.submissions, now)
    elif year is not None:
        view = year_matrix(directive, calendar, year, inputs.notes, inputs.submissions, now)
    else:
        assert chosen is not None
        view = quarter_status(directive, calendar, chosen, inputs.notes, inputs.submissions, now)
    sys.stdout.write(
        render(
            view,
            fmt,
            lang,
            display(sys.stdout.isatty()),
            resolution=directive.resolution.number,
            tasks=tasks,
        )
    )
    if fmt == "csv":
        sys.stderr.write(notices_text(view, lang))
    if check and view.failing:
        sys.stderr.write(check_summary(view, lang))
        return 1
    return 0


@app.command("report")
def report(
    quarter: Annotated[str, typer.Option("--quarter", help="Quý báo cáo, ví dụ 2025Q1.", show_default=False)],
    out: Annotated[
        Path | None, typer.Option("--out", help="Thư mục ghi báo cáo. Mặc định: reports/<quý>/.", show_default=False)
    ] = None,
    draft: Annotated[bool, typer.Option("--draft", help="Đánh dấu báo cáo là DỰ THẢO.")] = False,
    day: Annotated[
        str | None,
        typer.Option("--date", show_default=False, help="Ngày ghi trên báo cáo (NĂM-THÁNG-NGÀY). Mặc định: hôm nay."),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option("--number", show_default=False, help='Số báo cáo, ví dụ 5 (in "05/BC-BQL"). Mặc định để trống.'),
    ] = None,
    signer: Annotated[
        str | None, typer.Option("--signer", help="Họ tên người ký, thay cho dữ liệu.", show_default=False)
    ] = None,
    issue: Annotated[
        bool,
        typer.Option(
            "--issue",
            help="Ghi nhận báo cáo đã ban hành (reports/<quý>/issued.yaml): "
            "số, ngày và phiên bản từng ghi chú đã dùng. Cần --number và --date.",
        ),
    ] = False,
    template_dir: Annotated[
        Path | None, typer.Option("--template-dir", help="Thư mục mẫu báo cáo đã tuỳ chỉnh.", show_default=False)
    ] = None,
    allow_invalid: Annotated[
        bool, typer.Option("--allow-invalid", help="Bỏ qua ghi chú không hợp lệ (báo cáo ghi rõ) thay vì dừng.")
    ] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Lập báo cáo tổng hợp quý: tệp .docx đúng thể thức Nghị định 30 và bản Markdown giống hệt nội dung.

    Ghi reports/<quý>/bao-cao-<quý>.docx và .md (ghi nguyên tử: lỗi giữa chừng không làm hỏng bản cũ).
    Ghi chú không hợp lệ làm dừng lệnh (mã 1) kèm danh sách lỗi, trừ khi có --allow-invalid.

    Ví dụ: `nq43 report --quarter 2025Q1 --draft`,
    `nq43 report --quarter 2025Q1 --number 5 --date 2025-03-12 --issue`.
    """
    from nq43.check import reporters
    from nq43.load.layout import find_root
    from nq43.report.publishing import ReportRequest, build

    base = find_root(root)
    parsed = quarter_option(quarter)
    request = ReportRequest(
        root=base,
        quarter=parsed,
        today=today(when),
        date=day_option(day, "--date"),
        number=number,
        signer=signer,
        draft=draft,
        allow_invalid=allow_invalid,
        issue=issue,
        template_dir=template_dir,
        out=out,
    )
    outcome = build(request)
    vi = lang is LangOption.vi
    if outcome.errors:
        echo_err(reporters.text(outcome.errors, lang.value))
        echo_err(
            f"Chưa lập báo cáo {parsed}: có {len(outcome.errors)} lỗi ở trên. Sửa lỗi (xem `nq43 validate`)"
            + (", hoặc thêm --allow-invalid để bỏ qua ghi chú không hợp lệ." if vi and not allow_invalid else ".")
            if vi
            else f"Report {parsed} not built: {len(outcome.errors)} error(s) above. Fix them (see `nq43 validate`)"
            + (", or add --allow-invalid to leave invalid notes out." if not allow_invalid else ".")
        )
        return 1
    if outcome.warnings:
        kept, held = reporters.condensed(outcome.warnings)
        echo_err((reporters.text(kept, lang.value) + reporters.held_back(held, lang.value)).rstrip("\n"))
    for path in outcome.written:
        sys.stdout.write(_shown_path(path, base) + "\n")
    context = outcome.context
    if context is not None:
        state = ("DỰ THẢO" if vi else "draft") if context.draft else ""
        units = f"{len(context.reported_units)}/{len(context.units)}"
        echo_err(
            f"Đã lập báo cáo {parsed}{' (' + state + ')' if state else ''}: {units} đơn vị đã báo cáo, "
            f"{context.tally.total} nhiệm vụ."
            if vi
            else f"Built the {parsed} report{' (' + state + ')' if state else ''}: {units} units reported, "
            f"{context.tally.total} tasks."
        )
    if outcome.issued is not None:
        record = outcome.issued
        if outcome.issue_unchanged:
            echo_err(
                f"Báo cáo đã được ghi nhận ban hành trước đó (số {record.number}); không có gì thay đổi."
                if vi
                else f"The report was already recorded as issued (number {record.number}); nothing changed."
            )
        else:
            echo_err(
                f"Đã ghi nhận ban hành: số {record.number}, {len(record.notes)} ghi chú."
                if vi
                else f"Recorded as issued: number {record.number}, {len(record.notes)} notes."
            )
    return 0


def _shown_path(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


class CheckFormatOption(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


@app.command("check")
def check(
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help="Nhánh nhận pull request. Mặc định: origin/ + nhánh đích "
            "mà GitHub Actions (GITHUB_BASE_REF) hay GitLab CI báo, nếu không thì "
            "origin/main.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        CheckFormatOption,
        typer.Option("--format", help="text, json, github (chú thích trên pull request) hoặc markdown (bản tóm tắt)."),
    ] = CheckFormatOption.text,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            help="Tài khoản người mở pull request. Mặc định: trên GitHub, tác giả pull request trong tệp "
            "$GITHUB_EVENT_PATH (không phải GITHUB_ACTOR); trên GitLab, GITLAB_USER_LOGIN (người khởi chạy "
            "pipeline); ngoài CI thì không kiểm tra.",
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help='Ghi thêm (nối vào cuối) bản tóm tắt Markdown vào tệp này, ví dụ "$GITHUB_STEP_SUMMARY".',
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str,
        typer.Option(
            "--head",
            help="Commit được kiểm tra (mặc định HEAD), ví dụ SHA của pull request đã tải về bằng git fetch; "
            "chỉ đọc như dữ liệu, không cần checkout.",
        ),
    ] = "HEAD",
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    no_fetch: Annotated[bool, typer.Option("--no-fetch", help="Không tải thêm lịch sử git từ máy chủ.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Kiểm tra một pull request như bài nộp của đơn vị (chạy trong CI).

    So commit HEAD với commit của nhánh gốc (không đọc thư mục làm việc): mọi ghi chú được sửa phải hợp lệ (như
    nq43 validate) theo công văn và lịch của nhánh gốc, pull request chỉ sửa ghi chú trong thư mục của một đơn vị,
    người mở pull request có tên trong unit.yaml của đơn vị trên nhánh gốc, ghi chú của quý đã phát hành báo cáo
    chỉ được sửa kèm mục amends:. Sửa tệp khác (công văn, lịch, unit.yaml, mẫu báo cáo, mã nguồn) là lỗi, trừ khi
    người mở là Văn phòng theo nhánh gốc; khi đó các tệp đó vẫn phải hợp lệ.
    Thoát với mã 0 khi đạt, 1 khi có lỗi, 2 khi gọi lệnh sai hay thiếu lịch sử git.

    Ví dụ: `nq43 check --base origin/main --format github --summary "$GITHUB_STEP_SUMMARY"`.
    """
    from nq43.check import reporters
    from nq43.load.layout import find_root
    from nq43.submission import checkreport, gate
    from nq43.submission.changes import changed_files

    found_root = find_root(root)
    changes = changed_files(found_root, base or gate.default_base(os.environ), fetch=not no_fetch, head_rev=head)
    vi = lang is LangOption.vi
    for step in changes.fetched:
        echo_err(f"Đã tải thêm lịch sử: {step}" if vi else f"Fetched history: {step}")
    submission, directive_findings = gate.check(
        found_root, changes, gate.actor_from_env(os.environ, actor), today(when)
    )
    if submission is None:
        shown = fmt.value if fmt.value != "markdown" else "text"
        sys.stdout.write(reporters.render(directive_findings, shown, lang.value))  # type: ignore[arg-type]
        echo_err(
            "Không đọc được công văn (data/directive.yaml) nên chưa kiểm tra được bài nộp."
            if vi
            else "The directive (data/directive.yaml) cannot be read, so the submission cannot be checked."
        )
        return 1
    sys.stdout.write(checkreport.render(submission, fmt.value, lang.value, strict))
    if summary is not None:
        _append(summary, checkreport.markdown(submission, lang.value, strict))
    echo_err(checkreport.result_line(submission, lang.value, strict))
    return 1 if submission.failed(strict) else 0


def _append(path: Path, text: str) -> None:
    """Append to a CI summary file; CI owns that file and collects what each step adds, so it is not replaced."""
    from nq43.domain.errors import OutputError

    try:
        with path.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(
            f'Không ghi được bản tóm tắt vào "{path}": {reason}.', f'Cannot write the summary to "{path}": {reason}.'
        ) from None


class HostOption(str, Enum):
    github = "github"
    gitlab = "gitlab"
    all = "all"


@app.command("codeowners")
def codeowners(
    host: Annotated[
        HostOption,
        typer.Option("--host", help="github (.github/CODEOWNERS), gitlab (.gitlab/CODEOWNERS) hoặc all (cả hai)."),
    ] = HostOption.all,
    check_only: Annotated[
        bool, typer.Option("--check", help="Không ghi; thoát với mã 1 khi tệp thiếu hoặc đã cũ.")
    ] = False,
    stdout: Annotated[bool, typer.Option("--stdout", help="In ra màn hình thay vì ghi tệp.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
) -> int:
    """Sinh tệp CODEOWNERS (ai phải duyệt tệp nào) từ danh sách người nộp trong unit.yaml.

    Thư mục của mỗi đơn vị cần chính đơn vị đó duyệt; công văn, unit.yaml, mẫu báo cáo và mã nguồn cần Văn phòng
    duyệt. Ví dụ: `nq43 codeowners` (ghi .github/CODEOWNERS và .gitlab/CODEOWNERS),
    `nq43 codeowners --check` (trong CI).
    """
    from nq43.check import codeowners as owners
    from nq43.check import reporters
    from nq43.load.directive import load_directive
    from nq43.load.layout import find_root
    from nq43.support.output import write_atomic

    found_root = find_root(root)
    directive, findings = load_directive(found_root)
    if directive is None:
        echo_err(reporters.text(findings, lang.value))
        return 1
    vi = lang is LangOption.vi
    hosts = owners.HOSTS if host is HostOption.all else (host.value,)
    stale = []
    for name in hosts:
        text, warnings = owners.generate(directive, name)
        target = found_root / owners.TARGETS[name]
        shown = owners.TARGETS[name]
        for warning in warnings:
            echo_err(("Cảnh báo: " if vi else "Warning: ") + warning)
        if stdout:
            sys.stdout.write(text)
            continue
        try:
            current = target.read_text(encoding="utf-8").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            echo_err(f"{shown}: đã đúng." if vi else f"{shown}: up to date.")
        elif check_only:
            stale.append(shown)
            echo_err(
                f'{shown}: {"chưa có" if current is None else "đã cũ"}; chạy "nq43 codeowners" rồi commit.'
                if vi
                else f'{shown}: {"missing" if current is None else "stale"}; run "nq43 codeowners" and commit.'
            )
        else:
            write_atomic(target, text)
            echo_err(f"Đã ghi {shown}." if vi else f"Wrote {shown}.")
    return 1 if stale else 0


class SchemaOption(str, Enum):
    note = "note"
    directive = "directive"
    unit = "unit"
    calendar = "calendar"


@app.command("schema")
def schema_cmd(
    kind: Annotated[
        SchemaOption, typer.Argument(help="note (ghi chú quý), directive, unit, hoặc calendar (lịch báo cáo).")
    ] = SchemaOption.note,
) -> int:
    """In JSON Schema của phần đầu ghi chú (hoặc của directive.yaml, unit.yaml) để trình soạn thảo kiểm tra khi gõ."""
    from nq43.load.schema import schema_text

    sys.stdout.write(schema_text(kind.value))
    return 0


@app.command("version")
def version() -> int:
    """In phiên bản nq43."""
    sys.stdout.write(f"nq43 {__version__}\n")
    return 0


def _lang_code(lang: LangOption) -> Lang:
    return "en" if lang is LangOption.en else "vi"


def main(argv: list[str] | None = None) -> int:
    """Run one nq43 command; map every outcome to an exit code (usage 2, bug 3, Ctrl-C 130). Never shows a
    traceback for a user's mistake."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except Nq43Error as error:
        echo_err(error.text(_lang(args)))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: say so plainly; the traceback only on request
        if os.environ.get("NQ43_DEBUG"):
            raise
        echo_err(
            f"Lỗi nội bộ của nq43 ({type(error).__name__}: {error}). Đặt NQ43_DEBUG=1 để xem chi tiết và "
            "báo cho người bảo trì."
        )
        return 3


def _lang(args: list[str]) -> str:
    """The language of a message about the call itself (raised before or while typer reads --lang)."""
    lang = os.environ.get("NQ43_LANG", "vi")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


def _run(args: list[str]) -> int:
    """Run the typer app on ARGS; typer's own outcomes (help, usage errors, Ctrl-C at a prompt) become exit codes.
    Everything else is main's to map."""
    # typer 0.2x raises its own copy of click's exceptions (typer.TyperException, typer.Exit, typer.Abort) and
    # does not load click itself; an older typer runs on click, which it has then already imported.
    exits: tuple[type[BaseException], ...] = (typer.Exit,)
    failures: tuple[type[BaseException], ...] = (typer.TyperException,)
    aborts: tuple[type[BaseException], ...] = (typer.Abort,)
    click = sys.modules.get("click")
    if click is not None:
        exits += (click.exceptions.Exit,)
        failures += (click.ClickException,)
        aborts += (click.exceptions.Abort,)
    try:
        result = app(args=args, prog_name="nq43", standalone_mode=False)
    except exits as done:
        return int(getattr(done, "exit_code", 0))
    except failures as error:
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            echo_err(str(error))
        return int(getattr(error, "exit_code", 2))
    except aborts:
        return 130
    return result if isinstance(result, int) else 0
