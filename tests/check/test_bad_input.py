"""The bad inputs of the foundation issue, end to end: each gives its precise finding at its line, never a
traceback, and nothing is modified."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from notekit import BILLION_LAUGHS, NOTE_PATH, QLDT_NOTE, TCVN3, TODAY, VNI, cp1258, make_repo, tree_digest, write_note
from nq43.check.repository import load_repository
from nq43.domain.findings import Severity


def edit(old: str, new: str) -> str:
    assert old in QLDT_NOTE
    return QLDT_NOTE.replace(old, new, 1)


def legacy(encoded: bytes) -> bytes:
    """The valid note up to its first heading (line 17), then a line in a legacy encoding (line 19)."""
    head = QLDT_NOTE.split("\n### Kết quả\n")[0].encode()
    return head + b"\n" + encoded + b"\n"


# (name, file content, expected (code, line) of every finding, whether the note is still usable)
CASES: list[tuple[str, str | bytes, list[tuple[str, int]], bool]] = [
    ("utf-16-bom", QLDT_NOTE.encode("utf-16"), [("NQ103", 1)], False),
    ("utf-16-no-bom", QLDT_NOTE.encode("utf-16-le"), [("NQ103", 1)], False),
    ("utf-16-be-no-bom", QLDT_NOTE.encode("utf-16-be"), [("NQ103", 1)], False),
    ("cp1258", legacy(cp1258("Đã rà soát tiến độ")), [("NQ102", 19)], False),
    ("cp1258-whole-file", cp1258(QLDT_NOTE), [("NQ102", 4)], False),
    ("tcvn3", legacy(TCVN3), [("NQ102", 19)], False),
    ("vni", legacy(VNI), [("NQ102", 19)], False),
    ("utf-8-bom", b"\xef\xbb\xbf" + QLDT_NOTE.encode(), [("NQ104", 1)], True),
    ("nfd", unicodedata.normalize("NFD", QLDT_NOTE), [("NQ105", 4)], True),
    ("front-matter-missing", QLDT_NOTE.removeprefix("---\n"), [("NQ201", 1)], False),
    ("front-matter-unterminated", edit("\n---\n\n## 2.1.", "\n\n## 2.1."), [("NQ202", 1)], False),
    ("front-matter-a-list", "---\n- qldt\n- 2025Q1\n---\n", [("NQ203", 1)], False),
    ("front-matter-text", "---\nGhi chú quý I của Phòng Quản lý Đầu tư\n---\n", [("NQ203", 1)], False),
    ("duplicate-key", edit("quarter: 2025Q1\n", "quarter: 2025Q1\nunit: qhxd\n"), [("NQ205", 4)], False),
    ("duplicate-task", edit('  "2.3":\n', '  "2.2":\n'), [("NQ205", 12)], False),
    (
        "2.10-is-not-2.1",
        edit(
            '  "2.4": {status: chua-thuc-hien}\n', '  "2.4": {status: chua-thuc-hien}\n  2.10: {status: hoan-thanh}\n'
        ),
        [("NQ404", 15)],
        False,
    ),
    ("status-no", edit("status: dang-thuc-hien", "status: no"), [("NQ304", 10)], False),
    ("status-yes", edit("{status: chua-thuc-hien}", "{status: yes}"), [("NQ304", 14)], False),
    ("status-true", edit("{status: chua-thuc-hien}", "{status: true}"), [("NQ302", 14), ("NQ304", 14)], False),
    ("tab-indent", edit('  "2.3":\n    status', '  "2.3":\n\tstatus'), [("NQ206", 13)], False),
    ("unknown-key", edit("submitted:", "sumbitted: 2025-03-05\nsubmitted:"), [("NQ303", 5)], True),
    (
        "python-object-tag",
        edit('prepared_by: "Nguyễn Văn An"', "prepared_by: !!python/object/apply:os.system ['id']"),
        [("NQ207", 4)],
        False,
    ),
    ("billion-laughs", "---\n" + BILLION_LAUGHS + "---\n", [("NQ208", 3)], False),
    (
        "word-control-characters",
        edit("Thời gian thẩm định", "Thời gian\x0bthẩm\x07 định"),
        [("NQ106", 31), ("NQ106", 31)],
        True,
    ),
    ("unit-id-dot-dot", edit("unit: qldt", "unit: ../x"), [("NQ309", 2), ("NQ401", 2)], False),
    ("impossible-date", edit("2025-03-05", "2025-02-30"), [("NQ306", 5)], False),
    ("quarter-5", edit("quarter: 2025Q1", "quarter: 2025Q5"), [("NQ307", 3)], False),
]


@pytest.mark.parametrize(("content", "expected", "usable"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(tmp_path: Path, content: str | bytes, expected: list[tuple[str, int]], usable: bool) -> None:
    root = make_repo(tmp_path)
    write_note(root, content)
    before = tree_digest(root)
    start = time.perf_counter()
    repo = load_repository(root, TODAY)
    assert time.perf_counter() - start < 5
    assert [(f.code, f.line) for f in repo.findings] == expected
    assert {f.path for f in repo.findings} == {NOTE_PATH}
    (checked,) = repo.notes
    assert checked.valid is usable
    assert tree_digest(root) == before


def test_nfd_note_is_read_as_nfc(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    write_note(root, unicodedata.normalize("NFD", QLDT_NOTE))
    (checked,) = load_repository(root, TODAY).notes
    assert checked.note is not None
    assert checked.note.prepared_by == "Nguyễn Văn An"
    assert all(f.severity is Severity.WARNING for f in checked.findings)


def test_legacy_guess_is_named(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    for content, guess in ((legacy(TCVN3), "TCVN3 (ABC)"), (legacy(VNI), "VNI"), (cp1258(QLDT_NOTE), "Windows-1258")):
        write_note(root, content)
        (found,) = load_repository(root, TODAY).findings
        assert found.args["guess"] == guess


def test_unknown_key_says_did_you_mean(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    write_note(root, edit("submitted:", "sumbitted:"))
    (found,) = [f for f in load_repository(root, TODAY).findings if f.code == "NQ303"]
    assert found.severity is Severity.WARNING
    assert found.message() == (
        'Trường "sumbitted" không có trong mẫu ghi chú và sẽ bị bỏ qua. Có phải ý bạn là "submitted"?'
    )
    assert found.message("en") == 'Unknown field "sumbitted"; it is ignored. Did you mean "submitted"?'
    # beside the right key, the misspelt one is not told to become it
    write_note(root, edit("submitted:", "sumbitted: 2025-03-05\nsubmitted:"))
    (found,) = load_repository(root, TODAY).findings
    assert found.message() == 'Trường "sumbitted" không có trong mẫu ghi chú và sẽ bị bỏ qua.'


def test_fifty_megabytes_are_refused_quickly(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    with (root / NOTE_PATH).open("wb") as out:
        out.write(QLDT_NOTE.encode())
        out.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    repo = load_repository(root, TODAY)
    assert time.perf_counter() - start < 1
    assert [(f.code, f.line) for f in repo.findings] == [("NQ108", 1)]


def test_symlink_out_of_data(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "kho")
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY-----\n", encoding="utf-8")
    (root / NOTE_PATH).symlink_to(secret)
    before = tree_digest(tmp_path)
    repo = load_repository(root, TODAY)
    assert [(f.path, f.code, f.line) for f in repo.findings] == [(NOTE_PATH, "NQ109", 1)]
    assert "PRIVATE" not in repr(repo)
    assert tree_digest(tmp_path) == before


def test_symlinked_unit_folder_out_of_data(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "kho")
    outside = tmp_path / "ngoai"
    (root / "data" / "units" / "qldt").rename(outside)
    (outside / "2025Q1.md").write_text(QLDT_NOTE, encoding="utf-8")
    (root / "data" / "units" / "qldt").symlink_to(outside, target_is_directory=True)
    repo = load_repository(root, TODAY)
    assert [(f.path, f.code) for f in repo.findings] == [
        ("data/units/qldt", "NQ113"),
        ("data/units/qldt/unit.yaml", "NQ109"),
    ]
