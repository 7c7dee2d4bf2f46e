"""Reporting periods: the quarter a unit's note covers, and the quarter, half-year or year a report covers.

A `Quarter` ("2025Q1") is what notes, due dates and the calendar speak of. A `Period` is what a report covers:
a quarter ("2025Q1"), a half-year ("2025H1") or a year ("2025"), made of whole quarters. The kinds are the rows
of `PeriodKind`: a new kind of report is a row there and its template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple, assert_never

QUARTERS_PER_YEAR = 4
QUARTER_PATTERN = re.compile(r"(\d{4})Q([1-4])")


class Quarter(NamedTuple):
    """A calendar quarter, written "2025Q1"."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = QUARTER_PATTERN.fullmatch(text.strip())
        if not match:
            raise ValueError(f"not a quarter: {text!r} (expected YYYYQn, n from 1 to 4)")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    @property
    def last_month(self) -> int:
        return 3 * self.number

    @property
    def roman(self) -> str:
        return ("I", "II", "III", "IV")[self.number - 1]

    def label(self) -> str:
        """Vietnamese name: "quý I năm 2025"."""
        return Period.of(self).label()

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)


@dataclass(frozen=True, slots=True)
class KindRow:
    """Everything about one kind of reporting period."""

    letter: str  # between the year and the number in the period's code: "Q" in 2025Q1, "H" in 2025H1, "" for a year
    quarters: int  # how many quarters one period holds
    name: str  # the Vietnamese word in a report's title: "quý", "6 tháng", "năm"
    name_en: str
    template: str  # the report template of this kind (only the quarter's ships for now: issue 15 adds the others)


class PeriodKind(Enum):
    """The kinds of reporting period, each with its row."""

    QUARTER = KindRow("Q", 1, "quý", "quarter", "report.md.j2")
    HALF_YEAR = KindRow("H", 2, "6 tháng", "half-year", "report-half-year.md.j2")
    YEAR = KindRow("", 4, "năm", "year", "report-year.md.j2")

    @property
    def row(self) -> KindRow:
        row: KindRow = self.value
        return row

    @property
    def per_year(self) -> int:
        return QUARTERS_PER_YEAR // self.row.quarters


_LETTERS = "".join(kind.row.letter for kind in PeriodKind)
PERIOD_PATTERN = re.compile(rf"(\d{{4}})(?:([{_LETTERS}])([1-9]))?")


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a quarter (number 1 to 4), a half-year (1 or 2) or a year (number 1)."""

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= self.kind.per_year:
            raise ValueError(f"not a {self.kind.row.name_en} number: {self.number}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2025Q1", "2025H1" or "2025"."""
        match = PERIOD_PATTERN.fullmatch(text.strip())
        if match is not None:
            letter = match[2] or ""
            kind = next(k for k in PeriodKind if k.row.letter == letter)
            return cls(kind, int(match[1]), int(match[3] or 1))
        raise ValueError(f"not a reporting period: {text!r} (expected YYYYQn, YYYYHn or YYYY)")

    @classmethod
    def of(cls, quarter: Quarter) -> Period:
        return cls(PeriodKind.QUARTER, quarter.year, quarter.number)

    def __str__(self) -> str:
        return f"{self.year}{self.kind.row.letter}{self.number}" if self.kind.row.letter else str(self.year)

    def quarters(self) -> tuple[Quarter, ...]:
        """The quarters the period is made of, in order."""
        size = self.kind.row.quarters
        first = (self.number - 1) * size + 1
        return tuple(Quarter(self.year, n) for n in range(first, first + size))

    @property
    def quarter(self) -> Quarter | None:
        """The quarter this period is, when it is one."""
        quarters = self.quarters()
        return quarters[0] if len(quarters) == 1 else None

    @property
    def last_quarter(self) -> Quarter:
        return self.quarters()[-1]

    @property
    def first_day(self) -> date:
        return self.quarters()[0].first_day

    @property
    def last_day(self) -> date:
        return self.last_quarter.last_day

    def next(self) -> Period:
        """The period of the same kind that follows: 2025H1 -> 2025H2, 2025H2 -> 2026H1, 2025 -> 2026."""
        if self.number < self.kind.per_year:
            return Period(self.kind, self.year, self.number + 1)
        return Period(self.kind, self.year + 1, 1)

    def option(self) -> str:
        """How the command line names this period, for the commands a message suggests: "--quarter 2025Q2" for a
        quarter (the option a clerk knows), "--period 2025H1" or "--period 2025" for the others."""
        return f"--quarter {self}" if self.kind is PeriodKind.QUARTER else f"--period {self}"

    def label(self) -> str:
        """Vietnamese name as a report's title says it: "quý I năm 2025", "6 tháng đầu năm 2025", "năm 2025"."""
        name = self.kind.row.name
        match self.kind:
            case PeriodKind.QUARTER:
                return f"{name} {self.last_quarter.roman} năm {self.year}"
            case PeriodKind.HALF_YEAR:
                return f"{name} {('đầu', 'cuối')[self.number - 1]} năm {self.year}"
            case PeriodKind.YEAR:
                return f"{name} {self.year}"
            case _:
                assert_never(self.kind)

    def label_en(self) -> str:
        """English name: "Q1 2025", "first half of 2025", "2025"."""
        match self.kind:
            case PeriodKind.QUARTER:
                return f"Q{self.number} {self.year}"
            case PeriodKind.HALF_YEAR:
                return f"{('first', 'second')[self.number - 1]} half of {self.year}"
            case PeriodKind.YEAR:
                return str(self.year)
            case _:
                assert_never(self.kind)
