"""The words of the Word form for a quarterly note, shared by its writer and its reader.

The form (`nq43 new --docx`) is read back by these words, never by positions: the header table by the labels
in its first column, the task table by its column headings, the hint lines by their text. Changing a word here
changes both the forms written from now on and what is recognised when reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from nq43.domain.vocabulary import Status
from nq43.support.text import Text
from nq43.support.vietnamese import slug

# The header table: label in the first column -> the front matter field of its value.
HEADER: dict[str, str] = {
    "Đơn vị": "unit",
    "Quý": "quarter",
    "Người lập": "prepared_by",
    "Người duyệt": "approved_by",
    "Ngày gửi": "submitted",
}
# The task table: column heading -> what the column holds.
ID, TITLE, STATUS, PROGRESS, COMPLETED, INDICATORS = (
    "Mã",
    "Nhiệm vụ",
    "Trạng thái",
    "Tiến độ (%)",
    "Ngày hoàn thành",
    "Chỉ tiêu",
)
COLUMNS = (ID, TITLE, STATUS, PROGRESS, COMPLETED, INDICATORS)
# The task table's columns that give a field of the task in the front matter ("tasks: 2.1: status: ...").
TASK_FIELDS: dict[str, str] = {STATUS: "status", PROGRESS: "progress", COMPLETED: "completed", INDICATORS: "indicators"}

# The corrections block at the end of the form (filled only to correct a note after its report was issued):
# a table of the column headings below, each row one entry of the front matter's "amends:".
AMENDS_HEADING = "Đính chính"
AMEND_DATE, AMEND_REASON = "Ngày đính chính", "Lý do đính chính"
AMEND_FIELDS: dict[str, str] = {AMEND_DATE: "date", AMEND_REASON: "reason"}
# The reason a form made after its quarter's report was issued gives in that table (NQ812's words)
LATE_REASON = "Nộp bổ sung sau khi báo cáo đã phát hành"

# Paragraph and table styles of the form (the clerk's text keeps the look of the style, not of direct formatting)
HINT_STYLE = "Gợi ý biểu mẫu"
TABLE_STYLE = "Bảng biểu mẫu"

TITLE_TEXT = "GHI CHÚ BÁO CÁO QUÝ {quarter}"
PART_TASKS = "A. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ"
PART_BODY = "B. KẾT QUẢ, KHÓ KHĂN VÀ KIẾN NGHỊ THEO TỪNG NHIỆM VỤ"
PART_AMENDS = "C. ĐÍNH CHÍNH SAU KHI BÁO CÁO ĐÃ PHÁT HÀNH"

# Grey lines that tell the clerk what to write; a paragraph with exactly this text is never read as content.
HINT_HEADER = "Điền họ tên người lập, người duyệt; ghi ngày gửi (ngày/tháng/năm) khi gửi."
HINT_TASKS = (
    "Chọn trạng thái trong danh sách của ô Trạng thái; ghi tiến độ bằng số (0–100); "
    "ghi ngày hoàn thành (ngày/tháng/năm) khi nhiệm vụ đã hoàn thành; "
    "ghi số liệu chỉ tiêu sau dấu hai chấm."
)
HINT_RESULTS = "Kết quả thực hiện trong quý: việc đã làm, số liệu, văn bản đã ban hành."
HINT_DIFFICULTIES = "Khó khăn, vướng mắc (nếu có); để trống nếu không có."
HINT_PROPOSALS = "Kiến nghị, đề xuất (nếu có); để trống nếu không có."
HINT_NEXT = "Những việc đơn vị sẽ tập trung làm trong quý tới."
HINT_AMENDS = (
    "Chỉ ghi khi sửa ghi chú sau khi báo cáo quý đã phát hành: ngày sửa (ngày/tháng/năm) và lý do sửa; "
    "mỗi lần sửa thêm một dòng, giữ các dòng cũ."
)
HINT_CARRIED = "Trạng thái, tiến độ và chỉ tiêu chép từ ghi chú quý {quarter}: sửa theo thực tế quý này."
HINTS = (HINT_HEADER, HINT_TASKS, HINT_RESULTS, HINT_DIFFICULTIES, HINT_PROPOSALS, HINT_NEXT, HINT_AMENDS)


def is_hint(text: str) -> bool:
    """A hint line of the form, as written (or carried forward from any quarter)."""
    stripped = text.strip()
    carried = HINT_CARRIED.split("{quarter}")
    return stripped in HINTS or (stripped.startswith(carried[0]) and stripped.endswith(carried[1]))


def header_field(label: str) -> str | None:
    """The front matter field of a header table label ("Người lập", "người lập:")."""
    wanted = slug(label)
    return next((field for name, field in HEADER.items() if slug(name) == wanted), None)


def column_of(heading: str) -> str | None:
    """The task table column a heading names ("Trạng thái", "TRẠNG THÁI")."""
    wanted = slug(heading)
    return next((name for name in COLUMNS if slug(name) == wanted), None)


def amend_column_of(heading: str) -> str | None:
    """The corrections table column a heading names ("Ngày đính chính", "lý do đính chính")."""
    wanted = slug(heading)
    return next((name for name in AMEND_FIELDS if slug(name) == wanted), None)


def field_words(field: str) -> tuple[Text, Text] | None:
    """A front matter field ("prepared_by", "tasks.2.4.progress", "amends.0.date") as the form names it, and
    the box where a clerk finds it ("ô Người lập ở đầu biểu mẫu"); None for a field the form has no box for."""
    header = {name: label for label, name in HEADER.items()}
    columns = {name: column for column, name in TASK_FIELDS.items()}
    amends = {name: column for column, name in AMEND_FIELDS.items()}
    if field in header:
        label = header[field]
        return Text(label, label), Text(f"ô {label} ở đầu biểu mẫu", f"the {label} box at the top of the form")
    head, _, leaf = field.rpartition(".")
    if field.startswith("tasks.") and leaf in columns:
        column, task = columns[leaf], head.removeprefix("tasks.")
        return Text(column, column), Text(
            f"cột {column} ở dòng nhiệm vụ {task} của bảng nhiệm vụ", f"the {column} column of task {task}'s row"
        )
    if field.startswith("tasks.") and ".indicators." in field:
        task, indicator = field.removeprefix("tasks.").split(".indicators.", 1)
        return Text(f"{INDICATORS} [{indicator}]", f"{INDICATORS} [{indicator}]"), Text(
            f"ô {INDICATORS} ở dòng nhiệm vụ {task}, sau dấu hai chấm của [{indicator}]",
            f"the {INDICATORS} cell of task {task}'s row, after the colon of [{indicator}]",
        )
    if field.startswith("amends.") and leaf in amends:
        column = amends[leaf]
        return Text(column, column), Text(
            f"cột {column} của bảng {AMENDS_HEADING} ở cuối biểu mẫu",
            f"the {column} column of the {AMENDS_HEADING} table at the end of the form",
        )
    return None


def form_args(args: Mapping[str, object]) -> dict[str, object]:
    """A finding's arguments with its "field" named as the form names it, and "box" where it is."""
    said = dict(args)
    field = args.get("field")
    words = field_words(field) if isinstance(field, str) else None
    if words is not None:
        said["field"], said["box"] = words
        said["yaml_field"] = field  # the front matter's name, for the checks that look at which field it was
    said.setdefault("box", Text("ô này", "this box"))
    said["labels"] = ", ".join(status.label.vi for status in Status)
    return said


def indicator_line(name: str, measure: str, indicator_id: str, value: str) -> str:
    """One indicator in the task table's cell: "Tỷ lệ lấp đầy (%) [ty-le-lap-day]: 72,5"."""
    return f"{name} ({measure}) [{indicator_id}]: {value}"


class Place(NamedTuple):
    """Where a line of the note read out of a form is in the form: the block (paragraph or table, counted from
    1 in the document's order) and the place in words."""

    block: int
    text: Text


def header_place(block: int, label: str) -> Place:
    return Place(block, Text(f"phần thông tin chung, dòng {label}", f"header table, row {label}"))


def task_place(block: int, row: int, task: str, column: str = "") -> Place:
    vi = f"bảng nhiệm vụ, dòng {row} (nhiệm vụ {task})" + (f", cột {column}" if column else "")
    en = f"task table, row {row} (task {task})" + (f", column {column}" if column else "")
    return Place(block, Text(vi, en))


def amends_place(block: int, row: int, column: str = "") -> Place:
    vi = f"bảng {AMENDS_HEADING}, dòng {row}" + (f", cột {column}" if column else "")
    en = f"{AMENDS_HEADING} table, row {row}" + (f", column {column}" if column else "")
    return Place(block, Text(vi, en))


def table_place(block: int) -> Place:
    return Place(block, Text("bảng nhiệm vụ", "task table"))


def section_place(block: int, heading: str, part: str = "") -> Place:
    """ "mục 2.1 › Kết quả": the task's heading (its id, or the whole heading) and the part under it."""
    words = heading.split(" ", 1)[0].rstrip(".") if heading[:1].isdigit() else heading
    tail = f" › {part}" if part else ""
    return Place(block, Text(f"mục {words}{tail}", f"section {words}{tail}"))


def start_place(block: int) -> Place:
    return Place(
        block, Text("phần đầu biểu mẫu, trước mục nhiệm vụ đầu tiên", "top of the form, before the first task")
    )
