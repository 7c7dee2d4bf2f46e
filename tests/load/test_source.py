"""Reading a user's file: encodings, hidden characters, size and line limits, links out of data/."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from notekit import TCVN3, VNI, cp1258
from nq43.domain.catalogue import FileKind
from nq43.load.limits import LIMITS
from nq43.load.source import MAX_REPEATED_FINDINGS, display_path, position, read_source


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


TEXT = "---\nunit: qldt\nprepared_by: Nguyễn Văn An\n---\n\nĐã rà soát tiến độ các khu công nghiệp.\n"


MAX_FILE_BYTES = LIMITS["note"].size
MAX_LINES = LIMITS["note"].lines


def read(
    tmp_path: Path, data: bytes, **kwargs: object
) -> tuple[str | None, list[tuple[str, int, int]], list[dict[str, Any]]]:
    file = tmp_path / "note.md"
    file.write_bytes(data)
    source = read_source(file, "note.md", **kwargs)  # type: ignore[arg-type]
    return source.text, [(f.code, f.line, f.column) for f in source.findings], [dict(f.args) for f in source.findings]


def test_utf8_is_read_as_is(tmp_path: Path) -> None:
    text, found, _ = read(tmp_path, TEXT.encode("utf-8"))
    assert text == TEXT
    assert found == []


def test_utf8_bom_is_dropped_with_a_warning(tmp_path: Path) -> None:
    text, found, _ = read(tmp_path, b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert text == TEXT
    assert found == [("NQ104", 1, 1)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"], ids=["bom", "le-no-bom", "be-no-bom"])
def test_utf16_is_refused(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert data.startswith((b"\xff\xfe", b"\xfe\xff")) == (encoding == "utf-16")
    text, found, _ = read(tmp_path, data)
    assert text is None
    assert found == [("NQ103", 1, 1)]


@pytest.mark.parametrize(
    ("data", "line", "column", "byte", "guess"),
    [
        (b"---\nunit: qldt\n" + cp1258("Phòng Quản lý Đầu tư đã rà soát"), 3, 4, "CC", "Windows-1258"),
        (b"---\nunit: qldt\n" + TCVN3, 3, 3, "DF", "TCVN3 (ABC)"),
        (b"---\nunit: qldt\n" + VNI, 3, 4, "F8", "VNI"),
        (b"ok\n\xff", 2, 1, "FF", "TCVN3/VNI/Windows-1258"),
    ],
    ids=["cp1258", "tcvn3", "vni", "stray-byte"],
)
def test_legacy_encodings_are_refused_at_the_first_bad_byte(
    tmp_path: Path, data: bytes, line: int, column: int, byte: str, guess: str
) -> None:
    text, found, args = read(tmp_path, data)
    assert text is None
    assert found == [("NQ102", line, column)]
    assert args[0]["byte"] == byte
    assert args[0]["guess"] == guess


def test_cp1258_sample_really_is_windows_1258() -> None:
    data = cp1258("Phòng Quản lý Đầu tư")
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Phòng Quản lý Đầu tư"


def test_nfd_text_is_normalised_with_a_warning_at_the_first_decomposed_letter(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", TEXT)
    text, found, _ = read(tmp_path, decomposed.encode("utf-8"))
    assert text == TEXT
    assert found == [("NQ105", 3, 18)]  # the "ễ" of "Nguyễn"


def test_control_characters_from_word_are_reported_at_their_place(tmp_path: Path) -> None:
    data = "---\nunit: qldt\n---\nĐã rà\x0bsoát\x07 xong.\x0c\n".encode()
    text, found, args = read(tmp_path, data)
    assert text is not None  # readable: the report drops them
    assert found == [("NQ106", 4, 6), ("NQ106", 4, 11), ("NQ106", 4, 18)]
    assert [a["codepoint"] for a in args] == ["000B", "0007", "000C"]


def test_repeated_hidden_characters_are_reported_a_few_times_only(tmp_path: Path) -> None:
    data = ("a\u200b\n" * 50 + "b\x01\n" * 50).encode()
    _, found, _ = read(tmp_path, data)
    assert [code for code, _, _ in found] == ["NQ106"] * MAX_REPEATED_FINDINGS + ["NQ107"] * MAX_REPEATED_FINDINGS
    assert [line for code, line, _ in found if code == "NQ107"] == [1, 2, 3]


def test_zero_width_and_direction_characters(tmp_path: Path) -> None:
    _, found, args = read(tmp_path, "Kết quả\u200b\n\u202eđảo chiều\u202c\n".encode())
    assert found == [("NQ107", 1, 8), ("NQ107", 2, 1), ("NQ107", 2, 11)]
    assert [a["codepoint"] for a in args] == ["200B", "202E", "202C"]


def test_badly_converted_legacy_text_is_suspected(tmp_path: Path) -> None:
    # TCVN3 bytes read as Windows-1252 and saved as UTF-8: "Phßng Qu¶n lý §Çu t­"
    mojibake = TCVN3.decode("cp1252", errors="replace")
    _, found, args = read(tmp_path, ("---\n" + mojibake + "\n").encode())
    assert found == [("NQ110", 2, 3)]
    assert "Phßng Qu¶n" in str(args[0]["sample"])


def test_file_too_large_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "2025Q1.md"
    with file.open("wb") as out:  # a sparse 50 MB file: quick to make, and reading it would be slow
        out.truncate(50 * 1024 * 1024)

    def never(*_: object) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    start = time.perf_counter()
    source = read_source(file, "2025Q1.md")
    assert time.perf_counter() - start < 0.5
    assert source.text is None
    assert [(f.code, f.line) for f in source.findings] == [("NQ108", 1)]
    assert source.findings[0].args["size"] == 50 * 1024 * 1024
    assert source.findings[0].args["limit"] == MAX_FILE_BYTES
    assert source.findings[0].hint().startswith("Ghi chú quý chỉ cần văn bản")


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    text, found, _ = read(tmp_path, b"x" * MAX_FILE_BYTES)
    assert text is not None
    assert found == []


def test_too_many_lines_are_refused(tmp_path: Path) -> None:
    text, found, args = read(tmp_path, b"x\n" * (MAX_LINES + 1))
    assert text is None
    assert found == [("NQ112", 1, 1)]
    assert (args[0]["lines"], args[0]["limit"]) == (MAX_LINES + 1, MAX_LINES)
    text, found, _ = read(tmp_path, b"x\n" * MAX_LINES)
    assert text is not None
    assert found == []


def test_missing_file(tmp_path: Path) -> None:
    source = read_source(tmp_path / "none.md", "none.md")
    assert source.text is None
    assert [(f.code, f.line) for f in source.findings] == [("NQ101", 1)]


def test_link_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu\n", encoding="utf-8")
    link = data / "2025Q1.md"
    link.symlink_to(secret)
    source = read_source(link, "data/2025Q1.md", inside=data)
    assert source.text is None
    assert [(f.code, f.line) for f in source.findings] == [("NQ109", 1)]
    assert source.findings[0].args["target"] == str(secret.resolve())


def test_link_that_stays_inside_is_followed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "real.md").write_text("nội dung\n", encoding="utf-8")
    (data / "2025Q1.md").symlink_to(data / "real.md")
    assert read_source(data / "2025Q1.md", "x", inside=data).text == "nội dung\n"


def test_linked_folder_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "units").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2025Q1.md").write_text("nội dung\n", encoding="utf-8")
    (data / "units" / "qldt").symlink_to(outside, target_is_directory=True)
    source = read_source(data / "units" / "qldt" / "2025Q1.md", "x", inside=data)
    assert source.text is None
    assert [f.code for f in source.findings] == ["NQ109"]


def test_file_named_outside_the_data_folder_is_read(tmp_path: Path) -> None:
    # `nq43 validate ~/draft/2025Q1.md` checks a draft the user names explicitly
    data = tmp_path / "data"
    data.mkdir()
    draft = tmp_path / "draft.md"
    draft.write_text("nháp\n", encoding="utf-8")
    assert read_source(draft, "draft.md", inside=data).text == "nháp\n"


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", TEXT).encode() + b"\x0b\n"
    file = tmp_path / "note.md"
    file.write_bytes(data)
    before = os.stat(file)
    read_source(file, "note.md")
    assert file.read_bytes() == data
    assert os.stat(file).st_mtime_ns == before.st_mtime_ns


def test_position() -> None:
    assert position("ab\ncd\n", 0) == (1, 1)
    assert position("ab\ncd\n", 4) == (2, 2)
    assert position("ab\ncd\n", 6) == (3, 1)


def test_display_path(tmp_path: Path) -> None:
    assert display_path(tmp_path / "data" / "units" / "qldt" / "2025Q1.md", tmp_path) == "data/units/qldt/2025Q1.md"
    assert display_path(Path("/elsewhere/../x/2025Q1.md"), tmp_path) == "/x/2025Q1.md"


def test_a_stray_nul_is_a_control_character_not_utf16(tmp_path: Path) -> None:
    text, found, args = read(tmp_path, b"---\n\x00unit: qldt\n---\n")
    assert text is not None
    assert found == [("NQ106", 2, 1)]
    assert args[0]["codepoint"] == "0000"
    # Vietnamese in UTF-16 has fewer zero bytes than English, but still plenty
    _, found, _ = read(tmp_path, "Phòng Quản lý Đầu tư: đã rà soát tiến độ các khu công nghiệp".encode("utf-16-le"))
    assert found == [("NQ103", 1, 1)]


def test_the_directive_has_limits_that_fit_a_province(tmp_path: Path) -> None:
    text, found, _ = read(tmp_path, b"x\n" * (MAX_LINES + 1), kind="directive")
    assert text is not None
    assert found == []
    directive = LIMITS["directive"]
    assert directive.size >= 8 * MAX_FILE_BYTES and directive.lines >= 50 * MAX_LINES


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("note", "Ghi chú quý"),
        ("unit", "unit.yaml"),
        ("calendar", "data/calendar.yaml"),
        ("directive", "data/directive.yaml"),
    ],
)
def test_each_limit_names_its_kind_of_file(tmp_path: Path, kind: FileKind, named: str) -> None:
    limits = LIMITS[kind]
    big = tmp_path / "big"
    with big.open("wb") as out:
        out.truncate(limits.size + 1)
    long = tmp_path / "long"
    long.write_bytes(b"x\n" * (limits.lines + 1))
    for file, code in ((big, "NQ108"), (long, "NQ112")):
        (found,) = read_source(file, "f", kind=kind).findings
        assert found.code == code
        assert found.args["limit"] == (limits.size if code == "NQ108" else limits.lines)
        assert named in found.hint()
        assert found.hint("en") and "{" not in found.hint("en")
