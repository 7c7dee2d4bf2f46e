"""Turn a .docx into a PDF for the e-office with LibreOffice in headless mode (an existing engine, not a PDF writer
of ours): `docx_to_pdf(docx bytes) -> pdf bytes`, used by every command that offers --pdf.

The PDF is PDF/A-2b (LibreOffice's writer_pdf_Export filter, `SelectPdfVersion` 2), which embeds every font.
Each conversion runs in a fresh temporary folder with a LibreOffice profile of its own (`-env:UserInstallation`),
so two conversions at once, or a LibreOffice the user has open, never share a profile lock; it runs in a process
group of its own, killed whole when the timeout passes, so a hung LibreOffice never blocks nq43. Nothing is
written outside the temporary folder: the caller gets the bytes and writes them with the rest of its files, or
calls `write_document`, which writes a document's .docx, its other files and its PDF as one set.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from nq43.support.errors import OutputError, PdfNotMade
from nq43.support.output import replace_together, settle
from nq43.support.text import Text

TIMEOUT_SECONDS = 180.0
# PDF/A-2b: the archival PDF the e-office keeps; PDF/A requires every font embedded.
PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
PROGRAMS = ("soffice", "libreoffice")
# Where LibreOffice's installers put it when it is not on PATH (Windows, macOS).
INSTALLED_AT = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
_LOG_LINES = 5  # the last lines of LibreOffice's output shown when a conversion fails

NO_LIBREOFFICE = Text(
    "Không tạo được bản PDF: máy này chưa cài LibreOffice (không tìm thấy lệnh soffice hay libreoffice).\n"
    "    → Cách sửa: cài LibreOffice rồi chạy lại lệnh. Ubuntu/Debian: `sudo apt install libreoffice-writer`. "
    "Windows: tải bộ cài tại https://www.libreoffice.org/download/ (cài vào C:\\Program Files\\LibreOffice "
    "hoặc thêm thư mục program của LibreOffice vào PATH).",
    "Cannot make the PDF: LibreOffice is not installed here (no soffice or libreoffice command found).\n"
    "    → Fix: install LibreOffice and run the command again. Ubuntu/Debian: `sudo apt install libreoffice-writer`. "
    "Windows: download it from https://www.libreoffice.org/download/ (install it in C:\\Program Files\\LibreOffice "
    "or add LibreOffice's program folder to PATH).",
)
TIMED_OUT = Text(
    "Không tạo được bản PDF: LibreOffice ({program}) chưa chuyển xong sau {seconds:g} giây nên đã bị dừng.\n"
    "    → Cách sửa: chạy lại lệnh; nếu máy chậm, cho thêm thời gian bằng --pdf-timeout, ví dụ --pdf-timeout 600.",
    "Cannot make the PDF: LibreOffice ({program}) had not finished after {seconds:g} seconds and was stopped.\n"
    "    → Fix: run the command again; on a slow machine allow more time with --pdf-timeout, e.g. --pdf-timeout 600.",
)
FAILED = Text(
    "Không tạo được bản PDF: LibreOffice ({program}) không chuyển được tệp .docx (mã thoát {code}). {log}\n"
    "    → Cách sửa: mở tệp .docx bằng LibreOffice Writer xem có mở được không, rồi chạy lại lệnh.",
    "Cannot make the PDF: LibreOffice ({program}) could not convert the .docx (exit code {code}). {log}\n"
    "    → Fix: open the .docx in LibreOffice Writer to see whether it opens, then run the command again.",
)

STALE_NOT_REMOVED = Text(
    'Không xoá được bản PDF cũ "{path}" (không còn khớp với văn bản mới): {reason}. Chưa ghi gì.',
    'Cannot remove the earlier PDF "{path}" (it no longer matches the new document): {reason}. Nothing was written.',
)


class Written(NamedTuple):
    """What `write_document` did: the files written, why the PDF asked for was not made, the stale PDF removed."""

    written: list[Path]
    pdf_problem: PdfNotMade | None = None
    removed: tuple[Path, ...] = ()


def write_document(
    folder: Path, name: str, docx: bytes, others: Mapping[str, bytes | str], pdf_timeout: float | None
) -> Written:
    """Write `name`.docx and the files of `others` (suffix -> data, e.g. {".md": text}) into `folder` as one set,
    with `name`.pdf converted from the .docx unless `pdf_timeout` is None: a kill leaves the old set or the new.

    The PDF is converted before anything is written; when it cannot be made, the rest is written all the same and
    the reason comes back in `pdf_problem`. An earlier `name`.pdf that no longer matches the new .docx (it changed,
    and no new PDF was made) is removed first, so no PDF ever sits beside a .docx it was not made from."""
    files: dict[str, bytes | str] = {f"{name}.docx": docx}
    files.update((name + suffix, data) for suffix, data in others.items())
    problem = None
    if pdf_timeout is not None:
        try:
            files[f"{name}.pdf"] = docx_to_pdf(docx, pdf_timeout)
        except PdfNotMade as error:
            problem = error
    removed = () if f"{name}.pdf" in files else _remove_stale_pdf(folder, name, docx, (*files, f"{name}.pdf"))
    return Written(replace_together(folder, files), problem, removed)


def _remove_stale_pdf(folder: Path, name: str, docx: bytes, names: tuple[str, ...]) -> tuple[Path, ...]:
    """Remove `name`.pdf unless the .docx it sits beside is the same as `docx` (then it still matches)."""
    settle(folder, names)  # a swap a killed run left half done may bring a PDF back: finish it first
    pdf = folder / f"{name}.pdf"
    old = folder / f"{name}.docx"
    try:
        if not pdf.is_file() or (old.is_file() and old.read_bytes() == docx):
            return ()
        pdf.unlink()
    except OSError as error:
        raise OutputError(STALE_NOT_REMOVED, path=pdf, reason=error.strerror or error) from None
    return (pdf,)


def find_libreoffice() -> str | None:
    """LibreOffice's command: soffice or libreoffice on PATH, else where its installer puts it."""
    for program in PROGRAMS:
        found = shutil.which(program)
        if found is not None:
            return found
    return next((str(path) for path in INSTALLED_AT if path.is_file()), None)


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF/A of a .docx, converted by LibreOffice; raises PdfNotMade (a clear message) when LibreOffice is
    missing, fails, or has not finished within `timeout` seconds (then it is killed, with its children)."""
    program = find_libreoffice()
    if program is None:
        raise PdfNotMade(NO_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="nq43-pdf-", ignore_cleanup_errors=True) as work:
        folder = Path(work)
        source = folder / "van-ban.docx"
        source.write_bytes(docx)
        out = folder / "pdf"
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(out),
            str(source),
        ]
        log = folder / "log.txt"
        code = _run(command, log, timeout, program)
        pdf = out / "van-ban.pdf"
        data = pdf.read_bytes() if pdf.is_file() else b""
        if code != 0 or not data.startswith(b"%PDF-"):
            raise PdfNotMade(FAILED, program=program, code=code, log=_tail(log))
        return data


def _run(command: list[str], log: Path, timeout: float, program: str) -> int:
    """Run LibreOffice with its output in `log` (a file, not a pipe: a child left running cannot hold nq43
    waiting on it); its exit code, or PdfNotMade once the timeout has passed and its process group is killed."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=os.name == "posix",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise PdfNotMade(TIMED_OUT, program=program, seconds=timeout) from None
        except BaseException:  # Ctrl-C included: never leave LibreOffice running
            _kill(process)
            raise


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and every process it started (soffice is a launcher: the work runs in a child)."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(process.pid, signal.SIGKILL)
    else:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
        process.kill()
    process.wait()


def _tail(log: Path) -> str:
    """The last lines LibreOffice wrote, on one line, for the message."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return ""
    said = " / ".join([line.strip() for line in lines if line.strip()][-_LOG_LINES:])
    return f"LibreOffice: {said}" if said else ""
