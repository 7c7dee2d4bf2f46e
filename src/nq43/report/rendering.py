"""Render the report template (Jinja2, sandboxed, strict) into Markdown, and its parts into the document model.

The template `report.md.j2` gives the whole Markdown report (what a pull request shows); its blocks
`summary`, `body`, `appendix_label`, `appendix_title`, `appendix_note` and `appendix`, rendered on their own,
give the parts of the .docx that the template words. Every value a template prints is escaped as Markdown
text, except values that already are Markdown (a note's normalised content): a note can never become
template code or Markdown syntax.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment

from nq43.domain.periods import PeriodKind
from nq43.domain.records import EMPTY_MAP
from nq43.report.context import Letterhead, ReminderContext, ReportContext
from nq43.report.document import Block, Heading, ListBlock, Markdown, Paragraph, plain_text
from nq43.report.markdownread import parse
from nq43.report.markdownwrite import blocks_markdown, escape
from nq43.support.vietnamese import date_long, date_short, number, percent

TEMPLATE_NAME = PeriodKind.QUARTER.row.template
TEMPLATES_DIR = "templates"
PACKAGED_TEMPLATES = Path(__file__).parent / "templates"
INLINE_BLOCKS = ("summary", "appendix_label", "appendix_title", "appendix_note")
BLOCK_BLOCKS = ("body", "appendix")
REQUIRED_BLOCKS = (*INLINE_BLOCKS, *BLOCK_BLOCKS)

# Points of a Vietnamese document: the alphabet without the letters that carry a mark, except đ.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


class TemplateProblem(Exception):
    """A report template that cannot be used: the file, the line and what is wrong."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class Rendered(NamedTuple):
    markdown: str  # the whole report, as the template lays it out
    parts: dict[str, str]  # each required block on its own
    # the block-level parts with each Markdown value replaced by a mark, and those values in order
    marked: Mapping[str, str] = EMPTY_MAP
    chunks: tuple[Markdown, ...] = ()


def template_dirs(root: Path | None, explicit: Path | None = None, template_name: str = TEMPLATE_NAME) -> list[Path]:
    """Where templates are looked up, first match wins: --template-dir, else the repository's templates/,
    then the packaged copy (so a customised folder may hold only the files it changes)."""
    dirs: list[Path] = []
    if explicit is not None:
        dirs.append(explicit)
    elif root is not None and (root / TEMPLATES_DIR / template_name).is_file():
        dirs.append(root / TEMPLATES_DIR)
    for folder in dirs:
        refuse_links_outside(folder, root, chosen=folder == explicit)
    dirs.append(PACKAGED_TEMPLATES)
    return dirs


def refuse_links_outside(folder: Path, root: Path | None, chosen: bool = False) -> None:
    """Raise TemplateProblem for a link in a template folder that leads outside the repository: Jinja would follow
    it and put that file's content into the report. A folder chosen with --template-dir may lie anywhere, and its
    links may lead inside it; the repository's templates/ must itself lie inside the repository."""
    allowed = [*([root.resolve()] if root is not None else []), *([folder.resolve()] if chosen else [])]
    candidates = [] if chosen else [folder]
    for top, folders, files in os.walk(folder):  # links to folders are listed, not entered
        candidates += sorted(Path(top) / name for name in (*folders, *files))
    for path in candidates:
        target = path.resolve()
        if path.is_symlink() and not any(target.is_relative_to(place) for place in allowed):
            raise TemplateProblem(_shown_path(path, root), 1, f"tệp mẫu là liên kết dẫn ra ngoài kho ({target})")


def _shown_path(path: Path, root: Path | None) -> str:
    if root is not None and path.absolute().is_relative_to(root.absolute()):
        return path.absolute().relative_to(root.absolute()).as_posix()
    return path.as_posix()


def roman(value: int) -> str:
    """1 -> "I", 4 -> "IV", 9 -> "IX" (section numbers of a Vietnamese report)."""
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    rest = int(value)
    for amount, text in numerals:
        while rest >= amount:
            out.append(text)
            rest -= amount
    return "".join(out)


def letter(value: int) -> str:
    """1 -> "a", 5 -> "đ", 6 -> "e", 7 -> "g": the Vietnamese sequence of points; after "y" it starts again
    doubled ("aa", "bb" ...)."""
    index = int(value) - 1
    if index < 0:
        return ""
    return POINT_LETTERS[index % len(POINT_LETTERS)] * (index // len(POINT_LETTERS) + 1)


LEAD_ITEMS = 3  # the items of a list a lead keeps: the first ones, each with its first paragraph only


def lead(value: Any) -> Markdown:
    """A note's Markdown condensed to its lead: the first paragraph, with the list or table it introduces when it
    ends with a colon ("Trong quý, Phòng đã:" and its list); a text that starts with a list or table keeps that
    block; a title line before it (a heading, a line all in bold) is skipped. A list keeps its first LEAD_ITEMS
    items, each its first paragraph. What follows is left out (it is in the quarter's report). The six-month and
    annual templates condense each quarter's "Kết quả" so."""
    if not isinstance(value, Markdown):
        value = Markdown(escape(str(value)))
    blocks = list(value.blocks if value.blocks is not None else parse(value))
    while blocks and _title(blocks[0]):
        blocks.pop(0)
    kept = blocks[:1]
    if kept and isinstance(kept[0], Paragraph) and _ends_with_colon(kept[0]) and len(blocks) > 1:
        kept.append(blocks[1])
    kept = [_first_items(block) for block in kept]
    result = Markdown(blocks_markdown(kept))
    result.blocks = tuple(kept)
    return result


def _first_items(block: Block) -> Block:
    """A list cut to its first LEAD_ITEMS items, each to its first block; any other block as it is."""
    if not isinstance(block, ListBlock):
        return block
    return block._replace(items=tuple(item[:1] for item in block.items[:LEAD_ITEMS]))


def _title(block: Block) -> bool:
    """A heading, or a line all in bold (a note's heading, demoted): it names what follows, it does not say it."""
    return isinstance(block, Heading) or (
        isinstance(block, Paragraph) and bool(block.runs) and all(r.bold or not r.text.strip() for r in block.runs)
    )


def _ends_with_colon(paragraph: Paragraph) -> bool:
    return plain_text(paragraph.runs).rstrip().endswith(":")


def _finalize(value: Any) -> str:
    if isinstance(value, _Captured):
        return value
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, date):
        return escape(date_short(value))
    return _escape_value(str(value))


def _marking(marks: list[Markdown]) -> Any:
    def finalize(value: Any) -> str:
        if isinstance(value, Markdown):
            marks.append(value)
            return f"{_MARK_OPEN}{len(marks) - 1}{_MARK_CLOSE}"
        return _finalize(value)

    return finalize


def _escape_value(text: str) -> str:
    """Escape a value as Markdown text; a leading space becomes an entity so that it never starts a code block."""
    escaped = escape(text) if text.strip() == text else escape(text.strip())
    if text.strip() != text:
        lead = len(text) - len(text.lstrip(" "))
        trail = len(text) - len(text.rstrip(" "))
        escaped = ("&#32;" + " " * (lead - 1) if lead else "") + escaped + " " * trail
    return escaped


def _environment(dirs: Sequence[Path], marks: list[Markdown] | None = None) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize if marks is None else _marking(marks),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        number=number,
        percent=percent,
        date_long=date_long,
        date_short=date_short,
        roman=roman,
        letter=letter,
        lead=lead,
    )
    return env


def _position(error: BaseException, dirs: Sequence[Path], template_name: str) -> tuple[str, int]:
    """The template file and line an error was raised from (Jinja puts template lines in the traceback)."""
    filename = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if filename and line:
        return _shown(str(filename), dirs), int(line)
    tb: TracebackType | None = error.__traceback__
    found: tuple[str, int] | None = None
    while tb is not None:
        code = tb.tb_frame.f_code.co_filename
        if code == _ALONE:  # a block rendered on its own keeps the template's line numbers
            found = (_shown(template_name, dirs), tb.tb_lineno)
        elif code.endswith(".j2") or any(code.startswith(str(d)) for d in dirs):
            found = (_shown(code, dirs), tb.tb_lineno)
        tb = tb.tb_next
    return found or (template_name, 1)


_UNDEFINED = re.compile(r"'(?P<name>[^']+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"'(?P<owner>[^']+)' has no attribute '(?P<name>[^']+)'")


def _said(error: TemplateError) -> str:
    """Jinja's error in Vietnamese: the variable a template names that the report's data does not have, or the
    kind of syntax error, with Jinja's own words kept for the rest."""
    text = error.message or str(error)
    if isinstance(error, UndefinedError):
        if (match := _UNDEFINED.search(text)) is not None:
            return f'biến "{match["name"]}" không có trong dữ liệu báo cáo (xem các biến trong docs/mau-bao-cao.md)'
        if (match := _NO_ATTRIBUTE.search(text)) is not None:
            return f'"{match["owner"]}" không có trường "{match["name"]}" (xem các biến trong docs/mau-bao-cao.md)'
        return f"dùng một biến không có trong dữ liệu báo cáo ({text})"
    if isinstance(error, TemplateSyntaxError):
        return f"lỗi cú pháp Jinja ({text})"
    return f"lỗi khi dựng mẫu ({type(error).__name__}: {text})"


def _shown(filename: str, dirs: Sequence[Path]) -> str:
    for d in dirs:
        candidate = d / filename
        if candidate.is_file():
            return candidate.as_posix()
    return filename


# While rendering, each Markdown value (a note's normalised text) is written as a mark that names it. The
# .md and the template's parts are the marked text with the values put back; for the .docx, a mark that stands
# alone as a paragraph is replaced by the blocks the value was made from, so a note is not parsed a second time
# inside the whole report. Control characters never come from data (every value is cleaned), so no note can
# forge a mark.
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"
_MARK = re.compile("\x02([0-9]+)\x03")


def render(
    context: ReportContext | ReminderContext,
    dirs: Sequence[Path],
    template_name: str = TEMPLATE_NAME,
    required: Sequence[str] = REQUIRED_BLOCKS,
    extra: Mapping[str, Any] = EMPTY_MAP,
) -> Rendered:
    """The whole Markdown report and each of its blocks, from the first template `template_name` in `dirs`;
    the blocks in `required` must be there (a letter has no appendix: its appendix blocks come back empty);
    `extra` adds variables of a document built on the report's context (an amendment's, see amendment.py).

    The template is rendered once, through a small layout that extends it and keeps what each required block
    gives where it stands (a block that the layout leaves out is rendered on its own).
    """
    variables = {**template_variables(context), **extra}
    chunks: list[Markdown] = []
    captured: dict[str, str] = {}
    env = _environment(dirs, marks=chunks)
    try:
        blocks = _blocks(env, template_name)
        missing = [name for name in required if name not in blocks]
        if missing:
            raise TemplateProblem(_shown(template_name, dirs), 1, "thiếu khối (block) " + ", ".join(missing))
        layout = env.from_string(_capturing_layout(template_name), globals={_CAPTURE: _capture(captured)})
        marked_markdown = layout.render(variables)
        for name in REQUIRED_BLOCKS:
            if name not in captured:
                captured[name] = _render_alone(env, blocks[name], variables) if name in blocks else ""
    except TemplateProblem:
        raise
    except TemplateNotFound as error:
        raise TemplateProblem(_shown(template_name, dirs), 1, f'không tìm thấy mẫu "{error.name}"') from None
    except TemplateError as error:
        path, line = _position(error, dirs, template_name)
        raise TemplateProblem(path, line, _said(error)) from None
    except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError, RecursionError) as error:
        path, line = _position(error, dirs, template_name)
        raise TemplateProblem(path, line, f"{type(error).__name__}: {error}") from None

    def unmark(text: str) -> str:
        return _MARK.sub(lambda m: chunks[int(m[1])] if int(m[1]) < len(chunks) else "", text)

    return Rendered(
        unmark(marked_markdown),
        {name: unmark(text) for name, text in captured.items()},
        {name: captured[name] for name in BLOCK_BLOCKS},
        tuple(chunks),
    )


# The layout that captures the required blocks: it extends the report template, and each of its blocks prints
# the template's own block (`super()`) through a function that keeps the text. What it prints is the block's
# output already finalised, so it passes through `_finalize` unchanged. (A template could call the function
# itself; templates are the Office's own, and a note's text still never reaches it except through a block.)
_CAPTURE = "_nq43_capture"
_ALONE = "<template>"  # the file name Jinja gives a template made from a string or a syntax tree


class _Captured(str):
    """A required block's output, already escaped where it had to be."""


def _capturing_layout(template_name: str) -> str:
    overrides = "".join(
        f'{{% block {name} %}}{{{{ {_CAPTURE}("{name}", super()) }}}}{{% endblock %}}' for name in REQUIRED_BLOCKS
    )
    return f'{{% extends "{template_name}" %}}{overrides}'


def _capture(captured: dict[str, str]) -> Callable[[str, str], _Captured]:
    def keep(name: str, text: str) -> _Captured:
        captured[name] = text
        return _Captured(text)

    return keep


def _blocks(env: SandboxedEnvironment, template_name: str, seen: tuple[str, ...] = ()) -> dict[str, nodes.Block]:
    """The blocks of the template, by name, from its syntax tree (a syntax error is raised with its line); a
    template that extends another (`{% extends "report.md.j2" %}`) has its parent's blocks, its own replacing them."""
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, template_name)
    tree = env.parse(source, template_name, filename)
    blocks: dict[str, nodes.Block] = {}
    for extends in tree.find_all(nodes.Extends):
        parent = extends.template
        if isinstance(parent, nodes.Const) and isinstance(parent.value, str) and parent.value not in seen:
            blocks.update(_blocks(env, parent.value, (*seen, template_name)))
    blocks.update({block.name: block for block in tree.find_all(nodes.Block)})
    return blocks


def _render_alone(env: SandboxedEnvironment, block: nodes.Block, variables: Mapping[str, Any]) -> str:
    """A block that the layout leaves out (say, under an `if` that is false), rendered as a template of its own."""
    return str(env.from_string(nodes.Template([block], lineno=block.lineno)).render(variables))


def parse_part(rendered: Rendered, name: str) -> tuple[Block, ...]:
    """The blocks of a rendered block-level part. Where each Markdown value stood alone as a paragraph, its
    own blocks are put in its place; otherwise (a custom template that puts a note's text inside a sentence)
    the part is parsed in full, which gives the same blocks, only slower."""
    text = rendered.marked.get(name, "")
    marks = sum(1 for _ in _MARK.finditer(text))
    if not marks:
        return parse(rendered.parts[name])
    chunks = rendered.chunks
    out: list[Block] = []
    used = 0
    for block in parse(text, keep_controls=True):
        runs = block.runs if isinstance(block, Paragraph) else ()
        match = _MARK.fullmatch(runs[0].text) if len(runs) == 1 else None
        if match is not None and int(match[1]) < len(chunks):
            chunk = chunks[int(match[1])]
            out.extend(chunk.blocks if chunk.blocks is not None else parse(chunk))
            used += 1
        else:
            out.append(block)
    if used != marks:
        return parse(rendered.parts[name])
    return tuple(out)


def template_variables(context: ReportContext | ReminderContext) -> dict[str, Any]:
    """The variables a template sees: the letterhead's fields and the document's own, side by side."""
    own = context._asdict()
    head: Letterhead = own.pop("letterhead")
    return {**head._asdict(), **own}
