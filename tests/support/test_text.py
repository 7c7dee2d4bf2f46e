"""The one shape of user-facing text, and the core's errors that carry it."""

from __future__ import annotations

from datetime import date

from nq43.cli.app import exit_code
from nq43.support.errors import GitHistoryMissing, Nq43Error, OutputError, ReportRefused, RootNotFound, UsageError
from nq43.support.text import Text


def test_blanks_are_filled_in_the_chosen_language() -> None:
    text = Text("Quý {quarter}: {n} đơn vị", "{quarter}: {n} units")
    assert text.get("vi", quarter="2025Q1", n=3) == "Quý 2025Q1: 3 đơn vị"
    assert text.get("en", quarter="2025Q1", n=3) == "2025Q1: 3 units"


def test_a_blank_filled_with_a_text_is_said_in_the_same_language() -> None:
    why = Text("dữ liệu mẫu", "sample data")
    text = Text("vì {why}", "because of {why}")
    assert text.get("vi", why=why) == "vì dữ liệu mẫu"
    assert text.get("en", why=why) == "because of sample data"


def test_a_missing_blank_shows_itself_and_braces_are_doubled() -> None:
    text = Text("{{status: {status}}} {other}", "{{status: {status}}}")
    assert text.get("vi", status="hoan-thanh") == "{status: hoan-thanh} {other}"


def test_format_specs_apply_to_the_values() -> None:
    text = Text("ngày {day:%d/%m/%Y}", "on {day}")
    assert text.get("vi", day=date(2025, 3, 12)) == "ngày 12/03/2025"
    assert text.get("en", day=date(2025, 3, 12)) == "on 2025-03-12"


def test_an_error_carries_its_text_and_reads_in_vietnamese_by_default() -> None:
    error = RootNotFound(Text('Không thấy "{folder}"', 'No "{folder}"'), folder="/srv")
    assert str(error) == error.message() == 'Không thấy "/srv"'
    assert error.message("en") == 'No "/srv"'


def test_only_the_command_line_chooses_exit_codes() -> None:
    said = Text("x", "x")
    assert exit_code(OutputError(said)) == 1
    for kind in (UsageError, RootNotFound, GitHistoryMissing, ReportRefused, Nq43Error):
        assert exit_code(kind(said)) == 2
