"""Reading a user's file: legacy encodings become a finding (NQ102) at the right place, never an exception."""

from __future__ import annotations

from pathlib import Path

from nq43.source import read_source


def test_cp1258_file_is_a_finding_with_its_byte_column(tmp_path: Path) -> None:
    # "Phạm" in Windows-1258: "Pha" then the combining dot below as byte 0xF2
    file = tmp_path / "2025Q1.md"
    file.write_bytes(b"---\nunit: qldt\nprepared_by: Pha\xf2m\n---\n")

    source = read_source(file, "data/units/qldt/2025Q1.md")

    assert source.text is None
    [found] = source.findings
    assert (found.code, found.line, found.column) == ("NQ102", 3, 17)
    assert found.message() == "Tệp không phải UTF-8 (byte 0xF2 ở cột 17); có vẻ là mã cũ Windows-1258."


def test_tcvn3_byte_is_reported_not_raised(tmp_path: Path) -> None:
    file = tmp_path / "2025Q1.md"
    file.write_bytes(b"---\nunit: qldt\n---\n\nPH" + b"\xa7NG\n")

    [found] = read_source(file, "x.md").findings

    assert (found.code, found.line, found.column) == ("NQ102", 5, 3)
    assert "byte 0xA7 ở cột 3" in found.message()
