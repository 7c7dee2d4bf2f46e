"""The hidden-character scans find the same places as a test of every character by its code point."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from nq43.support.vietnamese import clean, control_characters, invisible_characters, nfc

EDGES = (
    "\x00\x08\t\n\x0b\x0c\r\x0e\x1f \x7e\x7f\x80\x9f\xa0\u200b\u200c\u200d\u200e\u200f\u2060\u2028\u2029"
    "\u202a\u202e\u202f\u2066\u2069\u206a\ufeff\ufffd\ufffe\uffffaăđ"
)


def by_code_point_control(text: str) -> list[int]:
    return [
        i
        for i, ch in enumerate(text)
        if (ord(ch) < 0x20 and ch not in "\t\n\r") or 0x7F <= ord(ch) <= 0x9F or ch in "\ufffe\uffff"
    ]


def by_code_point_invisible(text: str) -> list[int]:
    hidden = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    return [i for i, ch in enumerate(text) if ord(ch) in hidden]


@given(st.text(alphabet=st.sampled_from(EDGES) | st.characters(), max_size=60))
def test_scans_agree_with_code_points(text: str) -> None:
    assert control_characters(text) == by_code_point_control(text)
    assert invisible_characters(text) == by_code_point_invisible(text)


def test_clean_drops_what_the_scans_find() -> None:
    assert clean("Kết\x07 quả\u200b\u202e đạt\ufeff") == "Kết quả đạt"


@given(st.text(alphabet=st.sampled_from(EDGES) | st.characters(), max_size=60))
def test_hidden_characters_are_found_in_one_pass(text: str) -> None:
    from nq43.support.vietnamese import has_hidden_characters

    assert has_hidden_characters(text) == bool(by_code_point_control(text) or by_code_point_invisible(text))


# a file holds encoded text: lone surrogates (category Cs) cannot be written as UTF-8
@given(st.text(alphabet=st.sampled_from(EDGES + "¸µ¶Øðö") | st.characters(codec="utf-8"), max_size=40))
def test_reading_finds_every_hidden_or_legacy_character(tmp_path_factory: Any, text: str) -> None:
    from nq43.load.source import read_source

    assume("\x00" not in text)  # NUL bytes make the file look like UTF-16, a finding of its own
    folder = tmp_path_factory.mktemp("src")
    file = folder / "note.md"
    file.write_text(text * 3, encoding="utf-8", newline="")
    codes = {f.code for f in read_source(file, "note.md").findings}
    assert ("NQ106" in codes) == bool(by_code_point_control(nfc(text)))
    assert ("NQ107" in codes) == bool(by_code_point_invisible(nfc(text)))
    assert ("NQ110" in codes) == (sum(ch in "¸µ¶·¹®¬«©¨ª¦§¤¥¢£¡ØÆÇËÎÏÑÖÛÜäåæçëîïñöøûüÿßþÞð" for ch in nfc(text)) >= 1)
