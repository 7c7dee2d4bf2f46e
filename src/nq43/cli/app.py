"""The typer app: every command is a thin adapter over the core (one module per group of commands), and `main`
is the one place that turns every outcome into a message and an exit code."""

from __future__ import annotations

import os
import re
import sys
from enum import Enum
from typing import Annotated, Any

import typer

from nq43 import __version__
from nq43.cli import messages, notes, remind, report, status, submission
from nq43.cli.options import Told
from nq43.cli.terminal import echo_err
from nq43.support.errors import IssuedReportKept, Nq43Error, OutputError
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
    # Plain help: typer's rich help would import rich's Markdown and Syntax renderers (and pygments) for every
    # `--help`, to draw boxes the plain help does not need.
    rich_markup_mode=None,
    # Wide enough for each command's whole first line in `nq43 --help` (click cuts it to fit 80 columns).
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120, "terminal_width": 120},
)
app.command("validate")(notes.validate)
app.command("new")(notes.new)
app.command("import")(notes.import_form)
app.command("status")(status.status)
app.command("report")(report.report)
app.command("remind")(remind.remind)
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
    return EXIT_PROBLEM if isinstance(error, OutputError | IssuedReportKept) else EXIT_USAGE


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
        said = _usage_vi(error) if _usage_lang(args) == "vi" else None
        if said is not None:
            echo_err(said)
        elif callable(show):
            show()
        else:
            echo_err(str(error))
        return int(getattr(error, "exit_code", EXIT_USAGE))
    except aborts:
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else 0


def _usage_lang(args: list[str]) -> Lang:
    """The language of a usage error: click refuses the call before any option is read, so --lang (or NQ43_LANG)
    is looked up in the arguments as given."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.removeprefix("--lang=") == "en" else "vi"
    return "en" if os.environ.get("NQ43_LANG") == "en" else "vi"


def _param_name(param: Any) -> str:
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and opts:
        return "/".join(opts)
    return str(getattr(param, "name", None) or "?")


_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*)'\.")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)")


def _usage_vi(error: BaseException) -> str | None:
    """A usage error of typer (click) in Vietnamese, from the error's fields (its parameter, option name and
    choices); None for what is not a usage error with a context (shown as the library shows it)."""
    ctx = getattr(error, "ctx", None)
    kinds = {kind.__name__ for kind in type(error).__mro__}
    if "UsageError" not in kinds or "NoArgsIsHelpError" in kinds:
        return None
    param = getattr(error, "param", None)
    message = str(getattr(error, "message", "") or "")
    if "MissingParameter" in kinds and param is not None:
        missing = messages.MISSING_OPTION if param.param_type_name == "option" else messages.MISSING_ARGUMENT
        said = missing.get("vi", name=_param_name(param))
    elif isinstance(error, typer.BadParameter) and param is not None:
        choices = getattr(param.type, "choices", None)
        if choices:
            listed = ", ".join(str(getattr(choice, "value", choice)) for choice in choices)
            said = messages.NOT_A_CHOICE.get("vi", name=_param_name(param), choices=listed)
        else:
            said = messages.BAD_VALUE.get("vi", name=_param_name(param), detail=message)
    elif "NoSuchOption" in kinds:
        possibilities = sorted(getattr(error, "possibilities", None) or [])
        close = messages.CLOSE_OPTIONS.get("vi", names=", ".join(possibilities)) if possibilities else ""
        said = messages.NO_SUCH_OPTION.get("vi", name=getattr(error, "option_name", "?"), close=close)
    elif "BadOptionUsage" in kinds and "requires an argument" in message:
        said = messages.NEEDS_VALUE.get("vi", name=getattr(error, "option_name", "?"))
    elif (match := _NO_SUCH_COMMAND.fullmatch(message)) is not None:
        commands = ", ".join(sorted(getattr(getattr(ctx, "command", None), "commands", {})))
        said = messages.NO_SUCH_COMMAND.get("vi", name=match["name"], commands=commands)
    elif (match := _EXTRA.fullmatch(message)) is not None:
        said = messages.EXTRA_ARGUMENTS.get("vi", args=match["args"])
    else:
        said = messages.BAD_USAGE.get("vi", detail=message)
    lines = [messages.USAGE_ERROR.get("vi", message=said)]
    if ctx is not None:
        usage = ctx.get_usage().removeprefix("Usage:").strip()
        lines[:0] = [
            messages.USAGE_LINE.get("vi", usage=usage),
            messages.USAGE_HELP.get("vi", command=ctx.command_path),
            "",
        ]
    return "\n".join(lines)
