"""Reporting periods: a quarter, a half-year or a year, each made of whole quarters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import nq43
from nq43.domain.periods import QUARTERS_PER_YEAR, Period, PeriodKind, Quarter
from nq43.load import issued as issuance
from nq43.load.issued import IssueRecord


@pytest.mark.parametrize(
    ("text", "kind", "year", "number"),
    [
        ("2025Q1", PeriodKind.QUARTER, 2025, 1),
        ("2025Q4", PeriodKind.QUARTER, 2025, 4),
        ("2025H1", PeriodKind.HALF_YEAR, 2025, 1),
        ("2025H2", PeriodKind.HALF_YEAR, 2025, 2),
        (" 2025 ", PeriodKind.YEAR, 2025, 1),
    ],
)
def test_parse_and_write_back(text: str, kind: PeriodKind, year: int, number: int) -> None:
    period = Period.parse(text)

    assert (period.kind, period.year, period.number) == (kind, year, number)
    assert str(period) == text.strip()
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize("text", ["2025Q0", "2025Q5", "2025H0", "2025H3", "2025Y1", "25Q1", "2025q1", "", "Q1"])
def test_parse_refuses_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValueError):
        Period.parse(text)


def test_a_number_outside_the_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        Period(PeriodKind.YEAR, 2025, 2)


def test_quarters_and_days() -> None:
    q1 = Period.parse("2025Q1")
    h2 = Period.parse("2025H2")
    year = Period.parse("2024")

    assert q1.quarters() == (Quarter(2025, 1),)
    assert h2.quarters() == (Quarter(2025, 3), Quarter(2025, 4))
    assert year.quarters() == tuple(Quarter(2024, n) for n in (1, 2, 3, 4))
    assert (q1.first_day, q1.last_day) == (date(2025, 1, 1), date(2025, 3, 31))
    assert (h2.first_day, h2.last_day) == (date(2025, 7, 1), date(2025, 12, 31))
    assert (year.first_day, year.last_day) == (date(2024, 1, 1), date(2024, 12, 31))
    assert h2.last_quarter == Quarter(2025, 4)


def test_only_a_quarter_is_a_quarter() -> None:
    assert Period.parse("2025Q3").quarter == Quarter(2025, 3)
    assert Period.of(Quarter(2025, 3)) == Period.parse("2025Q3")
    assert Period.parse("2025H1").quarter is None
    assert Period.parse("2025").quarter is None


def test_labels() -> None:
    assert [Period.parse(t).label() for t in ("2025Q1", "2025Q4", "2025H1", "2025H2", "2025")] == [
        "quý I năm 2025",
        "quý IV năm 2025",
        "6 tháng đầu năm 2025",
        "6 tháng cuối năm 2025",
        "năm 2025",
    ]
    assert [Period.parse(t).label_en() for t in ("2025Q2", "2025H2", "2025")] == [
        "Q2 2025",
        "second half of 2025",
        "2025",
    ]
    assert Quarter(2025, 2).label() == "quý II năm 2025"


def test_each_kind_has_its_own_letter_and_template() -> None:
    rows = [kind.row for kind in PeriodKind]

    assert len({row.letter for row in rows}) == len(rows)
    assert len({row.template for row in rows}) == len(rows)
    assert all(QUARTERS_PER_YEAR % row.quarters == 0 for row in rows)
    packaged = Path(nq43.__file__).parent / "report" / "templates"
    assert all((packaged / row.template).is_file() for row in rows)


@pytest.mark.parametrize(
    ("text", "following"),
    [("2025Q4", "2026Q1"), ("2025Q1", "2025Q2"), ("2025H1", "2025H2"), ("2025H2", "2026H1"), ("2025", "2026")],
)
def test_the_next_period_is_of_the_same_kind(text: str, following: str) -> None:
    assert str(Period.parse(text).next()) == following


@pytest.mark.parametrize(("text", "key"), [("2025Q1", "quarter"), ("2025H1", "period"), ("2025", "period")])
def test_an_issue_record_names_its_period(text: str, key: str) -> None:
    record = IssueRecord(Period.parse(text), "05/BC-BQL", date(2025, 7, 10), None, {"data/units/a/2025Q1.md": "0" * 64})
    written = issuance.dump(record)

    assert f"\n{key}: '{text}'\n" in written or f"\n{key}: {text}\n" in written
    assert issuance.parse(written) == record


def test_the_option_that_names_a_period_on_the_command_line() -> None:
    assert [Period.parse(text).option() for text in ("2025Q2", "2025H1", "2025")] == [
        "--quarter 2025Q2",
        "--period 2025H1",
        "--period 2025",
    ]
