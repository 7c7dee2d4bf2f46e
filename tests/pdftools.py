"""Reading PDFs back in the tests (poppler's pdfinfo, pdftotext, pdffonts), the skip markers for machines without
LibreOffice or poppler (.ci/run installs both), and fake LibreOffice commands for the failures."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import unicodedata
from pathlib import Path

import pytest

from nq43.support.pdf import find_libreoffice

SOFFICE = find_libreoffice()
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
PDFFONTS = shutil.which("pdffonts")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui"
)
needs_poppler = pytest.mark.skipif(
    PDFTOTEXT is None or PDFINFO is None or PDFFONTS is None,
    reason="pdftotext/pdfinfo/pdffonts are not installed: .ci/run installs poppler-utils",
)


def _poppler(*args: str) -> str:
    return subprocess.run(list(args), check=True, capture_output=True, text=True, encoding="utf-8").stdout


def pages(pdf: Path) -> int:
    info = _poppler(str(PDFINFO), str(pdf))
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]


def page_size(pdf: Path, page: int) -> tuple[float, float]:
    info = _poppler(str(PDFINFO), "-f", str(page), "-l", str(page), str(pdf))
    match = re.search(rf"^Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    assert match is not None
    return float(match[1]), float(match[2])


def metadata(pdf: Path) -> str:
    """The XMP metadata stream (where PDF/A states its part and conformance)."""
    return _poppler(str(PDFINFO), "-meta", str(pdf))


def lines(pdf: Path, page: int) -> list[str]:
    """The non-blank lines of one page, laid out as printed, stripped."""
    out = _poppler(str(PDFTOTEXT), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")
    return [line.strip() for line in out.splitlines() if line.strip()]


def text(pdf: Path) -> str:
    """The whole text, NFC, with runs of white space (line breaks included) made one space."""
    return " ".join(unicodedata.normalize("NFC", _poppler(str(PDFTOTEXT), str(pdf), "-")).split())


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """Each font's name and its `emb` column (yes/no) as pdffonts lists them."""
    out = _poppler(str(PDFFONTS), str(pdf)).splitlines()
    header = out[0]
    emb = header.index(" emb ") + 1
    return [(row.split()[0], row[emb : emb + 3].strip()) for row in out[2:] if row.strip()]


def fake_libreoffice(folder: Path, script: str) -> Path:
    """A folder holding an executable `soffice` made of `script` (a POSIX shell body), to put first on PATH."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


# The last argument is the .docx, --outdir names the folder: writes a tiny PDF there as LibreOffice would.
WRITES_A_PDF = """\
while [ $# -gt 1 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
mkdir -p "$out"
printf '%%PDF-1.7 fake\\n' > "$out/$(basename "$1" .docx).pdf"
"""
# Hangs, with a child of its own (LibreOffice's launcher starts soffice.bin): records both process ids.
HANGS = """\
echo $$ > "{pids}"
sleep 120 &
echo $! >> "{pids}"
wait
"""
