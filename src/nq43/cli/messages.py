"""What the command line itself says (progress, results, refusals), in both languages."""

from __future__ import annotations

from nq43.support.text import Text

NOT_A_DATE = Text(
    '{option} "{value}" không phải ngày có thật dạng NĂM-THÁNG-NGÀY (ví dụ 2025-03-12).',
    '{option} "{value}" is not a real date written YYYY-MM-DD (e.g. 2025-03-12).',
)
NOT_A_QUARTER = Text(
    'Quý "{value}" không hợp lệ: ghi dạng NĂMQsố, số từ 1 đến 4, ví dụ 2025Q1.',
    'Quarter "{value}" is not valid: write YYYYQn with n from 1 to 4, e.g. 2025Q1.',
)
NO_SUCH_UNIT = Text('Không có đơn vị "{unit}". Các mã đơn vị: {known}.', 'No unit "{unit}". Unit ids: {known}.')
BUG = Text(
    "Lỗi nội bộ của nq43 ({kind}: {error}). Đặt NQ43_DEBUG=1 để xem chi tiết và báo cho người bảo trì.",
    "nq43 internal error ({kind}: {error}). Set NQ43_DEBUG=1 for the details and tell the maintainers.",
)

# nq43 new
NOTE_EXISTS = Text(
    "{path} đã có; nq43 không ghi đè ghi chú. Sửa trực tiếp tệp đó.",
    "{path} already exists; nq43 never overwrites a note. Edit it instead.",
)
CREATED = Text("Đã tạo {path}.", "Created {path}.")
CARRIED = Text(
    'Trạng thái, tiến độ và chỉ tiêu chép từ {previous}: sửa theo quý này các dòng ghi "— cập nhật"; '
    "ghi ngày nộp ở submitted: khi nộp.",
    'Statuses, progress and indicators carried from {previous}: update the lines marked "— cập nhật"; '
    "write the day of submission in submitted: when submitting.",
)
NEEDS_AMENDS = Text(
    "Báo cáo quý {period} đã phát hành (số {number}, ngày {issued}): ghi chú này là đính chính, phải thêm "
    "trước dòng tasks: một dòng {example} (ngày sửa và lý do).",
    "The {period} report is already issued (number {number}, {issued}): this note is an amendment and needs, "
    "before tasks:, a line {example} (the day and reason of the change).",
)
NO_ORIGIN = Text(
    'Kho chưa có remote "origin": chỉ ra địa chỉ kho bằng --repo-url, ví dụ --repo-url https://github.com/bql-hp/nq43.',
    'The repository has no "origin" remote: give its address with --repo-url.',
)
LINK_INCOMPLETE = Text(
    "Khung ghi chú quá dài để gửi trong một đường link (giới hạn {limit} ký tự): link chỉ điền sẵn "
    "tên tệp. Dán nội dung khung (nq43 new ... --stdout) vào trình soạn thảo.",
    "The skeleton is too long for a link (limit {limit} characters): the link fills in the file name "
    "only. Paste the skeleton (nq43 new ... --stdout) into the editor.",
)
LINK_COMPACTED = Text(
    "Link đã bỏ các dòng hướng dẫn (# ...) của khung để vừa giới hạn độ dài.",
    "The link leaves out the skeleton's help lines (# ...) to fit the length limit.",
)
LINK_NEXT = Text(
    'Mở link trên trình duyệt, điền nội dung, rồi chọn "Commit changes" / "Propose changes" để tạo '
    "pull request vào nhánh {branch}.",
    'Open the link in a browser, fill the note in, then "Commit changes" / "Propose changes" to open '
    "a pull request into {branch}.",
)

# nq43 status
TASKS_ALONE = Text(
    "--tasks chỉ dùng khi xem một quý, không kèm --unit hay --year.",
    "--tasks shows one quarter; it does not go with --unit or --year.",
)
QUARTER_OR_YEAR = Text("Chọn --quarter hoặc --year, không dùng cả hai.", "Give --quarter or --year, not both.")
BAD_YEAR = Text("Năm {year} không hợp lệ.", "Year {year} is not valid.")
XLSX_NEEDS_OUT = Text(
    "Tệp xlsx là tệp nhị phân, không in ra màn hình được: thêm --out và tên tệp cần ghi, ví dụ --out tinh-hinh.xlsx.",
    "An xlsx workbook cannot be shown on screen: name the file to write with --out, e.g. --out status.xlsx.",
)
NOT_XLSX_NAME = Text(
    'Tệp "{path}" không có đuôi .xlsx nên Excel không mở được: đặt tên có đuôi .xlsx, ví dụ --out {stem}.xlsx.',
    'Excel will not open "{path}" without the .xlsx extension: name it so, e.g. --out {stem}.xlsx.',
)
WRITTEN = Text("Đã ghi {path}.", "Wrote {path}.")

# nq43 report
NOT_BUILT = Text(
    "Chưa lập báo cáo {period}: có {errors} lỗi ở trên. Sửa lỗi (xem `nq43 validate`){advice}",
    "Report {period} not built: {errors} error(s) above. Fix them (see `nq43 validate`){advice}",
)
ALLOW_INVALID = Text(
    ", hoặc thêm --allow-invalid để bỏ qua ghi chú không hợp lệ.",
    ", or add --allow-invalid to leave invalid notes out.",
)
OUT_IS_A_FOLDER = Text(
    '--out là thư mục ghi báo cáo, không phải tên tệp: "{out}". nq43 tự đặt tên {name}.docx và {name}.md '
    "trong thư mục đó. Ví dụ: nq43 report --quarter {period} --out {folder}",
    '--out is the folder the report is written to, not a file name: "{out}". nq43 names the files {name}.docx '
    "and {name}.md in that folder. For example: nq43 report --quarter {period} --out {folder}",
)
DRAFT = Text(" (DỰ THẢO)", " (draft)")
BUILT = Text(
    "Đã lập báo cáo {period}{state}: {units} đơn vị đã báo cáo, {tasks} nhiệm vụ.",
    "Built the {period} report{state}: {units} units reported, {tasks} tasks.",
)
NOT_ISSUED = Text(
    "Chưa ban hành báo cáo {period}: {count} lý do ở trên, không ghi tệp nào. Sửa xong rồi chạy lại lệnh.",
    "Report {period} not issued: {count} reason(s) above, no file written. Fix them, then run the command again.",
)
NOT_REPORTED = Text(
    "Đơn vị chưa báo cáo (báo cáo vẫn ban hành, ghi rõ trong báo cáo): {units}.",
    "Units that have not reported (the report is issued all the same and says so): {units}.",
)
ALREADY_ISSUED = Text(
    "Báo cáo đã được ghi nhận ban hành trước đó (số {number}); không có gì thay đổi.",
    "The report was already recorded as issued (number {number}); nothing changed.",
)
ISSUED = Text(
    "Đã ghi nhận ban hành: số {number}, {notes} ghi chú.", "Recorded as issued: number {number}, {notes} notes."
)

# nq43 check
FETCHED = Text("Đã tải thêm lịch sử: {step}", "Fetched history: {step}")
NO_DIRECTIVE = Text(
    "Không đọc được công văn (data/directive.yaml) nên chưa kiểm tra được bài nộp.",
    "The directive (data/directive.yaml) cannot be read, so the submission cannot be checked.",
)
SUMMARY_NOT_WRITTEN = Text(
    'Không ghi được bản tóm tắt vào "{path}": {reason}.', 'Cannot write the summary to "{path}": {reason}.'
)

# nq43 codeowners
WARNING = Text("Cảnh báo: {warning}", "Warning: {warning}")
UP_TO_DATE = Text("{path}: đã đúng.", "{path}: up to date.")
MISSING = Text("chưa có", "missing")
STALE = Text("đã cũ", "stale")
OUT_OF_DATE = Text(
    '{path}: {state}; chạy "nq43 codeowners" rồi commit.', '{path}: {state}; run "nq43 codeowners" and commit.'
)
WROTE = Text("Đã ghi {path}.", "Wrote {path}.")

# Usage errors that typer (click) raises before a command runs, said again in Vietnamese from the error's fields.
USAGE_LINE = Text("Cách dùng: {usage}", "Usage: {usage}")
USAGE_HELP = Text("Xem `{command} --help`.", "Try '{command} --help' for help.")
USAGE_ERROR = Text("Lỗi: {message}", "Error: {message}")
MISSING_OPTION = Text("thiếu tuỳ chọn {name}.", "missing option {name}.")
MISSING_ARGUMENT = Text("thiếu đối số {name}.", "missing argument {name}.")
NO_SUCH_OPTION = Text("không có tuỳ chọn {name}.{close}", "no such option: {name}.{close}")
CLOSE_OPTIONS = Text(" Có phải ý bạn là: {names}?", " Did you mean: {names}?")
NEEDS_VALUE = Text("tuỳ chọn {name} cần một giá trị đi kèm.", "option {name} requires a value.")
NOT_A_CHOICE = Text("giá trị của {name} phải là một trong: {choices}.", "{name} must be one of: {choices}.")
BAD_VALUE = Text("giá trị của {name} không hợp lệ ({detail}).", "invalid value for {name} ({detail}).")
NO_SUCH_COMMAND = Text(
    'không có lệnh "{name}". Các lệnh: {commands}.', "no such command '{name}'. Commands: {commands}."
)
EXTRA_ARGUMENTS = Text("thừa đối số: {args}.", "unexpected extra argument(s): {args}.")
BAD_USAGE = Text("cách gọi lệnh chưa đúng ({detail}).", "wrong usage ({detail}).")

# nq43 remind
NOBODY_LATE = Text(
    "Không có đơn vị nào quá hạn báo cáo {period} (đến ngày {today}): không cần công văn đôn đốc, không ghi tệp nào.",
    "No unit is overdue for {period} (as of {today}): no reminder needed, nothing written.",
)
NOT_DUE_YET = Text(
    "Chưa đến hạn báo cáo {period} (hạn {due}): chưa đơn vị nào quá hạn, không ghi tệp nào.",
    "The {period} reports are not due yet (due {due}): nobody is overdue, nothing written.",
)
BY_NOT_AFTER = Text(
    "--by {by} phải sau ngày ghi trên công văn ({date}).",
    "--by {by} must be after the letter's date ({date}).",
)
REMINDED = Text(
    "Đã lập công văn đôn đốc {period}{state}: {units} đơn vị ({names}); hạn mới {by}.",
    "Built the {period} reminder{state}: {units} unit(s) ({names}); new date {by}.",
)
