"""Test helpers: a repository in a temporary folder built from the shipped directive, and a valid note."""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from nq43.domain.findings import Finding

SHIPPED = Path(__file__).resolve().parents[1]
TODAY = date(2025, 4, 1)
NOTE_PATH = "data/units/qldt/2025Q1.md"

# A complete, valid 2025Q1 note of Phòng Quản lý Đầu tư (tasks 2.1 to 2.4). Line numbers matter to the tests:
# line 1 "---", line 2 "unit", 3 "quarter", 4 "prepared_by", 5 "submitted", 6 "tasks:", 7-14 the four tasks,
# 15 "---", 17 "## 2.1.", 19 "### Kết quả".
QLDT_NOTE = """\
---
unit: qldt
quarter: 2025Q1
prepared_by: "Nguyễn Văn An"
submitted: 2025-03-05
tasks:
  "2.1":
    status: thuong-xuyen
  "2.2":
    status: dang-thuc-hien
    progress: 40
  "2.3":
    status: thuong-xuyen
  "2.4": {status: chua-thuc-hien}
---

## 2.1. Rà soát tiến độ các khu công nghiệp, nâng cao tỷ lệ lấp đầy

### Kết quả

Đã rà soát tiến độ 14 khu công nghiệp; tỷ lệ lấp đầy bình quân đạt 72,5%.

## 2.2. Thủ tục chủ trương đầu tư hạ tầng KCN

### Kết quả

Đã trình Bộ Kế hoạch và Đầu tư hồ sơ chủ trương đầu tư 02 dự án hạ tầng.

### Khó khăn, vướng mắc

Thời gian thẩm định kéo dài.

## 2.3. Tham mưu lựa chọn nhà đầu tư

### Kết quả

Đã tham mưu lựa chọn 01 nhà đầu tư hạ tầng.

## 2.4. Xây dựng mới KCN xanh, sinh thái

### Kết quả

Chưa triển khai trong quý.

## Nhiệm vụ trọng tâm quý tới

Tiếp tục rà soát tiến độ các khu công nghiệp.
"""


def make_repo(root: Path) -> Path:
    """An nq43 repository at `root`: the shipped directive and every unit.yaml, and no notes."""
    (root / "data" / "units").mkdir(parents=True, exist_ok=True)
    shutil.copy(SHIPPED / "data" / "directive.yaml", root / "data" / "directive.yaml")
    for unit in sorted((SHIPPED / "data" / "units").iterdir()):
        if (unit / "unit.yaml").is_file():
            (root / "data" / "units" / unit.name).mkdir(exist_ok=True)
            shutil.copy(unit / "unit.yaml", root / "data" / "units" / unit.name / "unit.yaml")
    return root


def submitted_on(skeleton: str, day: date) -> str:
    """A skeleton of `nq43 new` with its blank `submitted:` filled in, as the unit does when it submits."""
    lines = skeleton.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("submitted:"))
    lines[at] = f"submitted: {day.isoformat()}"
    return "\n".join(lines)


def write_note(root: Path, content: str | bytes, relative: str = NOTE_PATH) -> Path:
    """Write a note's text (UTF-8) or raw bytes at `relative` under `root`."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_bytes(content.encode("utf-8"))
    else:
        target.write_bytes(content)
    return target


def places(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """(code, line) of each finding, in order."""
    return [(f.code, f.line) for f in findings]


def codes(findings: Iterable[Finding]) -> list[str]:
    return [f.code for f in findings]


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 (or link target) of every file and link under `root`."""
    digest = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            digest[key] = "link:" + str(path.readlink())
        elif path.is_file():
            digest[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest[key] = "dir"
    return digest


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: vowel marks precomposed, the tone as a separate combining byte."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return out


# "Phòng Quản lý Đầu tư đã rà soát tiến độ" in the two legacy 8-bit fonts (bytes written by hand from their
# tables: TCVN3 puts each toned vowel in one byte, VNI writes the vowel then a mark byte).
TCVN3 = b"Ph\xdfng Qu\xb6n l\xfd \xa7\xc7u t\xad \xae\xb5 r\xb5 so\xb8t ti\xd5n \xae\xe9"
VNI = b"Pho\xf8ng Qua\xfbn ly\xf9 \xd1a\xe0u t\xf6 \xf1a\xf5 ra\xf8 soa\xf9t tie\xe1n \xf1o\xe4"


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def cli_repo(tmp_path: Path, monkeypatch: Any) -> Path:
    """A fresh repository as the working folder, with none of nq43's environment variables set."""
    for name in ("NQ43_ROOT", "NQ43_LANG", "NQ43_TODAY", "NQ43_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    made = make_repo(tmp_path / "kho")
    monkeypatch.chdir(made)
    return made


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `nq43 argv`."""
    from nq43.cli.app import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
