"""The page's numbers, from FORMAT-ND30.md ("sample" column): A4, margins, sizes, columns, rule lines.

Numbers are in twentieths of a point (twips: 1 mm = 56.7) unless said; font sizes in points.
"""

from __future__ import annotations

from nq43.report.fontmetrics import text_width_pt


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * 1440 / 25.4)


PAGE_WIDTH, PAGE_HEIGHT = mm(210), mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = mm(25), mm(20), mm(35), mm(20)
HEADER_DISTANCE = FOOTER_DISTANCE = mm(10)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
FIRST_LINE_INDENT = mm(10)
BODY_SIZE = 14
TABLE_SIZE = 13
SPACE_BEFORE = 120  # 6 pt
LETTER_SUMMARY_SIZE = 12  # a letter's trích yếu under its number (the decree: 12-13 pt)
# Header table: agency block | national title block, then number | place and date; indented as the sample.
HEADER_COLUMNS = (mm(67.5), mm(100))
HEADER_INDENT = -mm(3.5)
# Signature block: recipients | signing authority and name.
SIGNATURE_COLUMNS = (mm(53), mm(111))
ROOM_TO_SIGN = mm(25)
# Rule under the issuing agency and under the summary: this share of the text's length (the decree: 1/3 to 1/2).
RULE_SHARE = 0.4
RULE_SIZE = 6  # eighths of a point
RULE_PARAGRAPH = 60  # the rule is the bottom border of an empty paragraph this high (3 pt) under the text


def twips_of_points(points: float) -> int:
    return round(points * 20)


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """Width of a line of Times New Roman text, in twips."""
    return twips_of_points(text_width_pt(text, size, bold=bold))
