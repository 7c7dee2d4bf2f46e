"""A page drawn by rich for a terminal: the only tracking module that imports rich."""

import io

from nq43.support.text import Lang
from nq43.tracking import wording
from nq43.tracking.pages import Display, Page
from nq43.tracking.table import fit, records


def rich_page(page: Page, display: Display, lang: Lang) -> str:
    """The page drawn by rich for a terminal: boxed tables, colours unless NO_COLOR, wrapped to the width."""
    # rich is loaded here, for a terminal only: a piped or CI run (plain text, JSON, CSV) never needs it
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    out = io.StringIO()
    console = Console(
        file=out,
        width=display.width,
        force_terminal=display.color,
        no_color=not display.color,
        color_system="standard" if display.color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for i, text in enumerate(page.head):
        console.print(RichText(text, style="bold" if i == 0 else ""))
    for table in page.tables:
        # rich draws a one-character divider between columns besides the padding that plain text has
        widths = fit(table, display.width - (len(table.columns) - 1))
        if widths is None:
            console.print()
            for line, style in records(table, display.width):
                console.print(RichText(line, style=style), no_wrap=True)
            continue
        drawn = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=table.title or None)
        for column, width in zip(table.columns, widths, strict=True):
            drawn.add_column(
                column.header, justify=column.justify, width=width, no_wrap=not column.wrap, overflow="fold"
            )
        for i, row in enumerate(table.rows):
            drawn.add_row(*row, style=(table.styles[i] if i < len(table.styles) else "") or None)
        console.print(drawn)
    for text in page.foot:
        console.print(RichText(text))
    if page.notices:
        console.print()
        console.print(RichText(wording.NOTICES.get(lang), style="bold"))
        for text in page.notices:
            console.print(RichText("  " + text, style="yellow"))
    return out.getvalue()
