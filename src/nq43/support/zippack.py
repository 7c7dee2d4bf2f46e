"""A zip package (a .docx) written again so that the same content always gives the same bytes.

python-docx stamps each zip entry with the current time and keeps its own order of entries; `repack` writes the
entries again in a fixed order, with a fixed time and fixed attributes. An entry may be streamed in by a writer
instead of copied (the report's body, written straight into word/document.xml).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries: the earliest time a zip can hold, the same every run
# A .docx's entries in this order (the rest by name after them): the content types first, as readers expect.
DOCX_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
)

Write = Callable[[bytes], object]


def repack(
    saved: bytes,
    order: Sequence[str] = DOCX_ORDER,
    streamed: Mapping[str, Callable[[bytes, Write], None]] | None = None,
) -> bytes:
    """`saved` again with its entries in `order` (the rest by name), each at FIXED_TIME, compressed at zlib's
    default level; an entry named in `streamed` is written by its function from the saved entry's bytes."""
    source = zipfile.ZipFile(io.BytesIO(saved))
    rank = {name: index for index, name in enumerate(order)}
    names = sorted(source.namelist(), key=lambda name: (rank.get(name, len(rank)), name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED  # at zlib's default level, 6
            info.create_system = 0
            info.external_attr = 0
            writer = (streamed or {}).get(name)
            if writer is not None:
                with archive.open(info, "w") as entry:
                    writer(source.read(name), entry.write)
            else:
                archive.writestr(info, source.read(name))
    return buffer.getvalue()
