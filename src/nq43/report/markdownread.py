"""Markdown to the document model: markdown-it-py (CommonMark with pipe tables) parses, and its tokens are
walked into blocks and runs. Raw HTML is shown as the text it is (comments dropped); only web and mail links
are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt

from nq43.report.document import (
    LINE_BREAK,
    Block,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Run,
    Table,
    inlines_of,
    plain_text,
)
from nq43.support.vietnamese import clean

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
