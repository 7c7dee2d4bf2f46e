"""The skeleton of a unit's quarterly note (`nq43 new`): front matter and headings, ready to fill in."""

from __future__ import annotations

from datetime import date

from nq43.domain.records import Directive, Quarter, Unit
from nq43.domain.vocabulary import Status
from nq43.load.notes import DIFFICULTIES, NEXT_QUARTER_HEADING, PROPOSALS, RESULTS


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def skeleton(directive: Directive, unit: Unit, quarter: Quarter, today: date, prepared_by: str = "") -> str:
    """Markdown with YAML front matter listing every task of `unit`, each with the headings the format asks."""
    tasks = directive.tasks_of(unit.id)
    choices = " | ".join(s.value for s in Status)
    lines = [
        "---",
        f"# Ghi chú quý của {unit.name}: điền các trường dưới đây, rồi viết nội dung từng nhiệm vụ.",
        "# Hướng dẫn: docs/ghi-chu-quy.md. Kiểm tra: nq43 validate " + f"data/units/{unit.id}/{quarter}.md",
        f"unit: {unit.id}",
        f"quarter: {quarter}",
        f"prepared_by: {_quoted(prepared_by)}  # họ tên người soạn",
        f"submitted: {today.isoformat()}  # ngày nộp",
        "tasks:",
    ]
    for task in tasks:
        status = Status.RECURRING if task.recurring else Status.IN_PROGRESS
        lines += [
            f"  {_quoted(task.id)}:",
            f"    status: {status}  # {choices}",
        ]
        if not task.recurring:
            lines.append("    progress: 0  # tiến độ, phần trăm")
        indicators = directive.indicators_of(task.id)
        if indicators:
            lines.append("    # indicators:  # chỉ tiêu: bỏ dấu # ở đầu dòng này và dòng chỉ tiêu, ghi số liệu của quý")
            lines += [f"    #   {i.id}: 0  # {i.name} ({i.measure})" for i in indicators]
    lines += ["---", ""]
    for task in tasks:
        lines += [
            f"## {task.id}. {task.title}",
            "",
            f"### {RESULTS}",
            "",
            "<!-- Kết quả thực hiện trong quý: việc đã làm, số liệu, văn bản đã ban hành. -->",
            "",
            f"### {DIFFICULTIES}",
            "",
            f"### {PROPOSALS}",
            "",
        ]
    lines += [f"## {NEXT_QUARTER_HEADING}", "", "<!-- Những việc đơn vị sẽ tập trung làm trong quý tới. -->", ""]
    return "\n".join(lines)
