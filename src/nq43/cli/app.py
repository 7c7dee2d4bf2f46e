"""The typer app: every command is a thin adapter over the core (one module per group of commands), and `main`
is the one place that turns every outcome into a message and an exit code."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer

from nq43 import __version__
from nq43.cli import messages, notes, report, status, submission
from nq43.cli.options import Told
from nq43.cli.terminal import echo_err
from nq43.support.errors import Nq43Error, OutputError
from nq43.support.text import Lang

# Exit codes: what a script or CI may rely on.
EXIT_PROBLEM = 1  # problems found in the data (the command's own verdict), or an output that could not be written
EXIT_USAGE = 2  # the call itself cannot be carried out: a wrong option, no repository, no git history
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

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
app.command("validate")(notes.validate)
app.command("new")(notes.new)
app.command("status")(status.status)
app.command("report")(report.report)
app.command("check")(submission.check)
app.command("codeowners")(submission.codeowners)


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


def exit_code(error: Nq43Error) -> int:
    """The exit code of an error the core (or a command) raised."""
    return EXIT_PROBLEM if isinstance(error, OutputError) else EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run one nq43 command; map every outcome to an exit code (usage 2, bug 3, Ctrl-C 130). Never shows a
    traceback for a user's mistake."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except Told as told:
        return _refuse(told.error, told.lang)
    except Nq43Error as error:  # raised outside a command's body, where no --lang was read
        return _refuse(error, "vi")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: say so plainly; the traceback only on request
        if os.environ.get("NQ43_DEBUG"):
            raise
        echo_err(messages.BUG.get("vi", kind=type(error).__name__, error=error))
        return EXIT_BUG


def _refuse(error: Nq43Error, lang: Lang) -> int:
    echo_err(error.message(lang))
    return exit_code(error)


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
        return int(getattr(error, "exit_code", EXIT_USAGE))
    except aborts:
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else 0
