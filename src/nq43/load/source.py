"""Read a user's file as text: size and location limits, encodings, and what the text hides."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from nq43.domain.catalogue import FileKind
from nq43.domain.findings import Finding, finding
from nq43.load.limits import LIMITS, advice
from nq43.support.vietnamese import (
    HIDDEN_CHARACTERS,
    control_characters,
    has_hidden_characters,
    invisible_characters,
    nfc,
)

# Per kind of hidden character, report the first few places and not thousands of lines.
MAX_REPEATED_FINDINGS = 3

# Characters that Vietnamese never uses but TCVN3/VNI text shows after a wrong conversion to Unicode.
_MOJIBAKE_CHARACTERS = "¸µ¶·¹®¬«©¨ª¦§¤¥¢£¡ØÆÇËÎÏÑÖÛÜäåæçëîïñöøûüÿßþÞð"
_MOJIBAKE = re.compile(f"[{_MOJIBAKE_CHARACTERS}]")
# Anything that the checks below look for: most notes hold none, and are read in one pass instead of three.
_SUSPECT = re.compile(f"[{_MOJIBAKE_CHARACTERS}{HIDDEN_CHARACTERS}]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


class Source(NamedTuple):
    """A file's text, NFC-normalised with "\n" line ends and any BOM removed, and what was noticed reading it."""

    path: str
    text: str | None
    findings: tuple[Finding, ...]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _guess_legacy(data: bytes) -> str:
    """Name the legacy Vietnamese encoding that the bytes most look like."""
    # Judge only the bytes that are not UTF-8: text pasted from an old document into a UTF-8 note is mixed,
    # and the UTF-8 letters around it would look like VNI.
    mixed = data.decode("utf-8", errors="surrogateescape")
    data = bytes(ord(c) - 0xDC00 if 0xDC80 <= ord(c) <= 0xDCFF else ord(c) if ord(c) < 0x80 else 0x20 for c in mixed)
    tcvn3 = sum(data.count(bytes([b])) for b in range(0xA8, 0xAF))  # ă â ê ô ơ ư đ in TCVN3
    cp1258 = len(re.findall(rb"[A-Za-z\xe2\xe3\xea\xf4\xf5\xfd][\xcc\xec\xde\xd2\xf2]", data))
    vni = len(re.findall(rb"[AEIOUYaeiouy][\xc0-\xff]", data))
    best = max((tcvn3, "TCVN3 (ABC)"), (cp1258, "Windows-1258"), (vni, "VNI"))
    return best[1] if best[0] else "TCVN3/VNI/Windows-1258"


def read_bytes(
    file: Path,
    display: str,
    *,
    inside: Path | None = None,
    kind: FileKind = "note",
) -> tuple[bytes | None, tuple[Finding, ...]]:
    """The bytes of `file` within the limits of its kind; None with a finding when it cannot or may not be read.

    `inside`, when given, is the folder that a file named within it (or a link named anywhere) must not leave
    when links, its own or its folders', are followed.
    """
    limits = LIMITS[kind]
    try:
        if inside is not None:
            target = _leaves(file, inside)
            if target is not None:
                return None, (finding(display, 1, 1, "NQ109", target=str(target)),)
        size = file.stat().st_size
        if size > limits.size:
            return None, (finding(display, 1, 1, "NQ108", size=size, limit=limits.size, **advice("NQ108", kind)),)
        return file.read_bytes(), ()
    except OSError as error:
        return None, (finding(display, 1, 1, "NQ101", reason=error.strerror or str(error)),)


def read_source(
    file: Path,
    display: str,
    *,
    inside: Path | None = None,
    kind: FileKind = "note",
) -> Source:
    """Read `file` as UTF-8 text; never raises for a user's mistake, returns findings instead."""
    data, refused = read_bytes(file, display, inside=inside, kind=kind)
    if data is None:
        return Source(display, None, refused)
    findings: list[Finding] = []

    # positional-only: a message may have arguments named "line" or "column" too (NQ102 does)
    def refuse(code: str, line: int = 1, column: int = 1, /, **args: object) -> Source:
        findings.append(finding(display, line, column, code, **args))
        return Source(display, None, tuple(findings))

    # UTF-16 without a BOM: every ASCII character brings a zero byte; one stray NUL is only a control character
    head = data[:64]
    if data.startswith(_UTF16_BOMS) or (len(head) >= 2 and head.count(0) * 4 >= len(head)):
        return refuse("NQ103")
    if data.startswith(_UTF8_BOM):
        findings.append(finding(display, 1, 1, "NQ104"))
        data = data[len(_UTF8_BOM) :]
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return refuse("NQ102", line, column, byte=f"{data[error.start]:02X}", column=column, guess=_guess_legacy(data))

    # Windows (CRLF) and old Mac (CR) line ends become "\n": the same lines as the editor shows, and no stray
    # "\r" carried into sections and reports.
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    checked = check_text(raw, display, kind=kind)
    return Source(display, checked.text, tuple(findings) + checked.findings)


def check_text(raw: str, display: str, *, kind: FileKind = "note") -> Source:
    """A decoded text with "\n" line ends, checked as any file's: length, NFD, hidden characters, mojibake.

    Also the way text read out of a Word form is checked (load/formread.py), so both kinds of note are
    cleaned alike.
    """
    findings: list[Finding] = []
    limits = LIMITS[kind]
    lines = raw.count("\n") + (not raw.endswith("\n"))
    if lines > limits.lines:
        too_long = finding(display, 1, 1, "NQ112", lines=lines, limit=limits.lines, **advice("NQ112", kind))
        return Source(display, None, (too_long,))

    text = nfc(raw)
    if text != raw:
        first = next(i for i, (a, b) in enumerate(zip(raw, text, strict=False)) if a != b)
        findings.append(finding(display, *position(raw, first), "NQ105"))
    if _SUSPECT.search(text) is None:
        return Source(display, text, tuple(findings))
    hidden = has_hidden_characters(text)
    for code, scan in (("NQ106", control_characters), ("NQ107", invisible_characters)):
        for offset in scan(text)[:MAX_REPEATED_FINDINGS] if hidden else ():
            findings.append(finding(display, *position(text, offset), code, codepoint=f"{ord(text[offset]):04X}"))
    suspicious = list(_MOJIBAKE.finditer(text))
    if len(suspicious) >= 3:
        start = suspicious[0].start()
        sample = text[max(0, start - 10) : start + 20].replace("\n", " ")
        findings.append(finding(display, *position(text, start), "NQ110", sample=sample))
    return Source(display, text, tuple(findings))


def _leaves(file: Path, inside: Path) -> Path | None:
    """Where `file` really is, when links (its own or its folders') take it out of `inside`; None when it stays.

    Only a link can leave: for a file named within `inside`, only the parts of its path below `inside` are
    looked at (a few lstat calls, not a resolve of the whole path for each of thousands of notes).
    """
    absolute, folder = os.path.abspath(file), os.path.abspath(inside)
    if os.path.commonpath((absolute, folder)) == folder:
        parts = os.path.relpath(absolute, folder).split(os.sep)
        linked = any(os.path.islink(os.path.join(folder, *parts[: depth + 1])) for depth in range(len(parts)))
    else:
        linked = file.is_symlink()
    if not linked:
        return None
    target = file.resolve()
    return None if target.is_relative_to(_real(folder)) else target


@lru_cache(maxsize=8)
def _real(folder: str) -> Path:
    return Path(folder).resolve()


def display_path(file: Path, root: Path) -> str:
    """The path shown in findings: relative to the repository root, with forward slashes."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return os.path.normpath(file).replace(os.sep, "/")
