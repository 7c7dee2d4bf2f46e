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
FORM_CREATED = Text(
    "Đã tạo biểu mẫu Word {path}: gửi cho đơn vị điền (chọn trạng thái trong ô Trạng thái, viết dưới từng "
    "mục), rồi tải lên đúng thư mục đó của kho.",
    "Created the Word form {path}: the unit fills it in (status from the Trạng thái drop-down, text under each "
    "heading) and uploads it to the same folder of the repository.",
)
FORM_UPLOAD = Text(
    'Trang tải lên (GitHub: "Add file → Upload files"; GitLab: nút "+" → "Upload file"), nhánh {branch}:',
    'The upload page (GitHub: "Add file → Upload files"; GitLab: the "+" button → "Upload file"), branch {branch}:',
)
FORM_CARRIED = Text(
    "Trạng thái, tiến độ và chỉ tiêu trong bảng nhiệm vụ chép từ {previous}: đơn vị sửa theo thực tế quý này.",
    "Statuses, progress and indicators in the task table are carried from {previous}: the unit updates them.",
)
FORM_ISSUED = Text(
    'Báo cáo quý {period} đã phát hành (số {number}): ghi chú gửi bây giờ là đính chính. Bảng "Đính chính" ở '
    'cuối biểu mẫu đã ghi sẵn ngày hôm nay và lý do "{reason}": đơn vị sửa ngày thành ngày gửi thực và ghi rõ '
    "lý do nếu khác, nhưng không xoá dòng đó (thiếu nó, kiểm tra sẽ báo NQ812).",
    "The {period} report is already issued (number {number}): a note sent now is a correction. The form's "
    '"Đính chính" table at the end is filled with today\'s date and the reason "{reason}": the unit sets the '
    "real date and reason if they differ, but keeps the row (without it the check says NQ812).",
)
NO_STDOUT_FORM = Text(
    "--stdout không dùng được với --docx (biểu mẫu Word là tệp nhị phân).",
    "--stdout cannot be used with --docx (the Word form is a binary file).",
)
# nq43 import
IMPORT_UNREADABLE = Text(
    "Không đọc được biểu mẫu {path}; không ghi gì.", "Cannot read the form {path}; nothing written."
)
IMPORT_MISMATCH = Text(
    'Biểu mẫu ghi đơn vị "{unit}", quý "{quarter}"; khác --unit {want_unit} --quarter {want_quarter}. '
    "Kiểm tra lại tệp, hoặc sửa phần thông tin chung của biểu mẫu.",
    'The form says unit "{unit}", quarter "{quarter}", not --unit {want_unit} --quarter {want_quarter}. '
    "Check the file, or correct the form's header table.",
)
IMPORTED = Text("Đã chuyển {source} thành {path}.", "Converted {source} into {path}.")
IMPORTED_TWIN = Text(
    "Trong thư mục còn {form}: xoá tệp đó (git rm) để mỗi quý chỉ một ghi chú.",
    "{form} is still in the folder: delete it (git rm) so that the quarter has one note.",
)
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
    "--tasks chỉ dùng khi xem một quý, không kèm --unit, --task, --period hay --year.",
    "--tasks shows one quarter; it does not go with --unit, --task, --period or --year.",
)
QUARTER_OR_YEAR = Text(
    "Chọn một trong --quarter, --period, --year, không dùng cùng lúc.", "Give one of --quarter, --period, --year."
)
QUARTER_OR_PERIOD = Text(
    "Cho biết kỳ báo cáo: --quarter 2025Q1 (quý) hoặc --period 2025H1 (6 tháng), --period 2025 (năm); một trong hai.",
    "Name the period: --quarter 2025Q1 (a quarter) or --period 2025H1 (a half-year), --period 2025 (a year); "
    "one of them.",
)
NOT_A_PERIOD = Text(
    'Kỳ báo cáo "{value}" không hợp lệ: ghi 2025Q1 (quý), 2025H1 hoặc 2025H2 (6 tháng), 2025 (năm).',
    'Reporting period "{value}" is not valid: write 2025Q1 (a quarter), 2025H1 or 2025H2 (a half-year), 2025 (a year).',
)
NO_SUCH_TASK = Text('Không có nhiệm vụ "{task}". Các mã nhiệm vụ: {known}.', 'No task "{task}". Task ids: {known}.')
TASK_OR_UNIT = Text(
    "--task và --unit không dùng cùng lúc: một nhiệm vụ đã thuộc một đơn vị.",
    "--task and --unit do not go together: a task belongs to one unit already.",
)
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
    "trong thư mục đó. Ví dụ: nq43 report {option} --out {folder}",
    '--out is the folder the report is written to, not a file name: "{out}". nq43 names the files {name}.docx '
    "and {name}.md in that folder. For example: nq43 report {option} --out {folder}",
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
ISSUED = Text(
    "Đã ghi nhận ban hành: số {number}, {notes} ghi chú.", "Recorded as issued: number {number}, {notes} notes."
)
PDF_NOT_MADE = Text(
    "Tệp .docx và .md ở trên đã được ghi; chưa có bản PDF.", "The .docx and .md above were written; no PDF was made."
)
PDF_REMOVED = Text(
    "Đã xoá bản PDF cũ {path}: nó không còn khớp với văn bản mới. Thêm --pdf để tạo lại.",
    "Removed the earlier PDF {path}: it no longer matches the new document. Add --pdf to make it again.",
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

# nq43 report --as-issued / --amend
AS_ISSUED_FROM = Text(
    "Dựng lại báo cáo {period} đã ban hành (số {number}, ngày {day}) từ commit {commit} và {notes} ghi chú ghi trong "
    "{record}, sha256 từng ghi chú đã khớp.",
    "Rebuilt the issued {period} report (number {number}, {day_en}) from commit {commit} and the {notes} notes named "
    "in {record}; every note's sha256 matched.",
)
AMENDMENT_FROM = Text(
    "Dựng lại báo cáo {title} {period} lần {sequence} (số {number}, ngày {day}) từ commit {commit} và {notes} ghi "
    "chú ghi trong {record}, so với văn bản trước nó trong chuỗi; sha256 từng ghi chú đã khớp.",
    "Rebuilt amendment {sequence} of the {period} report ({kind}, number {number}, {day_en}) from commit {commit} "
    "and the {notes} notes named in {record}, against the document before it in the chain; every note's sha256 "
    "matched.",
)
FILE_SAME = Text("{path}: khớp từng byte với bản đã ban hành.", "{path}: identical, byte for byte, to the issued file.")
FILE_RESTORED = Text(
    "{path}: không có, đã khôi phục từ bản dựng lại.", "{path}: was missing, restored from the rebuild."
)
FILE_DIFFERS = Text(
    "{path}: KHÁC bản dựng lại ({size} byte, bản dựng lại {rebuilt} byte).",
    "{path}: DIFFERS from the rebuild ({size} bytes, rebuilt {rebuilt} bytes).",
)
FILE_ABSENT = Text("{path}: không có bản đã ban hành để so.", "{path}: no issued file to compare with.")
COPY_WRITTEN = Text("Bản dựng lại đã ghi vào {folder}.", "The rebuilt copy was written to {folder}.")
AS_ISSUED_MATCH = Text(
    "Bản đã ban hành đúng như bản ghi: khớp từng byte.", "The issued report is exactly what its record says: identical."
)
AS_ISSUED_CHAIN_MATCH = Text(
    "Báo cáo đã ban hành và {count} báo cáo bổ sung/đính chính đúng như bản ghi: khớp từng byte.",
    "The issued report and its {count} amendment(s) are exactly what the record says: identical.",
)
AS_ISSUED_DIFFER = Text(
    "Tệp trong reports/{period}/ không khớp bản dựng lại từ issued.yaml: tệp đã bị sửa sau khi ban hành, hoặc "
    "mẫu/phiên bản nq43 đã đổi. Không ghi tệp nào. Xem bản dựng lại: nq43 report {option} --as-issued "
    "--out <thư mục>",
    "The files in reports/{period}/ do not match the rebuild from issued.yaml: they were edited after issue, or the "
    "template or nq43 version changed. Nothing was written. To see the rebuild: nq43 report {option} "
    "--as-issued --out <folder>",
)
AS_ISSUED_STOPPED = Text(
    "Không dựng lại được báo cáo {period} đã ban hành: {errors} lỗi ở trên (ghi chú ở commit đã ghi không còn hợp lệ "
    "với phiên bản nq43 này, hoặc mẫu báo cáo). Không ghi tệp nào.",
    "The issued {period} report cannot be rebuilt: {errors} error(s) above (notes at the recorded commit no longer "
    "valid under this nq43 version, or the template). Nothing was written.",
)
AMENDMENT_STOPPED = Text(
    "Không dựng lại được báo cáo {title} {period} lần {sequence} (số {number}): {errors} lỗi ở trên (ghi chú ở "
    "commit đã ghi không còn hợp lệ với phiên bản nq43 này, hoặc mẫu báo cáo). Không ghi tệp nào.",
    "Amendment {sequence} of the {period} report ({kind}, number {number}) cannot be rebuilt: {errors} error(s) "
    "above (notes at the recorded commit no longer valid under this nq43 version, or the template). Nothing was "
    "written.",
)
AMENDMENT_BUILT = Text(
    "Đã lập báo cáo {title} {period} lần {sequence}{state} (dẫn Báo cáo số {original}): {units} đơn vị, "
    "{changes} nội dung thay đổi.",
    "Built amendment {sequence} of the {period} report ({kind}){state}, citing report {original}: {units} unit(s), "
    "{changes} change(s).",
)
AMENDMENT_DRAFT = Text(
    " (DỰ THẢO, chưa ghi nhận; ban hành: thêm --number, --date và --issue)",
    " (DRAFT, not recorded; to issue add --number, --date and --issue)",
)
AMENDMENT_ISSUED = Text(
    "Đã ghi nhận ban hành báo cáo {title}: số {number}, ngày {day}, vào chuỗi {record}.",
    "Recorded the amendment as issued: number {number}, {day_en}, in the chain of {record}.",
)
AMENDMENT_NOT_ISSUED = Text(
    "Chưa ban hành báo cáo bổ sung/đính chính {period}: {count} lý do ở trên, không ghi tệp nào.",
    "Amendment of {period} not issued: {count} reason(s) above, no file written.",
)
AMENDMENT_NOT_BUILT = Text(
    "Chưa lập báo cáo bổ sung/đính chính {period}: có {errors} lỗi ở trên. Sửa lỗi (xem `nq43 validate`).",
    "Amendment of {period} not built: {errors} error(s) above. Fix them (see `nq43 validate`).",
)
AS_ISSUED_AND_AMEND = Text("Dùng --as-issued hoặc --amend, không dùng cả hai.", "Use --as-issued or --amend, not both.")
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
PDF_NOT_WITH_MD = Text(
    "--pdf không dùng được với --format md (nội dung in ra màn hình): bỏ --format md để ghi tệp .docx, .md và .pdf.",
    "--pdf does not go with --format md (the text shown on screen): leave out --format md to write the .docx, .md "
    "and .pdf.",
)
REMINDED = Text(
    "Đã lập công văn đôn đốc {period}{state}: {units} đơn vị ({names}); hạn mới {by}.",
    "Built the {period} reminder{state}: {units} unit(s) ({names}); new date {by}.",
)
