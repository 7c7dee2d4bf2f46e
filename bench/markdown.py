"""Time the Markdown readers on the bodies of a generated repository's notes.

    python bench/generate.py /tmp/md --units 80 --quarters 1   # 80 notes, about 950 KB of Markdown
    python bench/markdown.py /tmp/md

Prints the best of five passes (CPU time) over every body for markdown-it-py (full parse, and blocks only as
`notes` reads headings), for markdown-it-pyrs when it is installed (`pip install markdown-it-pyrs`;
not a dependency), and for nq43's own two uses (a note's headings, the report's document model).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from nq43.load import notes
from nq43.report import markdownread


def best_of_five(bodies: list[str], read: Callable[[str], object]) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for body in bodies:
            read(body)
        best = min(best, time.process_time() - start)
    return best


def main(root: Path) -> None:
    bodies = []
    for path in sorted(root.glob("data/units/*/*.md")):
        front, _ = notes.split_front_matter(path.read_text(encoding="utf-8"), str(path))
        if front is not None:
            bodies.append(front.body)
    size = sum(len(body.encode()) for body in bodies)
    print(f"{len(bodies)} bodies, {size / 1000:.0f} KB")
    readers: dict[str, Callable[[str], object]] = {
        "markdown-it-py, full parse": MarkdownIt("commonmark").enable("table").parse,
        "markdown-it-py, blocks only": MarkdownIt("commonmark").enable("table").disable("inline").parse,
    }
    try:
        import markdown_it_pyrs  # optional: only measured when installed

        readers["markdown-it-pyrs, tree"] = markdown_it_pyrs.MarkdownIt("commonmark").enable("table").tree
    except ImportError:
        print("markdown-it-pyrs not installed: pip install markdown-it-pyrs")
    readers["nq43: a note's headings"] = notes._headings
    readers["nq43: the document model"] = markdownread.parse
    for name, read in readers.items():
        print(f"{name:32} {best_of_five(bodies, read) * 1000:8.1f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
