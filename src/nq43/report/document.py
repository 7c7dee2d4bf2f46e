"""The report's document model (headings, paragraphs of styled runs, lists, tables) and Markdown to and from it.

Markdown is read by one library, markdown-it-py (CommonMark with pipe tables), whose tokens are walked into the
model below.

A note's Markdown is normalised (parsed, then written back from the model, every character of text escaped where
Markdown would read it as syntax) before it reaches a template, so no note can open a code fence, a heading or a
link that spills into the rest of the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache, lru_cache
from typing import Any, NamedTuple

from markdown_it import MarkdownIt

from nq43.support.vietnamese import clean


class Markdown(str):
    """Text that is already Markdown (normalised); templates insert it as it is, without escaping.

    `blocks`, when set, are the blocks this Markdown was written from, so that it need not be parsed again.
    """

    blocks: tuple[Block, ...] | None = None


class Run(NamedTuple):
    """A stretch of text in one style; `link` is the target of a hyperlink (only http, https and mailto)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


LINE_BREAK = Run("\n")

Inline = tuple[Run, ...]


class Heading(NamedTuple):
    level: int
    runs: Inline


class Paragraph(NamedTuple):
    runs: Inline


class ListBlock(NamedTuple):
    ordered: bool
    start: int
    items: tuple[tuple[Block, ...], ...]


class Table(NamedTuple):
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    align: tuple[str, ...]  # "left", "center", "right" or "" per column


class CodeBlock(NamedTuple):
    text: str


class Quote(NamedTuple):
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | ListBlock | Table | CodeBlock | Quote


class Frame(NamedTuple):
    """The parts of the report that Decree 30 fixes in place: header table, title, signature block."""

    parent_agency: str
    issuing_agency_lines: tuple[str, ...]
    national_title: str
    motto: str
    number_line: str
    place_date: str
    doc_type: str
    authority: tuple[str, ...]
    signer: str
    recipients_heading: str
    recipients: tuple[str, ...]
    draft: bool
    draft_mark: str


class ReportDocument(NamedTuple):
    """Everything the .docx writer needs; built from the rendered template, never from notes directly."""

    frame: Frame
    summary: Inline
    body: tuple[Block, ...]
    appendix_label: Inline
    appendix_title: Inline
    appendix_note: Inline
    appendix: tuple[Block, ...]
    title: str
    author: str
    created: datetime
    keywords: tuple[str, ...] = ()


def plain_text(runs: Sequence[Run]) -> str:
    return "".join(run.text for run in runs)


# ---------------------------------------------------------------- Markdown -> model

# A nesting limit keeps a hostile note (thousands of ">" or list markers) from exhausting the stack.
MAX_NESTING = 40
SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _parser() -> Any:
    # HTML is recognised only to be shown as the text it is (comments are dropped); links are checked below
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")


def without_comments(html: str) -> str:
    """Raw HTML with its `<!-- ... -->` comments (a skeleton's placeholders) removed."""
    out = []
    position = 0
    while (start := html.find("<!--", position)) >= 0:
        out.append(html[position:start])
        end = html.find("-->", start + 4)
        position = len(html) if end < 0 else end + 3
    out.append(html[position:])
    return "".join(out)


def safe_link(href: str | None) -> str | None:
    """The link target when it is an absolute web or mail address; None for paths, `javascript:` and the like."""
    if not href:
        return None
    lowered = href.strip().lower()
    return href.strip() if lowered.startswith(SAFE_SCHEMES) else None


def _inline(token: Any) -> Inline:
    """Runs of an inline token: bold, italic, links and code kept; images become their text."""
    runs: list[Run] = []
    bold = italic = 0
    link: list[str | None] = []
    for child in token.children or ():
        kind = child.type
        current_link = next((target for target in reversed(link) if target is not None), None)
        if kind == "text":
            runs.append(Run(child.content, bold > 0, italic > 0, False, current_link))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, True, current_link))
        elif kind == "softbreak":
            runs.append(Run(" ", bold > 0, italic > 0, False, current_link))
        elif kind == "hardbreak":
            runs.append(LINE_BREAK)
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "link_open":
            link.append(safe_link(str(child.attrs.get("href") or "")))
        elif kind == "link_close":
            if link:
                link.pop()
        elif kind == "html_inline":
            text = without_comments(child.content)
            if text:
                runs.append(Run(text, bold > 0, italic > 0, False, current_link))
        elif kind == "image":
            alt = "".join(c.content for c in child.children or () if c.type in ("text", "code_inline"))
            if alt:
                runs.append(Run(alt, bold > 0, italic > 0, False, current_link))
        elif child.content:  # anything else (html_inline is off) keeps its text
            runs.append(Run(child.content, bold > 0, italic > 0, False, current_link))
    return merge_runs(runs)


def merge_runs(runs: Sequence[Run]) -> Inline:
    """Join neighbouring runs of the same style and drop empty ones (line breaks stay runs of their own)."""
    merged: list[Run] = []
    for run in runs:
        text = run.text
        if not text:
            continue
        if text == "\n":
            merged.append(LINE_BREAK)
            continue
        if "\n" in text:
            text = text.replace("\n", " ")
        if merged:
            last = merged[-1]
            if last.text != "\n" and last[1:] == run[1:]:
                merged[-1] = last._replace(text=last.text + text)
                continue
        merged.append(run if text is run.text else run._replace(text=text))
    return tuple(merged)


class _Tokens:
    def __init__(self, tokens: list[Any]) -> None:
        self.tokens = tokens
        self.index = 0

    def next(self) -> Any:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def peek(self) -> Any:
        return self.tokens[self.index] if self.index < len(self.tokens) else None


def _blocks(stream: _Tokens, until: str | None) -> list[Block]:
    blocks: list[Block] = []
    while (token := stream.peek()) is not None:
        kind = token.type
        if until is not None and kind == until:
            stream.next()
            break
        stream.next()
        if kind == "heading_open":
            inline = stream.next()
            stream.next()  # heading_close
            blocks.append(Heading(int(token.tag[1]), _inline(inline)))
        elif kind == "paragraph_open":
            inline = stream.next()
            stream.next()
            runs = _inline(inline)
            if runs:
                blocks.append(Paragraph(runs))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrs.get("start", 1) or 1) if ordered else 1
            close = "ordered_list_close" if ordered else "bullet_list_close"
            items: list[tuple[Block, ...]] = []
            while (item := stream.next()).type != close:
                if item.type == "list_item_open":
                    items.append(tuple(_blocks(stream, "list_item_close")))
            blocks.append(ListBlock(ordered, start, tuple(items)))
        elif kind == "blockquote_open":
            inner = tuple(_blocks(stream, "blockquote_close"))
            if inner:
                blocks.append(Quote(inner))
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            if text.strip():
                blocks.append(CodeBlock(text))
        elif kind == "html_block":
            lines = [line.strip() for line in without_comments(token.content).strip().split("\n")]
            runs = merge_runs([part for line in lines for part in (LINE_BREAK, Run(line))][1:])
            if plain_text(runs).strip():
                blocks.append(Paragraph(runs))
        elif kind == "table_open":
            blocks.append(_table(stream))
        elif kind == "inline":
            runs = _inline(token)
            if runs:
                blocks.append(Paragraph(runs))
        # hr and the closing tokens of skipped blocks carry no text
    return blocks


def _table(stream: _Tokens) -> Table:
    header: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []
    align: list[str] = []
    row: list[Inline] = []
    in_head = False
    while (token := stream.next()).type != "table_close":
        kind = token.type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
        elif kind in ("th_open", "td_open"):
            style = str(token.attrs.get("style") or "")
            if in_head:
                align.append(style.removeprefix("text-align:") if style.startswith("text-align:") else "")
            inline = stream.next()
            row.append(_inline(inline) if inline.type == "inline" else ())
            if inline.type == "inline":
                stream.next()  # th_close / td_close
    width = len(header)
    rows = [tuple(r[:width]) + ((),) * (width - len(r)) for r in rows]
    return Table(tuple(header), tuple(rows), tuple(align))


def parse(markdown: str, *, keep_controls: bool = False) -> tuple[Block, ...]:
    """Blocks of a Markdown text; characters a document cannot hold (control, zero-width, bidi) are dropped,
    unless `keep_controls` (text that holds marks of its own and was cleaned piece by piece)."""
    text = markdown if keep_controls else clean(markdown)
    return tuple(_blocks(_Tokens(_parser().parse(text)), None))


def parse_inline(markdown: str) -> Inline:
    """The runs of a one-paragraph Markdown text (its paragraphs joined by a space)."""
    runs: list[Run] = []
    for block in parse(markdown):
        for part in inlines_of(block):
            if runs:
                runs.append(Run(" "))
            runs.extend(part)
    return merge_runs(runs)


def inlines_of(block: Block) -> Iterator[Inline]:
    """The runs of every paragraph, heading and cell of a block, in the order a reader meets them."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.runs
    elif isinstance(block, CodeBlock):
        yield (Run(block.text),)
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from inlines_of(inner)
    elif isinstance(block, ListBlock):
        for item in block.items:
            for inner in item:
                yield from inlines_of(inner)
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            yield from row


def demote_headings(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """A note's own headings become bold paragraphs: the report's headings are the template's alone."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(Paragraph(tuple(Run(r.text, True, r.italic, r.code, r.link) for r in block.runs)))
        elif isinstance(block, Quote):
            out.append(Quote(demote_headings(block.blocks)))
        elif isinstance(block, ListBlock):
            out.append(ListBlock(block.ordered, block.start, tuple(demote_headings(item) for item in block.items)))
        else:
            out.append(block)
    return tuple(out)


# ---------------------------------------------------------------- model -> Markdown

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
