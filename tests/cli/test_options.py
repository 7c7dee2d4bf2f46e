"""The options `report` (and its --amend) and `remind` share are defined once (cli/options.py): the same flag, the
same meaning, the help naming each command's document."""

from __future__ import annotations

import typer
from typer.core import TyperOption

from nq43.cli.app import app


def option(command: str, name: str) -> TyperOption:
    params = typer.main.get_command(app).commands[command].params  # type: ignore[attr-defined]
    [found] = [p for p in params if p.name == name]
    assert isinstance(found, TyperOption)
    return found


def test_report_and_remind_share_signer_draft_and_date() -> None:
    report_signer, remind_signer = option("report", "signer"), option("remind", "signer")
    assert report_signer.opts == remind_signer.opts == ["--signer"]
    assert report_signer.help == remind_signer.help == "Họ tên người ký, thay cho dữ liệu."
    assert option("report", "draft").help == "Đánh dấu báo cáo là DỰ THẢO."
    assert option("remind", "draft").help == "Đánh dấu công văn là DỰ THẢO."
    assert option("report", "day").opts == option("remind", "day").opts == ["--date"]
    assert option("remind", "day").help == "Ngày ghi trên công văn (NĂM-THÁNG-NGÀY). Mặc định: hôm nay."
    # the numbers differ on purpose: a report's symbol is not a letter's
    assert "05/BC-BQL" in (option("report", "number").help or "")
    assert "12/BQL-VP" in (option("remind", "number").help or "")
