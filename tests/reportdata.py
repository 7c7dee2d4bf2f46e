"""Test data for the report's tests: a copy of the shipped directive and units, and notes written here."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from nq43.domain.records import Directive
from nq43.load.directive import load_directive

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2025, 3, 12)
REPORT_DATE = date(2025, 3, 10)

_RESULTS = {
    0: "Đã **hoàn thành** việc phổ biến tới *toàn thể* cán bộ; chi tiết tại [Cổng TTĐT](https://bqlkkt.haiphong.gov.vn/tin-tuc).\n\n"
    "- Tổ chức 02 hội nghị quán triệt;\n- Đăng tải 05 tin bài, thu hút 21.914 lượt xem.",
    1: "Phối hợp các Bộ, ngành Trung ương hoàn thiện hồ sơ:\n\n"
    "| Khu công nghiệp | Diện tích (ha) | Tình trạng |\n|---|---:|---|\n"
    "| KCN Tràng Duệ 3 | 687 | Trình Thủ tướng |\n| KCN Nam Tràng Cát | 200,4 | Thẩm định |",
    2: "Tỷ lệ lấp đầy bình quân đạt 72,5%; cấp mới 12 dự án thứ cấp.\n\n1. Rà soát 14 KCN;\n2. Đôn đốc 05 chủ đầu tư.",
}


def directive() -> Directive:
    loaded, findings = load_directive(REPO)
    assert loaded is not None, findings
    return loaded


SIGNED_LETTER = {'number: "/BQL-VP"': 'number: "125/BQL-VP"', "ngày    tháng 9": "ngày 20 tháng 9"}


def make_repo(
    tmp_path: Path,
    notes: Mapping[str, str] | None = None,
    *,
    signed: bool = False,
    deadlines: Mapping[str, str] | None = None,
) -> Path:
    """A repository in tmp_path with the shipped directive and units and the given notes (path -> text); with
    `signed`, the cited letter has the number and the day the shipped draft leaves blank (so it can be issued);
    `deadlines` gives some tasks a deadline (task id -> "YYYY-MM-DD"; the shipped letter sets none)."""
    root = tmp_path / "repo"
    (root / "data" / "units").mkdir(parents=True)
    text = (REPO / "data" / "directive.yaml").read_text(encoding="utf-8")
    for blank, filled in SIGNED_LETTER.items() if signed else ():
        assert text.count(blank) == 1, blank
        text = text.replace(blank, filled)
    for task, deadline in (deadlines or {}).items():
        line = f'  - id: "{task}"\n'
        assert text.count(line) == 1, task
        text = text.replace(line, f"{line}    deadline: {deadline}\n")
    (root / "data" / "directive.yaml").write_text(text, encoding="utf-8")
    for unit in (REPO / "data" / "units").iterdir():
        (root / "data" / "units" / unit.name).mkdir()
        shutil.copy(unit / "unit.yaml", root / "data" / "units" / unit.name / "unit.yaml")
    for path, text in (notes or {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def note(
    unit: str,
    quarter: str = "2025Q1",
    *,
    sample: bool = False,
    submitted: str = "2025-03-05",
    results: Mapping[str, str] | None = None,
    statuses: Mapping[str, str] | None = None,
    difficulties: Mapping[str, str] | None = None,
    proposals: Mapping[str, str] | None = None,
    next_quarter: str = "Tiếp tục đôn đốc, hoàn thành các nhiệm vụ còn lại.",
    indicators: Mapping[str, Mapping[str, float]] | None = None,
    amends: str = "",
) -> str:
    """A valid note of `unit` for `quarter`, with realistic Markdown; any part can be replaced."""
    tasks = directive().tasks_of(unit)
    lines = ["---", f"unit: {unit}", f"quarter: {quarter}", "prepared_by: Nguyễn Thị Lan", f"submitted: {submitted}"]
    if sample:
        lines.append("sample: true")
    if amends:
        lines += ["amends:", "  - date: 2025-03-20", f'    reason: "{amends}"']
    lines.append("tasks:")
    for index, task in enumerate(tasks):
        status = (statuses or {}).get(task.id) or ("thuong-xuyen" if task.recurring else "dang-thuc-hien")
        lines += [f'  "{task.id}":', f"    status: {status}"]
        if status == "dang-thuc-hien":
            lines.append(f"    progress: {60 + index * 5}")
        if status == "hoan-thanh":
            lines.append("    progress: 100")
        values = (indicators or {}).get(task.id)
        if values:
            lines.append("    indicators:")
            lines += [f"      {key}: {value}" for key, value in values.items()]
    lines += ["---", ""]
    for index, task in enumerate(tasks):
        text = (results or {}).get(task.id) or _RESULTS[index % len(_RESULTS)]
        lines += [f"## {task.id}. {task.title}", "", "### Kết quả", "", text, ""]
        if (difficulties or {}).get(task.id):
            lines += ["### Khó khăn, vướng mắc", "", difficulties[task.id], ""]  # type: ignore[index]
        if (proposals or {}).get(task.id):
            lines += ["### Kiến nghị, đề xuất", "", proposals[task.id], ""]  # type: ignore[index]
    if next_quarter:
        lines += ["## Nhiệm vụ trọng tâm quý tới", "", next_quarter, ""]
    return "\n".join(lines)


def full_notes(quarter: str = "2025Q1", *, skip: tuple[str, ...] = (), **options: object) -> dict[str, str]:
    """A note for every unit but those in `skip`."""
    return {
        f"data/units/{u.id}/{quarter}.md": note(u.id, quarter, **options)  # type: ignore[arg-type]
        for u in directive().units
        if u.id not in skip
    }
