"""The command line: the only module that talks to typer and the terminal; every command is a thin adapter."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from nq43 import __version__
from nq43.errors import Nq43Error

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


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"\"{value}\" không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2025-03-12).") from None


# Options shared by the commands, written once.
RootOpt = Annotated[
    Optional[Path],
    typer.Option("--root", help="Thư mục kho dữ liệu (chứa data/directive.yaml). Mặc định: tìm từ thư mục hiện tại lên.",
                 envvar="NQ43_ROOT", show_default=False),
]
LangOpt = Annotated[LangOption, typer.Option("--lang", help="Ngôn ngữ thông báo: vi hoặc en.", envvar="NQ43_LANG")]
TodayOpt = Annotated[
    Optional[str],
    typer.Option("--today", help="Coi hôm nay là ngày này (NĂM-THÁNG-NGÀY), để kết quả lặp lại được.",
                 envvar="NQ43_TODAY", show_default=False),
]


def _today(value: str | None) -> date:
    return _parse_day(value) or date.today()


def _echo_err(text: str) -> None:
    sys.stderr.write(text + ("" if text.endswith("\n") else "\n"))


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục cần kiểm tra; mặc định toàn bộ data/.",
                                                          show_default=False)] = None,
    fmt: Annotated[FindingFormatOption, typer.Option("--format", help="text, json, hoặc github (chú thích trên pull request).")] = FindingFormatOption.text,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    today: TodayOpt = None,
) -> int:
    """Kiểm tra công văn, đơn vị và ghi chú quý; báo mọi lỗi của mọi tệp rồi mới dừng.

    Mỗi lỗi in dạng `đường-dẫn:dòng:cột: MÃ mức: nội dung`, kèm cách sửa. Thoát với mã 0 khi không có lỗi,
    1 khi có lỗi (hoặc có cảnh báo với --strict), 2 khi gọi lệnh sai.

    Ví dụ: `nq43 validate`, `nq43 validate data/units/qldt/2025Q1.md --format github`.
    """
    from nq43 import reporters
    from nq43.findings import has_errors
    from nq43.repository import find_root, load_repository

    base = find_root(root)
    repo = load_repository(base, _today(today), paths)
    findings = repo.findings
    sys.stdout.write(reporters.render(findings, fmt.value, lang.value))
    files = len(repo.notes) + 1 + (len(repo.directive.units) if repo.directive else 0)
    _echo_err(reporters.summary(findings, files, lang.value))
    return 1 if has_errors(findings, strict=strict) else 0


@app.command()
def new(
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị, ví dụ qldt.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, ví dụ 2025Q1.")],
    prepared_by: Annotated[str, typer.Option("--prepared-by", help="Họ tên người soạn.")] = "",
    stdout: Annotated[bool, typer.Option("--stdout", help="In khung ra màn hình thay vì ghi tệp.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    today: TodayOpt = None,
) -> int:
    """Tạo khung ghi chú quý của một đơn vị: đủ nhiệm vụ, đúng tiêu đề, sẵn để điền.

    Không bao giờ ghi đè ghi chú đã có. Ví dụ: `nq43 new --unit qldt --quarter 2025Q1`.
    """
    from nq43.directive import load_directive
    from nq43.models import Quarter
    from nq43.output import create_new
    from nq43.repository import find_root
    from nq43.skeleton import skeleton

    base = find_root(root)
    try:
        parsed = Quarter.parse(quarter)
    except ValueError:
        raise Nq43Error(f"Quý \"{quarter}\" không hợp lệ: ghi dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.",
                        f"Quarter \"{quarter}\" is not valid: write YYYYQn with n from 1 to 4, e.g. 2025Q1.") from None
    directive, findings = load_directive(base)
    if directive is None:
        from nq43 import reporters

        _echo_err(reporters.text(findings, lang.value))
        return 1
    found = directive.unit(unit)
    if found is None:
        known = ", ".join(u.id for u in directive.units)
        raise Nq43Error(f"Không có đơn vị \"{unit}\". Các mã đơn vị: {known}.", f"No unit \"{unit}\". Unit ids: {known}.")
    text = skeleton(directive, found, parsed, _today(today), prepared_by)
    if stdout:
        sys.stdout.write(text)
        return 0
    target = base / "data" / "units" / found.id / f"{parsed}.md"
    shown = target.relative_to(base).as_posix()
    if not create_new(target, text):
        raise Nq43Error(f"{shown} đã có; nq43 không ghi đè ghi chú. Sửa trực tiếp tệp đó.",
                        f"{shown} already exists; nq43 never overwrites a note. Edit it instead.")
    _echo_err(f"Đã tạo {shown}." if lang is LangOption.vi else f"Created {shown}.")
    sys.stdout.write(shown + "\n")
    return 0


class SchemaOption(str, Enum):
    note = "note"
    directive = "directive"
    unit = "unit"


@app.command("schema")
def schema_cmd(
    kind: Annotated[SchemaOption, typer.Argument(help="note (ghi chú quý), directive, hoặc unit.")] = SchemaOption.note,
) -> int:
    """In JSON Schema của phần đầu ghi chú (hoặc của directive.yaml, unit.yaml) để trình soạn thảo kiểm tra khi gõ."""
    from nq43.schema import schema_text

    sys.stdout.write(schema_text(kind.value))
    return 0


@app.command()
def version() -> int:
    """In phiên bản nq43."""
    sys.stdout.write(f"nq43 {__version__}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every outcome to an exit code (usage 2, bug 3, Ctrl-C 130). Never shows a traceback
    for a user's mistake."""
    import click

    lang = os.environ.get("NQ43_LANG", "vi")
    args = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in args[:-1]:
        lang = args[args.index("--lang") + 1]
    try:
        result = app(args=args, prog_name="nq43", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        return 130
    except Nq43Error as error:
        _echo_err(error.text(lang))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: say so plainly; the traceback only on request
        if os.environ.get("NQ43_DEBUG"):
            raise
        _echo_err(f"Lỗi nội bộ của nq43 ({type(error).__name__}: {error}). Đặt NQ43_DEBUG=1 để xem chi tiết và "
                  "báo cho người bảo trì.")
        return 3
    return result if isinstance(result, int) else 0
