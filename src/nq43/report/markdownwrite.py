"""The document model to Markdown, and a note's Markdown normalised before it reaches a template.

Normalising parses a note, demotes its headings and writes it back from the model, every character of text
escaped where Markdown would read it as syntax, so no note can open a code fence, a heading or a link that
spills into the rest of the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from nq43.report.document import (
    Block,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Markdown,
    Paragraph,
    Quote,
    Run,
    Table,
    demote_headings,
)
from nq43.report.markdownread import parse
from nq43.support.vietnamese import clean

# Characters that are Markdown syntax wherever they stand, and "&" where it would start an entity.
_SYNTAX = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?[0-9A-Za-z]{1,32};)")
_LINE_START_SYNTAX = frozenset("-+=#0123456789")  # the first characters of the line starts escaped below


@lru_cache(maxsize=8192)  # names, titles and labels repeat across a report
def escape(text: str) -> str:
    """Markdown for literal text: every character Markdown could read as syntax is escaped.

    Line breaks in `text` are kept; each line is escaped as if it started a block.
    """
    return "\n".join(_escape_line(line.strip()) for line in clean(text).split("\n"))


def _escape_line(line: str) -> str:
    text = _SYNTAX.sub(r"\\\g<0>", line) if _SYNTAX.search(line) else line  # most text has nothing to escape
    return _escape_line_start(text) if text else text


def _escape_line_start(text: str) -> str:
    """Escape what would make a line start a block: "# ", "- ", "+ ", "1. ", "3) ", "===", "---"."""
    first = text[0]
    if first not in _LINE_START_SYNTAX:
        return text
    rest = text.lstrip(first)
    follows = text[1:2]
    if first in "-+=" and (follows in ("", " ", "\t") or not rest.strip(" " + first)):
        return "\\" + text
    if first == "#" and rest[:1] in ("", " ", "\t"):
        return "\\" + text
    digits = len(text) - len(text.lstrip("0123456789"))
    if 0 < digits <= 9 and text[digits : digits + 1] in (".", ")") and text[digits + 1 : digits + 2] in ("", " ", "\t"):
        return text[:digits] + "\\" + text[digits:]
    return text


def _code_span(text: str) -> str:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inline_markdown(runs: Sequence[Run]) -> str:
    """Markdown of runs: styles as ** and *, links as [text](url), line breaks as a backslash at line end."""
    out: list[str] = []
    index = 0
    at_line_start = True
    while index < len(runs):
        run = runs[index]
        if run.text == "\n":
            out.append("\\\n")
            at_line_start = True
            index += 1
            continue
        if at_line_start:  # leading spaces at a line start would make an indented code block
            run = Run(run.text.lstrip(" \t"), run.bold, run.italic, run.code, run.link)
        if run.link is not None:
            group: list[Run] = []
            while index < len(runs) and runs[index].link == run.link and runs[index].text != "\n":
                part = run if not group else runs[index]
                group.append(Run(part.text, part.bold, part.italic, part.code))
                index += 1
            out.append(f"[{inline_markdown(group)}]({_link_target(run.link)})")
        else:
            out.append(_styled(run))
            index += 1
        at_line_start = False
    return "".join(out)


def _link_target(href: str) -> str:
    for ch, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ("\\", "%5C")):
        href = href.replace(ch, code)
    return href


def _styled(run: Run) -> str:
    body = _code_span(run.text) if run.code else _escape_line(run.text)
    marker = ("**" if run.bold else "") + ("*" if run.italic else "")
    stripped = body.strip(" ")
    if not marker or not stripped:
        return body
    # emphasis cannot open before or close after a space: keep spaces outside the markers
    lead = body[: len(body) - len(body.lstrip(" "))]
    trail = body[len(body.rstrip(" ")) :]
    return f"{lead}{marker}{stripped}{marker[::-1]}{trail}"


def _table_markdown(table: Table) -> list[str]:
    def row(cells: Sequence[Inline]) -> str:
        flat = [tuple(Run(" ") if r.text == "\n" else r for r in cell) for cell in cells]
        return "| " + " | ".join(inline_markdown(cell) or " " for cell in flat) + " |"

    rule = {"left": ":---", "center": ":---:", "right": "---:"}
    lines = [row(table.header), "| " + " | ".join(rule.get(a, "---") for a in table.align) + " |"]
    lines += [row(r) for r in table.rows]
    return lines


def _code_fence(text: str) -> list[str]:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * max(3, longest + 1)
    return [fence, *text.split("\n"), fence]


def _block_lines(block: Block, marker_variant: int = 0) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + inline_markdown(block.runs)]
    if isinstance(block, Paragraph):
        return inline_markdown(block.runs).split("\n")
    if isinstance(block, CodeBlock):
        return _code_fence(block.text)
    if isinstance(block, Table):
        return _table_markdown(block)
    if isinstance(block, Quote):
        return [("> " + line).rstrip() for line in blocks_markdown(block.blocks).split("\n")]
    lines: list[str] = []
    for number, item in enumerate(block.items, start=block.start):
        # a list right after another list needs other markers, else the two would merge into one
        marker = (f"{number}" + ".)"[marker_variant] + " ") if block.ordered else "-*"[marker_variant] + " "
        inner = blocks_markdown(item).split("\n") if item else [""]
        lines.append((marker + inner[0]).rstrip())
        lines += [(" " * len(marker) + line).rstrip() if line else "" for line in inner[1:]]
    return lines


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """Markdown of blocks, separated by blank lines; parsing it gives the same blocks back."""
    parts = []
    variant = 0
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock):
            adjacent = isinstance(previous, ListBlock) and previous.ordered == block.ordered
            variant = 1 - variant if adjacent else 0
        parts.append("\n".join(_block_lines(block, variant)))
        previous = block
    return "\n\n".join(parts)


def normalise(markdown: str) -> Markdown:
    """A note's Markdown made safe to place inside the report: parsed, headings demoted, written back.

    The result keeps its blocks, for the .docx. Characters that entities may have brought back (`&#x202E;`)
    are cleaned from the blocks' text by the writers, and from the Markdown here.
    """
    blocks = demote_headings(parse(markdown))
    result = Markdown(clean(blocks_markdown(blocks)))
    result.blocks = blocks
    return result
