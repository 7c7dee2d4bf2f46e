"""The catalogue of finding codes: severity, message and hint in Vietnamese and English.

Codes are stable: a code is never reused for another problem. `docs/ma-loi.md` lists them all, and a test
checks that every code here is documented there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from nq43.support.text import Lang, Text

# The kinds of YAML file nq43 reads: each has its schema (load/schemas/) and its limits (load/limits.py).
FileKind = Literal["note", "unit", "calendar", "directive"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A finding code's severity, its message and the line that says how to fix it."""

    severity: Literal["error", "warning"]
    text: Text
    fix: Text

    def message(self, lang: Lang, args: Mapping[str, object]) -> str:
        return self.text.format(lang, args)

    def hint_text(self, lang: Lang, args: Mapping[str, object]) -> str:
        return self.fix.format(lang, args)


E: Final = "error"
W: Final = "warning"

# fmt: off
_ROWS: list[tuple[str, Literal["error", "warning"], str, str, str, str]] = [
    # --- NQ1xx: the file itself (encoding, size, location) ---
    ("NQ101", E, "Không đọc được tệp: {reason}.", "Cannot read the file: {reason}.",
     "Kiểm tra tệp còn tồn tại và có quyền đọc.", "Check that the file exists and is readable."),
    ("NQ102", E, "Tệp không phải UTF-8 (byte 0x{byte} ở cột {column}); có vẻ là mã cũ {guess}.",
     "The file is not UTF-8 (byte 0x{byte} at column {column}); it looks like legacy {guess} text.",
     "Mở tệp bằng Unikey (Công cụ chuyển mã) chuyển sang \"Unicode dựng sẵn\", rồi lưu lại với mã UTF-8.",
     "Convert it to Unicode (e.g. Unikey's converter) and save it as UTF-8."),
    ("NQ103", E, "Tệp được lưu bằng mã UTF-16, không phải UTF-8.", "The file is UTF-16, not UTF-8.",
     "Trong trình soạn thảo chọn \"Lưu với mã hoá\" (Save with Encoding) → UTF-8.",
     "Save it again with the UTF-8 encoding."),
    ("NQ104", W, "Tệp bắt đầu bằng ký tự BOM của UTF-8; nq43 bỏ qua nó khi đọc.",
     "The file starts with a UTF-8 byte order mark; nq43 ignores it.",
     "Lưu lại với mã \"UTF-8\" (không BOM) để tránh lỗi ở các công cụ khác.",
     "Save as \"UTF-8\" without BOM to keep other tools happy."),
    ("NQ105", W, "Văn bản dùng chữ tổ hợp (Unicode NFD, thường do gõ trên macOS hoặc bảng mã \"Unicode tổ hợp\"); nq43 đã chuẩn hoá về dạng dựng sẵn (NFC) khi đọc.",
     "The text uses decomposed Unicode (NFD); nq43 normalised it to NFC when reading.",
     "Trong Unikey chọn bảng mã \"Unicode\" (dựng sẵn) thay cho \"Unicode tổ hợp\".",
     "Set your input method to precomposed Unicode."),
    ("NQ106", W, "Có ký tự điều khiển U+{codepoint} (thường do dán từ Word); ký tự này sẽ bị bỏ khỏi báo cáo.",
     "Control character U+{codepoint} (often pasted from Word); it will be dropped from the report.",
     "Xoá ký tự ẩn ở vị trí này, hoặc dán lại dưới dạng văn bản thuần (Ctrl+Shift+V).",
     "Delete the hidden character, or paste as plain text."),
    ("NQ107", W, "Có ký tự vô hình U+{codepoint} (độ rộng 0 hoặc đổi chiều chữ); ký tự này sẽ bị bỏ khỏi báo cáo.",
     "Invisible character U+{codepoint} (zero-width or direction control); it will be dropped from the report.",
     "Xoá ký tự ẩn ở vị trí này.", "Delete the hidden character."),
    ("NQ108", E, "Tệp quá lớn ({size} byte; giới hạn {limit} byte).", "The file is too large ({size} bytes; limit {limit}).",
     "{advice}", "{advice}"),  # the fix depends on the kind of file: LIMIT_ADVICE
    ("NQ109", E, "Tệp là liên kết (symlink) trỏ ra ngoài thư mục data/: {target}.",
     "The file is a symbolic link leading outside data/: {target}.",
     "Thay liên kết bằng chính tệp ghi chú.", "Replace the link with the note itself."),
    ("NQ110", W, "Văn bản có vẻ là chữ mã cũ (TCVN3/VNI) bị chuyển sai sang Unicode: \"{sample}\".",
     "The text looks like legacy (TCVN3/VNI) Vietnamese converted wrongly: \"{sample}\".",
     "Chuyển mã lại từ tệp gốc bằng Unikey (nguồn TCVN3 hoặc VNI, đích Unicode).",
     "Convert the original again from TCVN3/VNI to Unicode."),
    ("NQ111", E, "Tệp không thuộc về nơi này: {reason}.", "This file does not belong here: {reason}.",
     "Thư mục của đơn vị chỉ chứa unit.yaml và các ghi chú quý tên dạng 2025Q1.md; gửi tài liệu khác qua Văn phòng.",
     "A unit folder holds only unit.yaml and notes named like 2025Q1.md."),
    ("NQ112", E, "Tệp quá dài ({lines} dòng; giới hạn {limit} dòng).",
     "The file is too long ({lines} lines; limit {limit}).",
     "{advice}", "{advice}"),  # the fix depends on the kind of file: LIMIT_ADVICE

    # --- NQ2xx: front matter and YAML ---
    ("NQ201", E, "Thiếu phần đầu (front matter) YAML: tệp phải bắt đầu bằng dòng \"---\".",
     "Missing YAML front matter: the file must start with a \"---\" line.",
     "Chạy \"nq43 new --unit <đơn vị> --quarter <quý>\" để tạo khung ghi chú đúng mẫu.",
     "Run \"nq43 new --unit <unit> --quarter <quarter>\" for a correct skeleton."),
    ("NQ202", E, "Phần đầu YAML mở ở dòng 1 nhưng không có dòng \"---\" đóng lại.",
     "The YAML front matter opened on line 1 is never closed by a \"---\" line.",
     "Thêm một dòng chỉ có \"---\" ngay sau khối thông tin, trước nội dung báo cáo.",
     "Add a line holding only \"---\" after the front matter."),
    ("NQ203", E, "{what} phải là một bảng khoá: giá trị (mapping), ở đây là {found}.",
     "{what} must be a mapping of keys to values, found {found}.",
     "Mỗi dòng có dạng \"khoá: giá trị\", ví dụ \"unit: qldt\".", "Write one \"key: value\" per line."),
    ("NQ204", E, "Lỗi cú pháp YAML: {problem}.", "YAML syntax error: {problem}.",
     "Kiểm tra dấu hai chấm, dấu nháy và thụt lề (dùng dấu cách) ở dòng này và dòng ngay trên.",
     "Check colons, quotes and indentation here and on the line above."),
    ("NQ205", E, "Khoá \"{key}\" xuất hiện hai lần (lần đầu ở dòng {first_line}); YAML sẽ lặng lẽ bỏ giá trị đầu.",
     "Key \"{key}\" appears twice (first on line {first_line}); YAML would silently drop the first value.",
     "Gộp hai mục thành một, hoặc sửa tên khoá bị gõ nhầm.", "Merge the two entries or fix the mistyped key."),
    ("NQ206", E, "Dòng thụt lề bằng dấu Tab; YAML chỉ chấp nhận dấu cách.",
     "The line is indented with a tab; YAML accepts only spaces.",
     "Thay dấu Tab bằng 2 dấu cách.", "Replace the tab with two spaces."),
    ("NQ207", E, "Thẻ YAML \"{tag}\" không được phép (có thể dùng để chạy mã).",
     "YAML tag \"{tag}\" is not allowed (tags can run code).",
     "Xoá phần bắt đầu bằng \"!\" và chỉ ghi giá trị.", "Remove the part starting with \"!\"."),
    ("NQ208", E, "Không dùng bí danh YAML (anchor \"&\"/alias \"*\") trong tệp này.",
     "YAML anchors and aliases (\"&\"/\"*\") are not allowed here.",
     "Viết đầy đủ giá trị thay cho \"*tên\".", "Write the value out in full."),
    ("NQ209", E, "Cấu trúc YAML lồng quá sâu (hơn {limit} cấp).", "The YAML nests too deeply (more than {limit} levels).",
     "Ghi chú chỉ cần tối đa vài cấp thụt lề; kiểm tra lại thụt lề.", "Notes need only a few levels."),
    ("NQ210", E, "Có nhiều hơn một tài liệu YAML trong phần đầu.", "More than one YAML document in the front matter.",
     "Chỉ giữ một khối giữa hai dòng \"---\".", "Keep a single block between the two \"---\" lines."),
    ("NQ211", E, "Phần YAML có quá nhiều giá trị (hơn {limit}).", "The YAML holds too many values (more than {limit}).",
     "{advice}", "{advice}"),  # the fix depends on the kind of file: LIMIT_ADVICE

    # --- NQ3xx: fields (the schema) ---
    ("NQ301", E, "Thiếu trường bắt buộc \"{field}\"{where}.", "Missing required field \"{field}\"{where}.",
     "Thêm dòng \"{field}: ...\"; xem docs/ghi-chu-quy.md.", "Add \"{field}: ...\"; see docs/ghi-chu-quy.md."),
    ("NQ302", E, "Trường \"{field}\" phải là {expected}, ở đây là {found}.",
     "Field \"{field}\" must be {expected_en}, found {found}.",
     "{example}", "{example}"),
    ("NQ303", W, "Trường \"{field}\" không có trong mẫu ghi chú và sẽ bị bỏ qua.{suggestion}",
     "Unknown field \"{field}\"; it is ignored.{suggestion_en}",
     "Xoá trường này hoặc sửa tên cho đúng mẫu.", "Remove it or correct its name."),
    ("NQ304", E, "Trạng thái \"{value}\" không hợp lệ.", "Status \"{value}\" is not valid.",
     "{suggestion}Chọn một trong: {choices}. Có từ yes/no thì đặt trong dấu nháy.",
     "{suggestion_en}Use one of: {codes}."),
    ("NQ305", E, "Giá trị {value} của \"{field}\" nằm ngoài khoảng cho phép ({range}).",
     "Value {value} of \"{field}\" is out of range ({range}).",
     "Ghi một số trong khoảng {range}.", "Give a number within {range}."),
    ("NQ306", E, "Ngày \"{value}\" của \"{field}\" không có thật hoặc sai dạng.",
     "Date \"{value}\" in \"{field}\" does not exist or is malformed.",
     "Ghi ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-08.", "Write dates as YYYY-MM-DD, e.g. 2025-03-08."),
    ("NQ307", E, "Quý \"{value}\" không hợp lệ.", "Quarter \"{value}\" is not valid.",
     "Ghi quý dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.", "Write quarters as YYYYQn with n from 1 to 4, e.g. 2025Q1."),
    ("NQ308", E, "Trường \"{field}\" để trống.", "Field \"{field}\" is empty.",
     "Điền nội dung cho trường này.", "Fill the field in."),
    ("NQ309", E, "Mã \"{value}\" của \"{field}\" sai dạng.", "Identifier \"{value}\" in \"{field}\" is malformed.",
     "{example}", "{example}"),

    # --- NQ4xx: cross-references ---
    ("NQ401", E, "Đơn vị \"{unit}\" không có trong công văn.{suggestion}", "Unit \"{unit}\" is not in the directive.{suggestion_en}",
     "Các mã đơn vị: {known}.", "Unit ids: {known}."),
    ("NQ402", E, "Ghi chú khai đơn vị \"{unit}\" nhưng nằm trong thư mục của đơn vị \"{folder}\".",
     "The note says unit \"{unit}\" but sits in the folder of unit \"{folder}\".",
     "Sửa \"unit: {folder}\" hoặc chuyển tệp sang data/units/{unit}/.", "Fix \"unit:\" or move the file."),
    ("NQ403", E, "Tên tệp \"{name}\" không khớp quý \"{quarter}\" khai trong ghi chú.",
     "File name \"{name}\" does not match the note's quarter \"{quarter}\".",
     "Đặt tên tệp là {quarter}.md, hoặc sửa trường quarter.", "Name the file {quarter}.md or fix \"quarter\"."),
    ("NQ404", E, "Nhiệm vụ \"{task}\" không phải nhiệm vụ của đơn vị {unit}.{suggestion}",
     "Task \"{task}\" is not one of unit {unit}'s tasks.{suggestion_en}",
     "Nhiệm vụ của đơn vị: {known}.", "The unit's tasks: {known}."),
    ("NQ405", E, "Thiếu trạng thái của nhiệm vụ {task} trong phần đầu (tasks).",
     "The front matter gives no status for task {task}.",
     "Thêm vào \"tasks:\" một mục \"\\\"{task}\\\": {{status: dang-thuc-hien}}\".",
     "Add \"{task}\" with a status under \"tasks:\"."),
    ("NQ406", E, "Chỉ tiêu \"{indicator}\" không có trong công văn.{suggestion}",
     "Indicator \"{indicator}\" is not in the directive.{suggestion_en}",
     "Chỉ tiêu của nhiệm vụ này: {known}.", "This task's indicators: {known}."),
    ("NQ407", E, "Ngày nộp {value} ở sau ngày hôm nay ({today}).", "Submission date {value} is after today ({today}).",
     "Ghi ngày thực nộp ghi chú.", "Give the date the note was actually submitted."),
    ("NQ408", E, "Ngày nộp {value} ở trước ngày bắt đầu quý {quarter} ({start}).",
     "Submission date {value} is before quarter {quarter} began ({start}).",
     "Kiểm tra lại ngày nộp hoặc quý.", "Check the date or the quarter."),
    ("NQ409", W, "Nhiệm vụ {task} báo \"đã hoàn thành\" nhưng tiến độ chỉ {progress}%.",
     "Task {task} is reported completed but progress is only {progress}%.",
     "Sửa tiến độ thành 100 hoặc đổi trạng thái thành dang-thuc-hien.", "Set progress to 100 or change the status."),
    ("NQ410", E, "Chỉ tiêu \"{indicator}\" thuộc nhiệm vụ {owner_task}, không phải nhiệm vụ {task}.",
     "Indicator \"{indicator}\" belongs to task {owner_task}, not {task}.",
     "Chuyển giá trị sang mục nhiệm vụ {owner_task}.", "Move the value under task {owner_task}."),
    ("NQ411", E, "Ngày hoàn thành {value} của nhiệm vụ {task} nằm sau ngày nộp ({submitted}).",
     "Completion date {value} of task {task} is after the submission date ({submitted}).",
     "Kiểm tra lại ngày hoàn thành.", "Check the completion date."),

    # --- NQ5xx: the body of the note ---
    ("NQ501", E, "Thiếu mục \"## {task}. ...\" cho nhiệm vụ {task} của đơn vị.",
     "No \"## {task}. ...\" section for the unit's task {task}.",
     "Thêm mục \"## {task}. {title}\" với tiểu mục \"### Kết quả\".", "Add \"## {task}. {title}\" with \"### Kết quả\"."),
    ("NQ502", E, "Mục \"## {task}\" không ứng với nhiệm vụ nào của đơn vị {unit}.{suggestion}",
     "Section \"## {task}\" matches none of unit {unit}'s tasks.{suggestion_en}",
     "Nhiệm vụ của đơn vị: {known}.", "The unit's tasks: {known}."),
    ("NQ503", E, "Mục nhiệm vụ {task} thiếu tiểu mục \"### Kết quả\".", "Task {task}'s section has no \"### Kết quả\".",
     "Thêm dòng \"### Kết quả\" và ghi kết quả thực hiện trong quý bên dưới.", "Add \"### Kết quả\" and the quarter's results."),
    ("NQ504", E, "Tiểu mục \"### Kết quả\" của nhiệm vụ {task} để trống.", "\"### Kết quả\" of task {task} is empty.",
     "Ghi kết quả thực hiện trong quý (việc đã làm, số liệu, văn bản đã ban hành).",
     "Write the quarter's results."),
    ("NQ505", E, "Mục nhiệm vụ {task} xuất hiện hai lần (lần đầu ở dòng {first_line}).",
     "Task {task}'s section appears twice (first on line {first_line}).",
     "Gộp hai mục thành một.", "Merge the two sections."),
    ("NQ506", E, "Tiêu đề \"## {heading}\" không đúng mẫu.", "Heading \"## {heading}\" is not recognised.",
     "Tiêu đề cấp 2 có dạng \"## 2.1. Tên nhiệm vụ\", hoặc \"## Nhiệm vụ trọng tâm quý tới\".",
     "Level-2 headings are \"## 2.1. Task title\" or \"## Nhiệm vụ trọng tâm quý tới\"."),
    ("NQ507", W, "Tiểu mục \"### {heading}\" không có trong mẫu; nội dung vẫn được đưa vào phần kết quả.{suggestion}",
     "Sub-section \"### {heading}\" is not in the format; its text is kept with the results.{suggestion_en}",
     "Tiểu mục hợp lệ: \"### Kết quả\", \"### Khó khăn, vướng mắc\", \"### Kiến nghị, đề xuất\".",
     "Valid sub-sections: \"### Kết quả\", \"### Khó khăn, vướng mắc\", \"### Kiến nghị, đề xuất\"."),
    ("NQ508", W, "Nội dung nằm ngoài mọi mục nhiệm vụ sẽ không được đưa vào báo cáo.",
     "Text outside any task section is left out of the report.",
     "Chuyển đoạn này vào mục nhiệm vụ tương ứng.", "Move it into the matching task's section."),
    ("NQ509", E, "Tiểu mục \"### {heading}\" của nhiệm vụ {task} xuất hiện hai lần.",
     "Sub-section \"### {heading}\" of task {task} appears twice.",
     "Gộp hai tiểu mục thành một.", "Merge the two sub-sections."),

    # --- NQ6xx: the directive and the units' files ---
    ("NQ601", E, "Mã \"{value}\" bị trùng (lần đầu ở dòng {first_line}).", "Duplicate id \"{value}\" (first on line {first_line}).",
     "Mỗi đơn vị, nhiệm vụ, chỉ tiêu phải có mã riêng.", "Each unit, task and indicator needs its own id."),
    ("NQ602", E, "\"{field}\" trỏ tới \"{value}\" không có trong công văn.", "\"{field}\" refers to unknown \"{value}\".",
     "Các mã hợp lệ: {known}.", "Valid ids: {known}."),
    ("NQ603", E, "Đơn vị \"{unit}\" có trong công văn nhưng thiếu tệp data/units/{unit}/unit.yaml.",
     "Unit \"{unit}\" is in the directive but data/units/{unit}/unit.yaml is missing.",
     "Tạo tệp unit.yaml cho đơn vị (xem docs/ghi-chu-quy.md).", "Create the unit's unit.yaml."),
    ("NQ604", E, "Thư mục data/units/{folder}/ không ứng với đơn vị nào trong công văn.",
     "Folder data/units/{folder}/ matches no unit of the directive.",
     "Đổi tên thư mục theo mã đơn vị ({known}) hoặc thêm đơn vị vào data/directive.yaml.",
     "Rename it to a unit id ({known}) or add the unit to the directive."),
    ("NQ605", E, "unit.yaml khai mã \"{unit}\" nhưng nằm trong thư mục \"{folder}\".",
     "unit.yaml says id \"{unit}\" but sits in folder \"{folder}\".",
     "Sửa \"id:\" cho khớp tên thư mục.", "Make \"id:\" match the folder name."),
    ("NQ606", E, "Không tìm thấy {what}.", "{what_en} was not found.",
     "Kiểm tra đường dẫn.", "Check the path."),

    # --- NQ7xx: the reporting calendar (data/calendar.yaml) and `nq43 status` ---
    ("NQ701", E, "Khoảng nghỉ kết thúc ({last}) trước khi bắt đầu ({first}).",
     "The days off end ({last}) before they begin ({first}).",
     "Sửa \"to:\" thành ngày cuối cùng được nghỉ, không sớm hơn \"from:\".",
     "Set \"to:\" to the last day off, not earlier than \"from:\"."),
    ("NQ702", E, "Ngày làm bù {day} lại nằm trong kỳ nghỉ \"{name}\".",
     "Working day {day} falls inside the days off \"{name}\".",
     "Kiểm tra lại thông báo lịch nghỉ: một ngày không thể vừa nghỉ vừa làm bù.",
     "Check the official holiday notice: a day cannot be both off and worked."),
    ("NQ703", E, "Gia hạn cho đơn vị \"{unit}\" không có trong công văn.",
     "Extension for unit \"{unit}\", which is not in the directive.",
     "Các mã đơn vị: {known}. Bỏ \"unit:\" nếu gia hạn cho mọi đơn vị.",
     "Unit ids: {known}. Leave \"unit:\" out to extend for every unit."),
    ("NQ704", E, "Quý {quarter} đã có một mục gia hạn cho \"{unit}\" (dòng {first_line}).",
     "Quarter {quarter} already has an extension for \"{unit}\" (line {first_line}).",
     "Giữ một mục gia hạn cho mỗi đơn vị và quý (\"*\" là mọi đơn vị); sửa ngày ở mục đó.",
     "Keep one extension per unit and quarter (\"*\" is every unit); change the date there."),
    ("NQ705", W, "Gia hạn quý {quarter} đến {until} không muộn hơn hạn nộp thường ({due}); mục này không có tác dụng.",
     "The extension of {quarter} to {until} is not later than the usual due date ({due}); it changes nothing.",
     "Kiểm tra ngày \"until:\" trong văn bản cho gia hạn.", "Check the \"until:\" date against the decision."),
    ("NQ706", W, "Lịch chưa có ngày nghỉ lễ, Tết của năm {year}; hạn nộp năm đó chỉ tính nghỉ cuối tuần.",
     "The calendar lists no public holidays for {year}; due dates that year skip weekends only.",
     "Thêm các ngày nghỉ năm {year} (theo thông báo của Bộ Nội vụ) vào mục \"days_off:\" của data/calendar.yaml.",
     "Add {year}'s days off (from the official notice) under \"days_off:\" in data/calendar.yaml."),
    ("NQ720", W, "Bản sao git nông (shallow) không cho biết ngày ghi chú được đưa vào nhánh; dùng ngày \"submitted\" ({submitted}).",
     "This shallow git clone cannot tell when the note landed on the branch; using its \"submitted\" date ({submitted}).",
     "Lấy đủ lịch sử bằng \"git fetch --unshallow\" (trong CI: actions/checkout với fetch-depth: 0).",
     "Fetch the full history with \"git fetch --unshallow\" (in CI: actions/checkout with fetch-depth: 0)."),
    ("NQ721", W, "Ghi chú mẫu (sample: true): tính theo ngày \"submitted\" ({submitted}), không theo ngày đưa vào git ({landed}).",
     "Sample note (sample: true): its \"submitted\" date ({submitted}) counts, not the date it landed in git ({landed}).",
     "Dữ liệu mẫu được đưa vào kho sau ngày ghi trên ghi chú; ghi chú thật sẽ tính theo lịch sử git.",
     "Sample data landed in git after its dates; real notes are dated from git history."),
    ("NQ722", W, "Ghi chú chưa được commit vào nhánh hiện tại; tạm tính theo ngày \"submitted\" ({submitted}).",
     "The note is not committed on the current branch; its \"submitted\" date ({submitted}) is used for now.",
     "Ghi chú chỉ được coi là đã nộp khi đã vào nhánh chính (pull request đã được duyệt).",
     "A note counts as submitted once it is on the main branch (pull request merged)."),
    ("NQ723", W, "Ngày đưa vào git ({landed}) khác ngày \"submitted\" ({submitted}) {days} ngày; tính theo ngày git.",
     "The date the note landed in git ({landed}) differs from its \"submitted\" date ({submitted}) by {days} days; the git date counts.",
     "Ghi \"submitted:\" là ngày thực nộp; nếu pull request chờ duyệt lâu, báo Văn phòng.",
     "Write the real submission date in \"submitted:\"; tell the Office if a pull request waited long."),
    ("NQ724", W, "Ghi chú được đưa vào git ngày {landed}, sau ngày xem xét ({today}); coi như chưa nộp vào ngày đó.",
     "The note landed in git on {landed}, after the day in view ({today}); it counts as not yet submitted then.",
     "Bỏ --today (hoặc NQ43_TODAY) để xem tình hình đến hôm nay.", "Drop --today (or NQ43_TODAY) to see things as of today."),
    # --- NQ8xx: submissions by pull request (nq43 check) and ownership (nq43 codeowners) ---
    ("NQ801", E, "Tệp thuộc thư mục của đơn vị {other}, nhưng pull request này nộp cho đơn vị {unit}; mỗi pull request chỉ được sửa thư mục của một đơn vị.",
     "This file is in the folder of unit {other}, but this pull request submits for unit {unit}; a pull request may change one unit's folder only.",
     "Bỏ thay đổi ở tệp này khỏi pull request (hoặc tách thành pull request riêng do đơn vị {other} nộp).",
     "Drop this file's change from the pull request, or submit it separately as unit {other}."),
    ("NQ802", E, "Tài khoản \"{actor}\" không có trong danh sách người nộp của đơn vị {unit} (data/units/{unit}/unit.yaml).",
     "Account \"{actor}\" is not among the submitters of unit {unit} (data/units/{unit}/unit.yaml).",
     "Nhờ người có tên trong danh sách nộp ({known}), hoặc đề nghị Văn phòng thêm tài khoản của bạn vào mục submitters của unit.yaml.",
     "Ask a listed submitter ({known}) to submit, or ask the Office to add your account to the unit's submitters."),
    ("NQ803", W, "Tài khoản \"{actor}\" của Văn phòng nộp thay đơn vị {unit}.",
     "Account \"{actor}\" of the Office submits on behalf of unit {unit}.",
     "Người duyệt xác nhận đơn vị {unit} đã đồng ý với nội dung trước khi gộp.",
     "The reviewer should confirm that unit {unit} agreed to the content before merging."),
    ("NQ804", E, "Báo cáo {quarter_label} đã phát hành (số {number}, ngày {issued}); ghi chú này chỉ được sửa khi thêm một mục mới vào \"amends:\" ghi ngày và lý do sửa.",
     "The report for {quarter} was issued (number {number}, {issued}); this note may only change with a new \"amends:\" entry giving the date and the reason.",
     "Thêm vào phần đầu:  amends: [{{date: {today}, reason: \"Sửa ... vì ...\"}}]  (nếu đã có amends: thì thêm một dòng mới, giữ các dòng cũ).",
     "Add to the front matter:  amends: [{{date: {today}, reason: \"what and why\"}}]  (keep any earlier entries)."),
    ("NQ805", E, "Mục đính chính ngày {value} ở trước ngày phát hành báo cáo ({issued}).",
     "The amendment dated {value} is before the report was issued ({issued}).",
     "Ghi ngày sửa thực tế (từ {issued} trở đi).", "Give the actual date of the change ({issued} or later)."),
    ("NQ806", E, "Mục đính chính ngày {value} ở sau ngày hôm nay ({today}).",
     "The amendment dated {value} is after today ({today}).",
     "Ghi ngày sửa thực tế.", "Give the actual date of the change."),
    ("NQ807", E, "Mục đính chính cũ (ngày {value}) đã bị xoá hoặc sửa; lịch sử đính chính chỉ được thêm, không được bớt.",
     "The earlier amendment (dated {value}) was removed or altered; amendments may only be added.",
     "Khôi phục nguyên văn mục cũ và thêm mục mới bên dưới.", "Restore the earlier entry as it was and add a new one below it."),
    ("NQ808", E, "Pull request xoá ghi chú đã nộp {file}; ghi chú là hồ sơ nên không được xoá.",
     "The pull request deletes the submitted note {file}; notes are records and are never deleted.",
     "Khôi phục tệp. Muốn rút hay sửa nội dung, hãy sửa ghi chú (kèm amends: nếu báo cáo đã phát hành) hoặc liên hệ Văn phòng.",
     "Restore the file. To withdraw or correct it, edit the note (with amends: when the report was issued) or contact the Office."),
    ("NQ809", W, "{file} không khớp với danh sách người nộp trong các tệp unit.yaml (đã cũ).",
     "{file} does not match the submitters in the unit.yaml files (it is stale).",
     "Chạy \"nq43 codeowners\" rồi commit tệp được cập nhật.", "Run \"nq43 codeowners\" and commit the updated file."),
    # --- NQ9xx: the consolidated report (nq43 report) ---
    ("NQ901", W, "Ghi chú không hợp lệ ({errors} lỗi) nên bị bỏ ra khỏi báo cáo (--allow-invalid); báo cáo ghi rõ điều này.",
     "The note is not valid ({errors} errors) and was left out of the report (--allow-invalid); the report says so.",
     "Chạy `nq43 validate {file}` để xem lỗi, sửa rồi lập lại báo cáo.",
     "Run `nq43 validate {file}` to see the errors, fix them and build the report again."),
    ("NQ902", W, "{unit} chưa có ghi chú quý {quarter}; báo cáo ghi đơn vị này là chưa gửi báo cáo.",
     "{unit} has no note for {quarter}; the report names it as not having reported.",
     "Đơn vị tạo ghi chú bằng `nq43 new --unit {unit_id} --quarter {quarter}` rồi gửi lên.",
     "The unit creates its note with `nq43 new --unit {unit_id} --quarter {quarter}` and submits it."),
    ("NQ903", W, "Ghi chú là dữ liệu mẫu (sample: true): báo cáo được đánh dấu DỰ THẢO.",
     "The note is sample data (sample: true): the report is marked as a draft (DỰ THẢO).",
     "Thay bằng ghi chú thật và xoá dòng `sample: true`.", "Replace it with the real note and remove `sample: true`."),
    ("NQ904", W, "Ghi chú đã thay đổi sau khi báo cáo {quarter} được ban hành (số {number}) mà không ghi mục `amends:`.",
     "The note changed after the {quarter} report was issued (number {number}) without an `amends:` entry.",
     "Thêm vào phần đầu `amends:` với ngày và lý do sửa; báo cáo sẽ liệt kê đính chính.",
     "Add an `amends:` entry with the date and the reason; the report lists it as an erratum."),
    ("NQ905", E, "Mẫu báo cáo không dùng được: {reason}.", "The report template cannot be used: {reason}.",
     "Sửa mẫu theo docs/mau-bao-cao.md, hoặc bỏ --template-dir để dùng mẫu mặc định.",
     "Fix the template (see docs/mau-bao-cao.md), or drop --template-dir to use the default one."),
]
# fmt: on

CATALOGUE: dict[str, Entry] = {code: Entry(sev, Text(vi, en), Text(hvi, hen)) for code, sev, vi, en, hvi, hen in _ROWS}

# fmt: off
# The fix for a file over one of its limits (NQ108 size, NQ112 lines, NQ211 YAML values, see load/limits.py)
# names the kind of file: the finding carries it as "advice".
_OVER_LIMIT: dict[FileKind, Text] = {
    "unit": Text("Tệp đơn vị (unit.yaml) chỉ ghi tên, mã đơn vị và danh sách người nộp: vài chục dòng; xoá phần dán nhầm vào tệp.",
             "A unit file (unit.yaml) holds only the unit's names and its submitters, a few dozen lines; remove what was pasted into it."),
    "calendar": Text("Lịch nộp báo cáo (data/calendar.yaml) chỉ ghi hạn nộp, ngày nghỉ và ngày làm bù; xoá phần dán nhầm vào tệp.",
                 "The calendar (data/calendar.yaml) holds only due dates, days off and working days; remove what was pasted into it."),
    "directive": Text("Công văn giao nhiệm vụ (data/directive.yaml) được phép lớn cỡ cả một tỉnh (hàng nghìn đơn vị, hàng chục nghìn nhiệm vụ); tệp lớn hơn thường có phần bị chép lặp: kiểm tra lại tệp, hoặc nhờ người bảo trì nq43 nâng giới hạn trong src/nq43/load/limits.py.",
                  "The directive (data/directive.yaml) may be as large as a whole province (thousands of units, tens of thousands of tasks); a larger one usually holds repeated content: check the file, or ask nq43's maintainer to raise the limit in src/nq43/load/limits.py."),
}
LIMIT_ADVICE: dict[tuple[str, FileKind], Text] = {
    ("NQ108", "note"): Text("Ghi chú quý chỉ cần văn bản; đưa số liệu lớn vào phụ lục riêng gửi Văn phòng.",
                        "A quarterly note is text; send bulky data separately."),
    ("NQ112", "note"): Text("Ghi chú quý chỉ cần vài trang; bảng số liệu dài gửi Văn phòng thành phụ lục riêng.",
                        "A quarterly note is a few pages; send long tables separately."),
    ("NQ211", "note"): Text("Ghi chú chỉ liệt kê các nhiệm vụ của đơn vị mình; kiểm tra lại phần \"tasks:\".",
                        "A note lists only its own unit's tasks; check \"tasks:\"."),
    **{(code, kind): advice for code in ("NQ108", "NQ112", "NQ211") for kind, advice in _OVER_LIMIT.items()},
}
# fmt: on
