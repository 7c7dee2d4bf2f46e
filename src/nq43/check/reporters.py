"""Findings as text for people, JSON for scripts, and annotations for GitHub pull requests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from nq43.domain.findings import Finding, Severity, error_count
from nq43.support.text import Lang, Text
from nq43.support.vietnamese import control_characters, invisible_characters

FindingFormat = Literal["text", "json", "github"]
_SEVERITY = {Severity.ERROR: Text("lỗi", "error"), Severity.WARNING: Text("cảnh báo", "warning")}
_HINT = Text("Cách sửa: {hint}", "Fix: {hint}")
_HELD_BACK = Text("... và {n} tệp khác cũng có {code}.", "... and {n} more file(s) with {code}.")
_SUMMARY = Text(
    "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
    "Checked {files} file(s): {errors} error(s), {warnings} warning(s).",
)


def severity_label(severity: Severity, lang: Lang) -> str:
    return _SEVERITY[severity].get(lang)


def shown(text: str) -> str:
    """A message as a terminal or CI log may show it: line breaks, control, zero-width and direction characters
    (which a note can carry into a message, e.g. `status: "\\e[2J"`) are written as escapes, so that a note
    can neither break the one-finding-per-line format nor drive the terminal."""
    hidden = set(control_characters(text)) | set(invisible_characters(text))
    hidden.update(i for i, ch in enumerate(text) if ch in "\t\n\r\u2028\u2029" or "\udc80" <= ch <= "\udcff")
    if not hidden:
        return text
    return "".join(_escape(ch) if i in hidden else ch for i, ch in enumerate(text))


def _escape(ch: str) -> str:
    """One hidden character written visibly; a byte of a file name that is not UTF-8 (kept by git's path
    decoding as a lone surrogate) as `\\xNN`."""
    if "\udc80" <= ch <= "\udcff":
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return f"\\u{ord(ch):04x}"


def text(findings: Sequence[Finding], lang: Lang = "vi") -> str:
    """`path:line:column: CODE severity: message`, the hint indented on the next line; for a Word form, which
    has no lines, `path [place]: CODE severity: message`."""
    out = []
    for f in findings:
        severity = severity_label(f.severity, lang)
        out.append(f"{_location(f, lang)}: {f.code} {severity}: {shown(f.message(lang))}")
        hint = shown(f.hint(lang))
        if hint:
            out.append("    → " + _HINT.get(lang, hint=hint))
    return "\n".join(out) + ("\n" if out else "")


def _location(f: Finding, lang: Lang) -> str:
    """ "path:line:column", or for a Word form "path [place]" (the place in words; none for the whole form)."""
    if not f.on_form:
        return f"{shown(f.path)}:{f.line}:{f.column}"
    where = f.where(lang)
    return shown(f"{f.path} [{where}]" if where else f.path)


def _placed(f: Finding, lang: Lang) -> str:
    """The message, after the place in words when the file has no lines to point at (a Word form)."""
    where = f.where(lang)
    return shown(f"[{where}] {f.message(lang)}" if where else f.message(lang))


def condensed(findings: Sequence[Finding], per_code: int = 2) -> tuple[list[Finding], dict[str, int]]:
    """The first `per_code` findings of each code, and how many of each code were held back.

    For notices that repeat file after file (eight sample notes give eight identical warnings): a person needs
    the first ones and a count, not a screenful. Errors a user must fix are never condensed by callers.
    """
    kept: list[Finding] = []
    held: dict[str, int] = {}
    seen: dict[str, int] = {}
    for f in findings:
        seen[f.code] = seen.get(f.code, 0) + 1
        if seen[f.code] <= per_code:
            kept.append(f)
        else:
            held[f.code] = held.get(f.code, 0) + 1
    return kept, held


def held_back(held: dict[str, int], lang: Lang = "vi") -> str:
    """One line per code of `condensed` findings that were not printed."""
    return "".join(_HELD_BACK.get(lang, n=n, code=code) + "\n" for code, n in held.items())


def as_dicts(findings: Sequence[Finding], lang: Lang = "vi") -> list[dict[str, object]]:
    return [
        {
            "path": shown(f.path),
            "line": f.line,  # in a Word form, which has no lines: its paragraph or table, counted from 1
            "column": f.column,
            "code": f.code,
            "severity": f.severity.value,
            "message": shown(f.message(lang)),
            "hint": shown(f.hint(lang)),
            **({"place": shown(f.where(lang))} if f.place is not None else {}),
        }
        for f in findings
    ]


def json_text(findings: Sequence[Finding], lang: Lang = "vi") -> str:
    return json.dumps({"findings": as_dicts(findings, lang)}, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], lang: Lang = "vi") -> str:
    """GitHub Actions workflow commands: each finding shows on its line of the pull request."""
    out = []
    for f in findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        lines = "" if f.on_form else f",line={f.line},col={f.column}"  # a Word form: on the file, not a line
        props = f"file={_escape_property(shown(f.path))}{lines},title={_escape_property(f.code)}"
        body = _placed(f, lang)
        hint = shown(f.hint(lang))
        if hint:
            body += "\n" + _HINT.get(lang, hint=hint)
        out.append(f"::{level} {props}::{_escape_data(body)}")
    return "\n".join(out) + ("\n" if out else "")


def render(findings: Sequence[Finding], fmt: FindingFormat, lang: Lang = "vi") -> str:
    return {"text": text, "json": json_text, "github": github}[fmt](findings, lang)


def summary(findings: Sequence[Finding], files: int, lang: Lang = "vi") -> str:
    errors = error_count(findings)
    warnings = len(findings) - errors
    return _SUMMARY.get(lang, files=files, errors=errors, warnings=warnings)
