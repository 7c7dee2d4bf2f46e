"""The options every command shares, written once, and the language a command's errors are told in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from nq43.support.errors import Nq43Error
from nq43.support.text import Lang


class LangOption(str, Enum):
    vi = "vi"
    en = "en"


RootOpt = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Thư mục kho dữ liệu (chứa data/directive.yaml). Mặc định: tìm từ thư mục hiện tại lên.",
        envvar="NQ43_ROOT",
        show_default=False,
    ),
]
LangOpt = Annotated[LangOption, typer.Option("--lang", help="Ngôn ngữ thông báo: vi hoặc en.", envvar="NQ43_LANG")]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        help="Coi hôm nay là ngày này (NĂM-THÁNG-NGÀY), để kết quả lặp lại được.",
        envvar="NQ43_TODAY",
        show_default=False,
    ),
]

PdfOpt = Annotated[
    bool,
    typer.Option(
        "--pdf",
        help="Ghi thêm bản PDF/A (phông nhúng) để gửi qua hệ thống văn bản điện tử; cần LibreOffice.",
    ),
]
PdfTimeoutOpt = Annotated[
    float,
    typer.Option("--pdf-timeout", min=1, metavar="GIÂY", help="Số giây tối đa chờ LibreOffice chuyển sang PDF."),
]

# The options of the commands that write a document the Board issues (`report`, its `--amend`, `remind`): the same
# flag means the same there. The help names the command's document ("báo cáo", "công văn"); --number stays in each
# command, its example differs on purpose (the report's "05/BC-BQL", the letter's "12/BQL-VP").
SignerOpt = Annotated[
    str | None, typer.Option("--signer", help="Họ tên người ký, thay cho dữ liệu.", show_default=False)
]


def draft_option(document: str) -> Any:
    """`--draft` for a command whose document is `document`: Annotated[bool, draft_option("báo cáo")]."""
    return typer.Option("--draft", help=f"Đánh dấu {document} là DỰ THẢO.")


def date_option(document: str) -> Any:
    """`--date`, the date printed on `document`: Annotated[str | None, date_option("báo cáo")]."""
    return typer.Option(
        "--date", show_default=False, help=f"Ngày ghi trên {document} (NĂM-THÁNG-NGÀY). Mặc định: hôm nay."
    )


def lang_code(lang: LangOption) -> Lang:
    return "en" if lang is LangOption.en else "vi"


class Told(Exception):
    """An error a command raised, with the language that command speaks (its --lang); `main` shows it."""

    def __init__(self, error: Nq43Error, lang: Lang) -> None:
        super().__init__(error.message(lang))
        self.error = error
        self.lang = lang


@contextmanager
def speaking(lang: LangOption) -> Iterator[None]:
    """Run a command's body so that the errors it raises are told in the command's --lang."""
    try:
        yield
    except Nq43Error as error:
        raise Told(error, lang_code(lang)) from error
