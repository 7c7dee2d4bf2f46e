"""The commands about the units' notes: `validate` checks them, `new` starts one (as a file, a Word form or a web
link), `import` turns a filled Word form into the Markdown note."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nq43.cli import messages
from nq43.cli.options import LangOpt, LangOption, RootOpt, TodayOpt, lang_code, speaking
from nq43.cli.terminal import day_option, echo_err, quarter_option, today
from nq43.support.errors import UsageError
from nq43.support.text import Lang

if TYPE_CHECKING:
    from nq43.domain.records import Directive, Note, Quarter, Unit


class FindingFormatOption(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ForgeOption(str, Enum):
    github = "github"
    gitlab = "gitlab"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp hoặc thư mục cần kiểm tra; mặc định toàn bộ data/.", show_default=False),
    ] = None,
    fmt: Annotated[
        FindingFormatOption, typer.Option("--format", help="text, json, hoặc github (chú thích trên pull request).")
    ] = FindingFormatOption.text,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Kiểm tra công văn, đơn vị và ghi chú quý; báo mọi lỗi của mọi tệp rồi mới dừng.

    Mỗi lỗi in dạng `đường-dẫn:dòng:cột: MÃ mức: nội dung`, kèm cách sửa. Thoát với mã 0 khi không có lỗi,
    1 khi có lỗi (hoặc có cảnh báo với --strict), 2 khi gọi lệnh sai.

    Ví dụ: `nq43 validate`, `nq43 validate data/units/qldt/2025Q1.md --format github`.
    """
    from nq43.check import reporters
    from nq43.check.repository import check_repository
    from nq43.domain.findings import has_errors
    from nq43.load.layout import find_root

    with speaking(lang):
        base = find_root(root)
        checked = check_repository(base, today(when), paths)
        findings = checked.findings
        sys.stdout.write(reporters.render(findings, fmt.value, lang.value))
        files = checked.note_count + 1 + (len(checked.directive.units) if checked.directive else 0)
        echo_err(reporters.summary(findings, files, lang.value))
        return 1 if has_errors(findings, strict=strict) else 0


def new(
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị, ví dụ qldt.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, ví dụ 2025Q1.")],
    prepared_by: Annotated[str, typer.Option("--prepared-by", help="Họ tên người soạn.")] = "",
    stdout: Annotated[bool, typer.Option("--stdout", help="In khung ra màn hình thay vì ghi tệp.")] = False,
    docx: Annotated[
        bool,
        typer.Option(
            "--docx",
            help="Tạo biểu mẫu Word (<quý>.docx) cho đơn vị viết bằng Word; với --link: in địa chỉ trang tải tệp lên.",
        ),
    ] = False,
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="In đường link mở trình soạn thảo web của GitHub/GitLab với "
            "tên tệp và khung ghi chú điền sẵn (cho đơn vị không dùng git).",
        ),
    ] = False,
    repo_url: Annotated[
        str | None,
        typer.Option(
            "--repo-url",
            help="Địa chỉ kho trên GitHub/GitLab; mặc định: git remote get-url origin.",
            show_default=False,
        ),
    ] = None,
    branch: Annotated[str, typer.Option("--branch", help="Nhánh nhận ghi chú (với --link).")] = "main",
    forge: Annotated[
        ForgeOption | None,
        typer.Option(
            "--forge", help="github hoặc gitlab, khi không đoán được từ địa chỉ kho (với --link).", show_default=False
        ),
    ] = None,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
) -> int:
    """Tạo khung ghi chú quý của một đơn vị: đủ nhiệm vụ, đúng tiêu đề, sẵn để điền.

    Trạng thái, tiến độ và chỉ tiêu chép từ ghi chú gần nhất của đơn vị (đánh dấu để cập nhật); ngày nộp để
    đơn vị tự ghi. Quý đã phát hành báo cáo: khung nhắc thêm amends:. Không bao giờ ghi đè ghi chú đã có.
    Ví dụ: `nq43 new --unit qldt --quarter 2025Q1`.
    Với --link: in đường link để đơn vị mở trên trình duyệt, điền và nộp mà không cần git:
    `nq43 new --unit qldt --quarter 2025Q1 --link`.
    Với --docx: tạo biểu mẫu Word data/units/<đơn vị>/<quý>.docx để đơn vị điền rồi tải lên:
    `nq43 new --unit qldt --quarter 2025Q2 --docx --link`.
    """
    from nq43.domain.periods import Period
    from nq43.load import issued as issuance
    from nq43.load.formwords import LATE_REASON
    from nq43.load.layout import find_root, note_path
    from nq43.submission.skeleton import AMENDS_EXAMPLE, previous_note, skeleton
    from nq43.support.output import create_new

    with speaking(lang):
        base = find_root(root)
        parsed = quarter_option(quarter)
        loaded = _directive_and_unit(base, unit, lang)
        if loaded is None:
            return 1
        directive, found = loaded
        previous = previous_note(base, found.id, parsed)
        record = issuance.read(base, Period.of(parsed))
        said = lang_code(lang)
        if docx:
            if stdout:
                raise UsageError(messages.NO_STDOUT_FORM)
            code = _new_form(base, directive, found, parsed, prepared_by, previous, said, late=record is not None)
            if record is not None:  # a note sent after the report was issued: its corrections table is filled
                echo_err(messages.FORM_ISSUED.get(said, period=parsed, number=record.number, reason=LATE_REASON))
            if link:
                code = _print_upload(base, found.id, repo_url, branch, forge, said)
            if previous is not None:
                echo_err(messages.FORM_CARRIED.get(said, previous=previous.path))
            return code
        text = skeleton(directive, found, parsed, prepared_by, previous=previous, issued=record)
        path = note_path(found.id, parsed)
        if link:
            code = _print_link(base, path, text, repo_url, branch, forge, said)
        elif stdout:
            sys.stdout.write(text)
            code = 0
        elif create_new(base / path, text):
            echo_err(messages.CREATED.get(said, path=path))
            sys.stdout.write(path + "\n")
            code = 0
        else:
            raise UsageError(messages.NOTE_EXISTS, path=path)
        if previous is not None:
            echo_err(messages.CARRIED.get(said, previous=previous.path))
        if record is not None:
            issued_on = record.issued_on.isoformat()
            echo_err(
                messages.NEEDS_AMENDS.get(
                    said, period=parsed, number=record.number, issued=issued_on, example=AMENDS_EXAMPLE
                )
            )
        return code


def _directive_and_unit(base: Path, unit: str, lang: LangOption) -> tuple[Directive, Unit] | None:
    """The directive and the unit that --unit names (UsageError for an unknown one); None, with the directive's
    findings printed, when the directive cannot be read."""
    from nq43.check import reporters
    from nq43.load.directive import load_directive

    directive, findings = load_directive(base)
    if directive is None:
        echo_err(reporters.text(findings, lang.value))
        return None
    found = directive.unit(unit)
    if found is None:
        raise UsageError(messages.NO_SUCH_UNIT, unit=unit, known=", ".join(u.id for u in directive.units))
    return directive, found


def _remote_url(base: Path, repo_url: str | None) -> str:
    """The repository's address: --repo-url, else git's `origin` (UsageError when there is neither)."""
    from nq43.support.git import git

    url = repo_url or (git(base, "remote", "get-url", "origin") or "").strip()
    if not url:
        raise UsageError(messages.NO_ORIGIN)
    return url


def _new_form(
    base: Path,
    directive: Directive,
    unit: Unit,
    quarter: Quarter,
    prepared_by: str,
    previous: Note | None,
    lang: Lang,
    *,
    late: bool = False,
) -> int:
    """Write the unit's Word form for `quarter` (never over a note of the quarter, in either form); `late`: the
    quarter's report is issued, the form's corrections table says the note is sent after it, dated today."""
    from nq43.domain.records import Amendment
    from nq43.load.formwords import LATE_REASON
    from nq43.load.layout import FORM, NOTE_SUFFIXES, note_path
    from nq43.submission.noteform import form
    from nq43.support.output import create_new

    for suffix in NOTE_SUFFIXES:
        if (base / note_path(unit.id, quarter, suffix)).exists():
            raise UsageError(messages.NOTE_EXISTS, path=note_path(unit.id, quarter, suffix))
    path = note_path(unit.id, quarter, FORM)
    amends = (Amendment(today(None), LATE_REASON),) if late else ()
    if not create_new(base / path, form(directive, unit, quarter, prepared_by, previous=previous, amends=amends)):
        raise UsageError(messages.NOTE_EXISTS, path=path)
    echo_err(messages.FORM_CREATED.get(lang, path=path))
    sys.stdout.write(path + "\n")
    return 0


def _print_upload(
    base: Path, unit_id: str, repo_url: str | None, branch: str, forge: ForgeOption | None, lang: Lang
) -> int:
    from nq43.load.layout import unit_folder
    from nq43.submission.weblink import parse_remote, upload_url

    url = _remote_url(base, repo_url)
    echo_err(messages.FORM_UPLOAD.get(lang, branch=branch))
    sys.stdout.write(upload_url(parse_remote(url, forge.value if forge else None), branch, unit_folder(unit_id)) + "\n")
    return 0


def import_form(
    file: Annotated[Path, typer.Argument(help="Biểu mẫu Word đã điền (.docx).", show_default=False)],
    unit: Annotated[str, typer.Option("--unit", help="Mã đơn vị, ví dụ qldt.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, ví dụ 2025Q2.")],
    received: Annotated[
        str | None,
        typer.Option(
            "--received",
            help="Ngày nhận trên hệ thống văn bản (NĂM-THÁNG-NGÀY): ghi vào submitted:.",
            show_default=False,
        ),
    ] = None,
    root: RootOpt = None,
    lang: LangOpt = LangOption.vi,
    when: TodayOpt = None,
) -> int:
    """Chuyển biểu mẫu Word đã điền thành ghi chú Markdown data/units/<đơn vị>/<quý>.md.

    Cho Văn phòng giữ lịch sử bằng văn bản: ghi chú Markdown đọc ra đúng như biểu mẫu. Không bao giờ ghi đè
    ghi chú đã có. Sau khi ghi, kiểm tra ghi chú mới như `nq43 validate`; thoát 1 khi còn lỗi.
    Ví dụ: `nq43 import bao-cao-qldt.docx --unit qldt --quarter 2025Q2 --received 2025-06-08`.
    """
    from nq43.check import reporters
    from nq43.check.repository import check_repository
    from nq43.domain.findings import has_errors
    from nq43.load.layout import FORM, find_root, note_path
    from nq43.load.notes import note_text, parse_note
    from nq43.support.output import create_new

    with speaking(lang):
        base = find_root(root)
        parsed = quarter_option(quarter)
        day = day_option(received, "--received")
        said = lang_code(lang)
        loaded = _directive_and_unit(base, unit, lang)
        if loaded is None:
            return 1
        _, found = loaded
        shown = file.as_posix()
        source, _ = note_text(file, shown, received=day, as_form=True)
        if source.text is None:
            echo_err(reporters.text(source.findings, lang.value))
            echo_err(messages.IMPORT_UNREADABLE.get(said, path=shown))
            return 1
        note = parse_note(source.text, shown).note
        if note is not None and (note.unit != found.id or note.quarter != parsed):
            raise UsageError(
                messages.IMPORT_MISMATCH,
                unit=note.unit,
                quarter=str(note.quarter or ""),
                want_unit=found.id,
                want_quarter=parsed,
            )
        path = note_path(found.id, parsed)
        if not create_new(base / path, source.text):
            raise UsageError(messages.NOTE_EXISTS, path=path)
        echo_err(messages.IMPORTED.get(said, source=shown, path=path))
        sys.stdout.write(path + "\n")
        form = note_path(found.id, parsed, FORM)
        if (base / form).exists():
            echo_err(messages.IMPORTED_TWIN.get(said, form=form))
        checked = check_repository(base, today(when), [base / path])
        sys.stdout.write(reporters.text(checked.findings, lang.value))
        return 1 if has_errors(checked.findings) else 0


def _print_link(
    base: Path, path: str, text: str, repo_url: str | None, branch: str, forge: ForgeOption | None, lang: Lang
) -> int:
    from nq43.submission.weblink import MAX_URL, link, parse_remote

    made = link(parse_remote(_remote_url(base, repo_url), forge.value if forge else None), branch, path, text)
    sys.stdout.write(made.url + "\n")
    if not made.complete:
        echo_err(messages.LINK_INCOMPLETE.get(lang, limit=MAX_URL))
    elif made.compacted:
        echo_err(messages.LINK_COMPACTED.get(lang))
    echo_err(messages.LINK_NEXT.get(lang, branch=branch))
    return 0
