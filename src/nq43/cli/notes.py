"""The commands about the units' notes: `validate` checks them, `new` starts one (as a file or a web link)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from nq43.cli import messages
from nq43.cli.options import LangOpt, LangOption, RootOpt, TodayOpt, lang_code, speaking
from nq43.cli.terminal import echo_err, quarter_option, today
from nq43.support.errors import UsageError
from nq43.support.text import Lang


class FindingFormatOption(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ForgeOption(str, Enum):
    github = "github"
    gitlab = "gitlab"


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
    from nq43.check.repository import check_repository
    from nq43.domain.findings import has_errors
    from nq43.load.layout import find_root

    with speaking(lang):
        base = find_root(root)
        checked = check_repository(base, today(when), paths)
        findings = checked.findings
        sys.stdout.write(reporters.render(findings, fmt.value, lang.value))
        files = checked.note_count + 1 + (len(checked.directive.units) if checked.directive else 0)
        echo_err(reporters.summary(findings, files, lang.value))
        return 1 if has_errors(findings, strict=strict) else 0


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
) -> int:
    """Tạo khung ghi chú quý của một đơn vị: đủ nhiệm vụ, đúng tiêu đề, sẵn để điền.

    Trạng thái, tiến độ và chỉ tiêu chép từ ghi chú gần nhất của đơn vị (đánh dấu để cập nhật); ngày nộp để
    đơn vị tự ghi. Quý đã phát hành báo cáo: khung nhắc thêm amends:. Không bao giờ ghi đè ghi chú đã có.
    Ví dụ: `nq43 new --unit qldt --quarter 2025Q1`.
    Với --link: in đường link để đơn vị mở trên trình duyệt, điền và nộp mà không cần git:
    `nq43 new --unit qldt --quarter 2025Q1 --link`.
    """
    from nq43.check import reporters
    from nq43.domain.periods import Period
    from nq43.load import issued as issuance
    from nq43.load.directive import load_directive
    from nq43.load.layout import find_root
    from nq43.submission.skeleton import AMENDS_EXAMPLE, previous_note, skeleton
    from nq43.support.output import create_new

    with speaking(lang):
        base = find_root(root)
        parsed = quarter_option(quarter)
        directive, findings = load_directive(base)
        if directive is None:
            echo_err(reporters.text(findings, lang.value))
            return 1
        found = directive.unit(unit)
        if found is None:
            raise UsageError(messages.NO_SUCH_UNIT, unit=unit, known=", ".join(u.id for u in directive.units))
        previous = previous_note(base, found.id, parsed)
        record = issuance.read(base, Period.of(parsed))
        text = skeleton(directive, found, parsed, prepared_by, previous=previous, issued=record)
        path = f"data/units/{found.id}/{parsed}.md"
        said = lang_code(lang)
        if link:
            code = _print_link(base, path, text, repo_url, branch, forge, said)
        elif stdout:
            sys.stdout.write(text)
            code = 0
        elif create_new(base / path, text):
            echo_err(messages.CREATED.get(said, path=path))
            sys.stdout.write(path + "\n")
            code = 0
        else:
            raise UsageError(messages.NOTE_EXISTS, path=path)
        if previous is not None:
            echo_err(messages.CARRIED.get(said, previous=previous.path))
        if record is not None:
            issued_on = record.issued_on.isoformat()
            echo_err(
                messages.NEEDS_AMENDS.get(
                    said, period=parsed, number=record.number, issued=issued_on, example=AMENDS_EXAMPLE
                )
            )
        return code


def _print_link(
    base: Path, path: str, text: str, repo_url: str | None, branch: str, forge: ForgeOption | None, lang: Lang
) -> int:
    from nq43.submission.weblink import MAX_URL, link, parse_remote
    from nq43.support.git import git

    url = repo_url or (git(base, "remote", "get-url", "origin") or "").strip()
    if not url:
        raise UsageError(messages.NO_ORIGIN)
    made = link(parse_remote(url, forge.value if forge else None), branch, path, text)
    sys.stdout.write(made.url + "\n")
    if not made.complete:
        echo_err(messages.LINK_INCOMPLETE.get(lang, limit=MAX_URL))
    elif made.compacted:
        echo_err(messages.LINK_COMPACTED.get(lang))
    echo_err(messages.LINK_NEXT.get(lang, branch=branch))
    return 0
