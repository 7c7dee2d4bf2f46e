"""Start nq43: answer `nq43 --help` and everyday `nq43 status` calls without loading typer, hand every other
call to the typer CLI (cli.py), and turn every outcome into an exit code.

typer's import alone costs more than the `import yaml, rich` that issue 6 measures start-up against, so the
two calls people type most are parsed here. The fast path understands only what it is sure of: any other
option, `--help` after a command, a value it cannot read, goes to typer, which gives the usual help and error
messages. Tests hold the status options below to the typer command's, and both paths to the same output.
"""

from __future__ import annotations

import os
import sys

from nq43.errors import Nq43Error
from nq43.terminal import echo_err

TYPE_CHECKING = False  # not typing's: importing typing would cost `nq43 --help` a third of its time
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

# The overview of `nq43 --help`: the commands grouped by who uses them, each with one line.
COMMANDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Đơn vị soạn và nộp ghi chú quý", (
        ("new", "Tạo khung ghi chú quý của một đơn vị: đủ nhiệm vụ, sẵn để điền."),
        ("validate", "Kiểm tra công văn, đơn vị và ghi chú quý: chỉ rõ tệp, dòng và cách sửa."),
    )),
    ("Văn phòng tổng hợp", (
        ("status", "Xem đơn vị nào đã nộp, nộp muộn, quá hạn; nhiệm vụ nào đến đâu."),
        ("report", "Lập báo cáo tổng hợp quý: .docx theo Nghị định 30 và bản Markdown."),
    )),
    ("CI kiểm tra pull request", (
        ("check", "Kiểm tra một pull request như bài nộp của đơn vị."),
        ("codeowners", "Sinh tệp CODEOWNERS (ai duyệt tệp nào) từ unit.yaml."),
    )),
    ("Khác", (
        ("schema", "In JSON Schema để trình soạn thảo kiểm tra ghi chú khi gõ."),
        ("version", "In phiên bản nq43."),
    )),
)
SUMMARIES: dict[str, str] = {name: line for _, group in COMMANDS for name, line in group}
HELP_OPTIONS = ("-h", "--help")


def overview() -> str:
    width = max(len(name) for name in SUMMARIES) + 2
    lines = [
        "Cách dùng: nq43 LỆNH [TUỲ CHỌN]...",
        "",
        "  nq43: theo dõi nhiệm vụ thực hiện Nghị quyết 43/NQ-HĐND, kiểm tra ghi chú",
        "  quý của các đơn vị và lập báo cáo tổng hợp theo Nghị định 30/2020/NĐ-CP.",
    ]
    for title, group in COMMANDS:
        lines += ["", f"{title}:"]
        lines += [f"  {name:<{width}}{line}" for name, line in group]
    lines += ["", "Tuỳ chọn:", f"  {'-h, --help':<{width}}In hướng dẫn này.", "",
              "Hướng dẫn từng lệnh: nq43 LỆNH --help, ví dụ nq43 status --help."]
    return "\n".join(lines) + "\n"


# `nq43 status`'s options: flag -> parameter of status_command.run. tests/test_launcher.py checks them against
# the typer command, so an option added there and not here still works (through typer), only slower.
STATUS_VALUES = {"--quarter": "quarter", "--unit": "unit", "--year": "year", "--format": "fmt", "--root": "root",
                 "--lang": "lang", "--today": "day"}
STATUS_FLAGS = {"--tasks": "tasks", "--check": "check"}
STATUS_ENV = {"root": "NQ43_ROOT", "lang": "NQ43_LANG", "day": "NQ43_TODAY"}
STATUS_CHOICES = {"fmt": ("table", "json", "csv"), "lang": ("vi", "en")}


def status_call(args: Sequence[str], environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The keyword arguments of status_command.run for `nq43 status ARGS`, or None to let typer parse them."""
    given: dict[str, Any] = {}
    rest = iter(args)
    for arg in rest:
        name, equals, inline = arg.partition("=")
        if name in STATUS_FLAGS and not equals:
            given[STATUS_FLAGS[name]] = True
        elif name in STATUS_VALUES:
            value = inline if equals else next(rest, None)
            if value is None or value.startswith("-"):
                return None
            given[STATUS_VALUES[name]] = value
        else:
            return None
    for key, variable in STATUS_ENV.items():
        if key not in given and environ.get(variable):
            given[key] = environ[variable]
    if any(key in given and given[key] not in choices for key, choices in STATUS_CHOICES.items()):
        return None
    if "year" in given:
        try:
            given["year"] = int(str(given["year"]))
        except ValueError:
            return None
    if "root" in given:
        from pathlib import Path

        given["root"] = Path(str(given["root"]))
    return given


def _lang(args: Sequence[str]) -> str:
    """The language of a message about the call itself, before any parser has read --lang."""
    lang = os.environ.get("NQ43_LANG", "vi")
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


def _dispatch(args: list[str]) -> int:
    if not args or args[0] in HELP_OPTIONS:
        (sys.stdout if args else sys.stderr).write(overview())
        return 0 if args else 2
    if args[0] == "status":
        call = status_call(args[1:], os.environ)
        if call is not None:
            from nq43 import status_command

            return status_command.run(**call)
    from nq43.cli import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    """Run one nq43 command; map every outcome to an exit code (usage 2, bug 3, Ctrl-C 130). Never shows a
    traceback for a user's mistake."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args)
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
        echo_err(f"Lỗi nội bộ của nq43 ({type(error).__name__}: {error}). Đặt NQ43_DEBUG=1 để xem chi tiết và "
                 "báo cho người bảo trì.")
        return 3
