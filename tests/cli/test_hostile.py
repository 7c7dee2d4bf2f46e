"""Hostile notes (tests/corpus/hostile/, with the findings each must produce in expected.json), and hostile
notes too big to commit, generated here: each is read and checked with precise findings, quickly, without an
exception, and nothing is written."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from notekit import NOTE_PATH, QLDT_NOTE, SHIPPED, TODAY, make_repo, tree_digest, write_note
from nq43.check.repository import load_repository
from nq43.cli.app import main
from nq43.load.limits import LIMITS

CORPUS = SHIPPED / "tests" / "corpus" / "hostile"
EXPECTED: dict[str, dict[str, Any]] = {
    name: entry
    for name, entry in json.loads((CORPUS / "expected.json").read_text(encoding="utf-8")).items()
    if name != "_"
}
RESULTS = "Đã rà soát tiến độ 14 khu công nghiệp; tỷ lệ lấp đầy bình quân đạt 72,5%."


def repository(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "kho")
    if (SHIPPED / "data" / "calendar.yaml").is_file():
        shutil.copy(SHIPPED / "data" / "calendar.yaml", root / "data" / "calendar.yaml")
    return root


def test_every_hostile_note_has_its_expectation() -> None:
    assert sorted(p.name for p in CORPUS.iterdir() if p.name != "expected.json") == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_note(tmp_path: Path, name: str) -> None:
    root = repository(tmp_path)
    shutil.copy(CORPUS / name, root / NOTE_PATH)
    before = tree_digest(root)
    start = time.perf_counter()
    repo = load_repository(root, TODAY)
    assert time.perf_counter() - start < 5
    assert [[f.code, f.line] for f in repo.findings] == EXPECTED[name]["findings"]
    (checked,) = repo.notes
    assert checked.valid is EXPECTED[name]["valid"]
    assert tree_digest(root) == before


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_note_through_the_commands(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("NQ43_ROOT", "NQ43_LANG", "NQ43_TODAY", "NQ43_DEBUG"):
        monkeypatch.delenv(variable, raising=False)
    root = repository(tmp_path)
    shutil.copy(CORPUS / name, root / NOTE_PATH)
    before = tree_digest(root)
    common = ["--root", str(root), "--today", "2025-04-01"]
    code = main(["validate", *common])
    out, err = capsys.readouterr()
    assert code == (0 if EXPECTED[name]["valid"] else 1)
    lines = out.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines if not line.startswith("    → ")] == [
        code for code, _ in EXPECTED[name]["findings"]
    ]
    assert all(line.startswith((NOTE_PATH, "    → ")) for line in lines)
    assert "\x1b" not in out + err
    code = main(["status", "--quarter", "2025Q1", "--format", "json", *common])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)
    assert "Lỗi nội bộ" not in err
    out_dir = tmp_path / "bao-cao"
    code = main(["report", "--quarter", "2025Q1", "--allow-invalid", "--out", str(out_dir), *common])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Lỗi nội bộ" not in err
    assert (out_dir / "bao-cao-2025Q1.docx").stat().st_size > 0
    report_md = (out_dir / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    # an invalid note that could still be read is named as left out; a valid one is not
    named = "chưa được tổng hợp vào báo cáo này" in report_md
    assert not (EXPECTED[name]["valid"] and named)
    assert tree_digest(root) == before


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("jinja.md", "{{ config.items() }} {% include '/etc/passwd' %} {# chú thích #}"),
        ("html-xml.md", "<w:p><w:r><w:t>Chèn vào Word</w:t></w:r></w:p>"),
        ("links.md", "[mật khẩu](../../../../etc/passwd), ![ảnh](../../../../etc/shadow)"),
    ],
)
def test_markup_in_a_note_is_kept_as_written_text(tmp_path: Path, name: str, text: str) -> None:
    root = repository(tmp_path)
    shutil.copy(CORPUS / name, root / NOTE_PATH)
    (checked,) = load_repository(root, TODAY).notes
    assert checked.note is not None
    section = checked.note.section("2.1")
    assert section is not None
    assert text in section.results
    assert section.results.startswith(RESULTS)


def test_fake_sections_inside_code_blocks_stay_in_their_section(tmp_path: Path) -> None:
    root = repository(tmp_path)
    shutil.copy(CORPUS / "section-injection.md", root / NOTE_PATH)
    (checked,) = load_repository(root, TODAY).notes
    assert checked.note is not None
    assert [s.task for s in checked.note.sections] == ["2.1", "2.2", "2.3", "2.4", "3.1"]
    first = checked.note.section("2.1")
    assert first is not None
    assert "## 2.2. Mục giả trong khối mã" in first.results
    second = checked.note.section("2.2")
    assert second is not None
    assert "Mục giả" not in second.results


# --- too big to commit: generated at test time ---


def hundred_thousand_tasks_block() -> str:
    tasks = "".join(f'  "{i // 1000 + 1}.{i % 1000 + 1}": {{status: hoan-thanh}}\n' for i in range(100_000))
    return QLDT_NOTE.replace("tasks:\n", "tasks:\n" + tasks)


def hundred_thousand_tasks_flow() -> str:
    tasks = ", ".join(f'"{i // 1000 + 1}.{i % 1000 + 1}": 0' for i in range(100_000))
    return QLDT_NOTE.replace("tasks:\n", "tasks: {" + tasks + "}\nx:\n")


def ten_thousand_line_table() -> str:
    return QLDT_NOTE.replace(RESULTS, RESULTS + "\n\n| KCN | Tỷ lệ |\n|---|---|\n" + "| KCN | 72,5% |\n" * 10_000)


def longest_allowed_table() -> str:
    rows = LIMITS["note"].lines - QLDT_NOTE.count("\n") - 3
    table = "| STT | Khu công nghiệp | Tỷ lệ |\n|---|---|---|\n" + "".join(
        f"| {i} | KCN {i} | {i % 100},5% |\n" for i in range(rows)
    )
    return QLDT_NOTE.replace(RESULTS, RESULTS + "\n" + table)


def brackets_paragraph() -> str:
    return QLDT_NOTE.replace(RESULTS, RESULTS + "\n\n" + "[" * 1_900_000)


def emphasis_paragraph() -> str:
    return QLDT_NOTE.replace(RESULTS, RESULTS + "\n\n" + "*a _" * 450_000)


def deep_dashes() -> str:
    return QLDT_NOTE.replace("tasks:\n", "x:\n  " + "- " * 100_000 + "y\ntasks:\n")


def many_sections() -> str:
    return QLDT_NOTE + "".join(f"\n## 9.{i}. Mục thừa\n\n### Kết quả\n\nx\n" for i in range(1, 801))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (hundred_thousand_tasks_block, [("NQ108", 1)]),
        (hundred_thousand_tasks_flow, [("NQ211", 6)]),
        (ten_thousand_line_table, [("NQ112", 1)]),
        (longest_allowed_table, []),
        (brackets_paragraph, []),
        (emphasis_paragraph, []),
        (deep_dashes, [("NQ209", 7)]),
        (many_sections, [("NQ502", 49 + 6 * i) for i in range(800)]),
    ],
    ids=lambda value: value.__name__ if callable(value) else "",
)
def test_big_hostile_note(tmp_path: Path, make: Callable[[], str], expected: list[tuple[str, int]]) -> None:
    root = make_repo(tmp_path)
    write_note(root, make())
    before = tree_digest(root)
    start = time.perf_counter()
    repo = load_repository(root, TODAY)
    elapsed = time.perf_counter() - start
    assert [(f.code, f.line) for f in repo.findings] == expected
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert tree_digest(root) == before
