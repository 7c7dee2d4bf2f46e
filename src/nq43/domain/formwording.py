"""The catalogue's words for a note written in the Word form (`nq43 new --docx`).

A few entries of the catalogue name what a clerk in Word never sees: YAML keys ("prepared_by", "tasks:"),
Markdown headings ("### Kết quả"), the file's lines. A finding on a form is said with the entry here instead,
same code and severity; load/notes.py gives its "field" argument as the form names it (the label, and "box":
where a clerk finds it, from load/formwords.py). Every other entry reads the same for both kinds of note.
"""

from __future__ import annotations

from nq43.domain.catalogue import CATALOGUE, Entry
from nq43.support.text import Text

FORM_SUFFIX = ".docx"  # a note written in the Word form: data/units/<unit>/<quarter>.docx


def is_form_path(path: str) -> bool:
    return path.endswith(FORM_SUFFIX)


_NEW_FORM = Text(
    "hoặc tạo biểu mẫu mới bằng nq43 new --docx và chép nội dung sang",
    "or make a new form with nq43 new --docx and copy the text into it",
)

# fmt: off
_ROWS: list[tuple[str, str, str, str, str]] = [
    ("NQ205", "Mã \"{key}\" có hai dòng trong bảng nhiệm vụ (hoặc hai lần trong ô Chỉ tiêu).",
     "Id \"{key}\" has two rows in the task table (or appears twice in the Chỉ tiêu cell).",
     "Giữ một dòng, xoá dòng lặp lại.", "Keep one row and delete the repeated one."),
    ("NQ301", "Thiếu ô \"{field}\".", "The \"{field}\" box is missing.",
     "Điền {box}; " + _NEW_FORM.vi + ".", "Fill in {box}; " + _NEW_FORM.en + "."),
    ("NQ302", "Ô \"{field}\" phải là {expected}, ở đây là {found}.", "\"{field}\" must be {expected_en}, found {found}.",
     "Ghi vào {box} chỉ một số bằng chữ số, ví dụ 75 hoặc 72,5 (dấu % được bỏ qua); không ghi bằng chữ.",
     "Write in {box} just a number in digits, e.g. 75 or 72,5 (a % sign is ignored), not in words."),
    ("NQ304", "Trạng thái \"{value}\" không có trong danh sách.", "Status \"{value}\" is not in the list.",
     "Bấm vào ô Trạng thái của nhiệm vụ và chọn một trong danh sách: {labels}.",
     "Click the task's Trạng thái cell and pick one from the list: {labels}."),
    ("NQ305", "Giá trị {value} của ô \"{field}\" nằm ngoài khoảng cho phép ({range}).",
     "Value {value} in \"{field}\" is out of range ({range}).",
     "Ghi vào {box} một số trong khoảng {range}.", "Write in {box} a number within {range}."),
    ("NQ306", "Ngày \"{value}\" ở ô \"{field}\" không có thật hoặc sai dạng.",
     "Date \"{value}\" in \"{field}\" does not exist or is malformed.",
     "Ghi vào {box} ngày dạng ngày/tháng/năm, ví dụ 08/06/2025 (hoặc 8/6/2025).",
     "Write in {box} the date as day/month/year, e.g. 08/06/2025 (or 8/6/2025)."),
    ("NQ307", "Quý \"{value}\" ở đầu biểu mẫu không hợp lệ.", "Quarter \"{value}\" at the top of the form is not valid.",
     "Ghi vào ô Quý ở đầu biểu mẫu dạng NĂMQsố, ví dụ 2025Q2, " + _NEW_FORM.vi + ".",
     "Write in the Quý box at the top of the form e.g. 2025Q2, " + _NEW_FORM.en + "."),
    ("NQ308", "Ô \"{field}\" để trống.", "The \"{field}\" box is empty.",
     "Điền {box}.", "Fill in {box}."),
    ("NQ309", "Mã \"{value}\" ở ô \"{field}\" sai dạng.", "Id \"{value}\" in \"{field}\" is malformed.",
     "Ghi lại {box} như biểu mẫu nq43 new --docx đã ghi.", "Write {box} again as the form from nq43 new --docx had it."),
    ("NQ402", "Biểu mẫu ghi đơn vị \"{unit}\" nhưng nằm trong thư mục của đơn vị \"{folder}\".",
     "The form says unit \"{unit}\" but sits in the folder of unit \"{folder}\".",
     "Tải biểu mẫu lên thư mục data/units/{unit}/, hoặc sửa ô Đơn vị ở đầu biểu mẫu thành ({folder}).",
     "Upload the form to data/units/{unit}/, or set the Đơn vị box at the top of the form to ({folder})."),
    ("NQ403", "Tên tệp \"{name}\" không khớp quý \"{quarter}\" ghi ở ô Quý.",
     "File name \"{name}\" does not match quarter \"{quarter}\" in the Quý box.",
     "Đặt tên tệp là {quarter}.docx, hoặc sửa ô Quý ở đầu biểu mẫu.",
     "Name the file {quarter}.docx, or fix the Quý box at the top of the form."),
    ("NQ405", "Bảng nhiệm vụ không có dòng của nhiệm vụ {task}.", "The task table has no row for task {task}.",
     "Thêm lại dòng: ghi {task} ở cột Mã và chọn ô Trạng thái, " + _NEW_FORM.vi + ".",
     "Add the row again: {task} in the Mã column and a Trạng thái, " + _NEW_FORM.en + "."),
    ("NQ409", "Nhiệm vụ {task} chọn \"Đã hoàn thành\" nhưng cột Tiến độ (%) chỉ ghi {progress}.",
     "Task {task} is marked \"Đã hoàn thành\" but its Tiến độ (%) is only {progress}.",
     "Ghi 100 ở cột Tiến độ (%), hoặc chọn Trạng thái \"Đang thực hiện\".",
     "Write 100 in Tiến độ (%), or choose the status \"Đang thực hiện\"."),
    ("NQ501", "Phần B của biểu mẫu thiếu đề mục của nhiệm vụ {task}.",
     "Part B of the form has no heading for task {task}.",
     "Thêm đề mục \"{task}. {title}\" (kiểu Heading 2) và dưới nó đề mục \"Kết quả\" (kiểu Heading 3), "
     + _NEW_FORM.vi + ".",
     "Add the heading \"{task}. {title}\" (style Heading 2) with \"Kết quả\" (style Heading 3) under it, "
     + _NEW_FORM.en + "."),
    ("NQ502", "Đề mục \"{task}\" không ứng với nhiệm vụ nào của đơn vị {unit}.{suggestion}",
     "Heading \"{task}\" matches none of unit {unit}'s tasks.{suggestion_en}",
     "Nhiệm vụ của đơn vị: {known}.", "The unit's tasks: {known}."),
    ("NQ503", "Nhiệm vụ {task} thiếu đề mục \"Kết quả\".", "Task {task} has no \"Kết quả\" heading.",
     "Thêm đề mục \"Kết quả\" (kiểu Heading 3) ngay dưới đề mục của nhiệm vụ và ghi kết quả bên dưới.",
     "Add the heading \"Kết quả\" (style Heading 3) under the task's heading and write the results below it."),
    ("NQ504", "Mục \"Kết quả\" của nhiệm vụ {task} chưa ghi gì (dòng gợi ý màu xám không được tính).",
     "\"Kết quả\" of task {task} is empty (the grey hint line does not count).",
     "Gõ kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành) dưới dòng gợi ý màu xám.",
     "Type the quarter's results below the grey hint line."),
    ("NQ505", "Đề mục của nhiệm vụ {task} có hai lần.", "Task {task}'s heading appears twice.",
     "Gộp hai phần thành một, xoá đề mục lặp lại.", "Merge the two parts and delete the repeated heading."),
    ("NQ506", "Đề mục \"{heading}\" (kiểu Heading 2) không đúng mẫu.", "Heading \"{heading}\" (style Heading 2) is not recognised.",
     "Đề mục kiểu Heading 2 có dạng \"2.1. Tên nhiệm vụ\" hoặc \"Nhiệm vụ trọng tâm quý tới\"; đoạn văn thường thì chọn kiểu Normal.",
     "Heading 2 paragraphs are \"2.1. Task title\" or \"Nhiệm vụ trọng tâm quý tới\"; give ordinary text the Normal style."),
    ("NQ507", "Đề mục \"{heading}\" (kiểu Heading 3) không có trong mẫu; nội dung vẫn được đưa vào phần kết quả.{suggestion}",
     "Heading \"{heading}\" (style Heading 3) is not in the form; its text is kept with the results.{suggestion_en}",
     "Đề mục kiểu Heading 3 là \"Kết quả\", \"Khó khăn, vướng mắc\" hoặc \"Kiến nghị, đề xuất\"; đoạn văn thường thì chọn kiểu Normal.",
     "Heading 3 paragraphs are \"Kết quả\", \"Khó khăn, vướng mắc\" or \"Kiến nghị, đề xuất\"; give ordinary text the Normal style."),
    ("NQ804", "Báo cáo {quarter_label} đã phát hành (số {number}, ngày {issued}); biểu mẫu này chỉ được sửa khi ghi thêm một dòng vào bảng Đính chính (ngày và lý do sửa).",
     "The report for {quarter} was issued (number {number}, {issued}); this form may only change with a new row in its Đính chính table (the date and the reason).",
     "Ghi vào bảng Đính chính ở cuối biểu mẫu một dòng mới: ngày sửa (ví dụ {today}) và lý do sửa; giữ nguyên các dòng cũ.",
     "Add a new row to the Đính chính table at the end of the form: the date (e.g. {today}) and the reason; keep earlier rows."),
    ("NQ812", "Báo cáo {quarter_label} đã phát hành (số {number}, ngày {issued}) khi chưa có ghi chú này; biểu mẫu nộp sau khi phát hành phải ghi bảng Đính chính (ngày và lý do nộp bổ sung).",
     "The report for {quarter} was issued (number {number}, {issued}) without this note; a form sent after issue needs a row in its Đính chính table (the date and the reason).",
     "Ghi vào bảng Đính chính ở cuối biểu mẫu: ngày {today}, lý do \"Nộp bổ sung sau khi báo cáo đã phát hành\".",
     "In the Đính chính table at the end of the form write: {today}, \"sent after the report was issued\"."),
    ("NQ813", "Báo cáo {quarter_label} đã phát hành (số {number}, ngày {issued}); dòng mới trong bảng Đính chính có ngày không đọc được nên chưa được tính.",
     "The report for {quarter} was issued (number {number}, {issued}); the new row of the Đính chính table has a date that cannot be read, so it does not count.",
     "Ghi ngày dạng ngày/tháng/năm, ví dụ 08/06/2025, ở cột Ngày đính chính; giữ nguyên các dòng cũ.",
     "Write the date as day/month/year, e.g. 08/06/2025, in the Ngày đính chính column; keep earlier rows."),
    ("NQ904", "Biểu mẫu đã thay đổi sau khi báo cáo {quarter} được ban hành (số {number}) mà không ghi bảng Đính chính.",
     "The form changed after the {quarter} report was issued (number {number}) without a row in its Đính chính table.",
     "Ghi vào bảng Đính chính ở cuối biểu mẫu ngày và lý do sửa; báo cáo sẽ liệt kê đính chính.",
     "Add the date and the reason to the form's Đính chính table; the report lists it as an erratum."),
    ("NQ509", "Đề mục \"{heading}\" của nhiệm vụ {task} có hai lần.", "Heading \"{heading}\" of task {task} appears twice.",
     "Gộp hai phần thành một, xoá đề mục lặp lại.", "Merge the two parts and delete the repeated heading."),
]
# fmt: on

FORM_WORDING: dict[str, Entry] = {
    code: Entry(CATALOGUE[code].severity, Text(vi, en), Text(fix_vi, fix_en)) for code, vi, en, fix_vi, fix_en in _ROWS
}
