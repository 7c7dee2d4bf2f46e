"""The commands for submissions by pull request: `check` judges one in CI, `codeowners` says who reviews what."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from nq43.cli import messages
from nq43.cli.options import LangOpt, LangOption, RootOpt, TodayOpt, lang_code, speaking
from nq43.cli.terminal import echo_err, today
from nq43.support.errors import OutputError


class CheckFormatOption(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


class HostOption(str, Enum):
    github = "github"
    gitlab = "gitlab"
    all = "all"


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

    said = lang_code(lang)
    with speaking(lang):
        found_root = find_root(root)
        changes = changed_files(found_root, base or gate.default_base(os.environ), fetch=not no_fetch, head_rev=head)
        for step in changes.fetched:
            echo_err(messages.FETCHED.get(said, step=step))
        submission, directive_findings = gate.check(
            found_root, changes, gate.actor_from_env(os.environ, actor), today(when)
        )
        if submission is None:
            shown = fmt.value if fmt.value != "markdown" else "text"
            sys.stdout.write(reporters.render(directive_findings, shown, said))  # type: ignore[arg-type]
            echo_err(messages.NO_DIRECTIVE.get(said))
            return 1
        sys.stdout.write(checkreport.render(submission, fmt.value, said, strict))
        if summary is not None:
            _append(summary, checkreport.markdown(submission, said, strict))
        echo_err(checkreport.result_line(submission, said, strict))
        return 1 if submission.failed(strict) else 0


def _append(path: Path, text: str) -> None:
    """Append to a CI summary file; CI owns that file and collects what each step adds, so it is not replaced."""
    try:
        with path.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    except OSError as error:
        raise OutputError(messages.SUMMARY_NOT_WRITTEN, path=path, reason=error.strerror or str(error)) from None


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
    from nq43.domain.findings import Severity
    from nq43.load.directive import load_directive
    from nq43.load.layout import UNIT_FILE, find_root
    from nq43.support.output import write_atomic

    said = lang_code(lang)
    with speaking(lang):
        found_root = find_root(root)
        directive, findings = load_directive(found_root)
        # a malformed entry in a unit.yaml would drop that unit's owners: refuse it, write nothing
        refused = [f for f in findings if f.path.endswith(UNIT_FILE) and f.severity is Severity.ERROR]
        if directive is None or refused:
            echo_err(reporters.text(refused or findings, said))
            return 1
        hosts = owners.HOSTS if host is HostOption.all else (host.value,)
        stale = []
        for name in hosts:
            text, warnings = owners.generate(directive, name)
            target = found_root / owners.TARGETS[name]
            shown = owners.TARGETS[name]
            for warning in warnings:
                echo_err(messages.WARNING.get(said, warning=warning))
            if stdout:
                sys.stdout.write(text)
                continue
            try:
                current = target.read_text(encoding="utf-8").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                current = None
            if current == text:
                echo_err(messages.UP_TO_DATE.get(said, path=shown))
            elif check_only:
                stale.append(shown)
                state = messages.MISSING if current is None else messages.STALE
                echo_err(messages.OUT_OF_DATE.get(said, path=shown, state=state))
            else:
                write_atomic(target, text)
                echo_err(messages.WRITTEN.get(said, path=shown))
        return 1 if stale else 0
