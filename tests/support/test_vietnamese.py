"""Vietnamese text conventions: NFC, tone keys, slugs, alphabetical order, dates and numbers."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from nq43.support.vietnamese import (
    ascii_fold,
    clean,
    control_characters,
    date_long,
    date_short,
    invisible_characters,
    nfc,
    number,
    percent,
    slug,
    sort_key,
    sorted_vi,
    tone_key,
)


def test_nfc_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Phòng Quản lý Đầu tư")
    assert decomposed != "Phòng Quản lý Đầu tư"
    assert nfc(decomposed) == "Phòng Quản lý Đầu tư"
    assert nfc(nfc(decomposed)) == nfc(decomposed)


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("Uỷ", "Ủy"), ("Uỷ ban nhân dân", "Ủy ban nhân dân"), ("thuỷ", "thủy"), ("hoạ", "họa")],
)
def test_tone_key_matches_old_and_new_tone_placement(old: str, new: str) -> None:
    assert old != new
    assert tone_key(old) == tone_key(new)


def test_tone_key_folds_case_space_and_normal_form_but_keeps_tones_and_vowel_marks() -> None:
    assert tone_key("  HOÀ   Bình ") == tone_key("hòa bình")
    assert tone_key(unicodedata.normalize("NFD", "Hòa")) == tone_key("hòa")
    assert tone_key("hoa") != tone_key("hòa")
    assert tone_key("hòa") != tone_key("hóa")
    assert tone_key("ô") != tone_key("ơ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đang thực hiện", "dang-thuc-hien"),
        ("Đã hoàn thành", "da-hoan-thanh"),
        ("Kết quả", "ket-qua"),
        ("Khó khăn, vướng mắc", "kho-khan-vuong-mac"),
        ("  Nhiệm vụ trọng tâm quý tới!  ", "nhiem-vu-trong-tam-quy-toi"),
        ("hoan-thanh", "hoan-thanh"),
        ("", ""),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_ascii_fold_removes_every_diacritic_and_d_bar() -> None:
    assert ascii_fold("ĐÃ HOÀN THÀNH") == "da hoan thanh"
    assert ascii_fold("Ưu tiên") == "uu tien"


def test_sort_order_of_letters_with_vowel_marks() -> None:
    assert sorted_vi(["b", "â", "ă", "a"]) == ["a", "ă", "â", "b"]
    assert sorted_vi(["e", "đ", "d"]) == ["d", "đ", "e"]
    assert sorted_vi(["ư", "u", "v"]) == ["u", "ư", "v"]
    assert sorted_vi(["ơ", "ô", "o"]) == ["o", "ô", "ơ"]


def test_d_bar_sorts_after_d_not_after_z() -> None:
    names = ["Zê", "Đà Nẵng", "Dương", "Yên Bái"]
    assert sorted(names) == ["Dương", "Yên Bái", "Zê", "Đà Nẵng"]  # code point order gets it wrong
    assert sorted_vi(names) == ["Dương", "Đà Nẵng", "Yên Bái", "Zê"]


def test_sort_letters_before_tones_and_words_before_longer_words() -> None:
    assert sorted_vi(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted_vi(["anh", "an toàn", "an"]) == ["an", "an toàn", "anh"]
    assert sorted_vi(["ăn", "ân", "an"]) == ["an", "ăn", "ân"]
    assert sort_key("Hải Phòng") == sort_key("hải phòng")
    assert sort_key(unicodedata.normalize("NFD", "Hải Phòng")) == sort_key("Hải Phòng")


def test_unit_names_sort_in_dictionary_order() -> None:
    units = [
        "Văn phòng Ban Quản lý",
        "Phòng Quản lý Đầu tư",
        "Phòng Doanh nghiệp và Giám sát đầu tư",
        "Trung tâm Dịch vụ việc làm",
        "Phòng Tài nguyên và Môi trường",
    ]
    assert sorted_vi(units) == [
        "Phòng Doanh nghiệp và Giám sát đầu tư",
        "Phòng Quản lý Đầu tư",
        "Phòng Tài nguyên và Môi trường",
        "Trung tâm Dịch vụ việc làm",
        "Văn phòng Ban Quản lý",
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 3, 5), "ngày 05 tháng 3 năm 2025"),
        (date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
        (date(2025, 2, 28), "ngày 28 tháng 02 năm 2025"),
        (date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
        (date(2024, 9, 9), "ngày 09 tháng 9 năm 2024"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (date(2024, 10, 1), "ngày 01 tháng 10 năm 2024"),
    ],
)
def test_date_long_zero_rule(day: date, expected: str) -> None:
    assert date_long(day) == expected


def test_date_short_has_no_leading_zeros() -> None:
    assert date_short(date(2025, 3, 10)) == "10/3/2025"
    assert date_short(date(2024, 7, 19)) == "19/7/2024"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (21914, None, "21.914"),
        (72.5, None, "72,5"),
        (1234567.891, None, "1.234.567,89"),
        (0.125, None, "0,13"),  # half up, not to even
        (2.0, None, "2"),
        (-1500, None, "-1.500"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (72.5, 2, "72,50"),
        (72.456, 0, "72"),
        (Decimal("0.1"), None, "0,1"),
    ],
)
def test_number(value: float, decimals: int | None, expected: str) -> None:
    assert number(value, decimals) == expected


def test_percent() -> None:
    assert percent(72.5) == "72,5%"
    assert percent(100) == "100%"
    assert percent(33.333, 1) == "33,3%"


def test_control_and_invisible_characters_are_found_and_cleaned() -> None:
    text = "Kết\x0bquả\u200b đạt\u202e 72,5%\x07\tvà\n"
    assert control_characters(text) == [3, 19]
    assert invisible_characters(text) == [7, 12]
    assert clean(text) == "Kếtquả đạt 72,5%\tvà\n"
    assert clean("Bình thường") == "Bình thường"
    assert clean(unicodedata.normalize("NFD", "Hòa")) == "Hòa"
