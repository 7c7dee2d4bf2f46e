"""Vietnamese text conventions: NFC, tone-insensitive keys, alphabetical order, dates and numbers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

# Combining marks that carry a tone, in the order dictionaries sort them:
# ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Characters that text pasted from Word or the web carries and that mean nothing in a note.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
# Searched by the regular-expression engine: a loop over every character of every note costs milliseconds.
_INVISIBLE_RE = re.compile("[" + "".join(sorted(_INVISIBLE | _BIDI)) + "]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Either kind, as the inside of a regular-expression class: found in one pass here and in source.py.
HIDDEN_CHARACTERS = _INVISIBLE_RE.pattern[1:-1] + _CONTROL_RE.pattern[1:-1]
_HIDDEN_RE = re.compile(f"[{HIDDEN_CHARACTERS}]")


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the form every comparison in nq43 assumes."""
    return unicodedata.normalize("NFC", text)


def _split_tones(word: str) -> tuple[str, int]:
    """Split a word into its letters without tone marks and the (last) tone it carries."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def tone_key(text: str) -> str:
    """A form where old and new tone placement agree ("hoà" and "hòa", "Uỷ" and "Ủy").

    Each word keeps its letters and vowel marks; its tone is moved to the end as a digit, and case and
    surrounding space are folded. Use it to match names, never to display them.
    """
    words = []
    for word in nfc(text).casefold().split():
        letters, tone = _split_tones(word)
        words.append(f"{letters}{tone}" if tone else letters)
    return " ".join(words)


def ascii_fold(text: str) -> str:
    """Remove every diacritic ("Đã hoàn thành" -> "da hoan thanh"), lower-cased."""
    decomposed = unicodedata.normalize("NFD", nfc(text).casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)  # headings and statuses repeat from note to note
def slug(text: str) -> str:
    """A lower-case ASCII identifier made of words joined by hyphens ("Đang thực hiện" -> "dang-thuc-hien")."""
    out = []
    for ch in ascii_fold(text):
        out.append(ch if ch.isascii() and ch.isalnum() else " ")
    return "-".join("".join(out).split())


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Key for Vietnamese alphabetical order: letters first (a < ă < â, d < đ ...), tones second."""
    letters: list[int] = []
    tones: list[int] = []
    for word in nfc(text).casefold().split():
        base, tone = _split_tones(word)
        for ch in base:
            letters.append(_LETTER_RANK.get(ch, len(_ALPHABET) + ord(ch)))
        letters.append(-1)  # word boundary sorts before any letter: "an" < "an toàn" < "anh"
        tones.append(tone)
    return tuple(letters), tuple(tones)


def sorted_vi(items: list[str]) -> list[str]:
    """Sort strings in Vietnamese alphabetical order."""
    return sorted(items, key=sort_key)


def date_long(day: date) -> str:
    """Decree 30 date: "ngày 05 tháng 3 năm 2025"; days below 10 and months 1, 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_short(day: date) -> str:
    """Short Vietnamese date as written in tables and messages: "10/3/2025"."""
    return f"{day.day}/{day.month}/{day.year}"


def number(value: float | int | Decimal, decimals: int | None = None) -> str:
    """Vietnamese number: "." groups thousands, "," marks decimals ("21.914", "72,5").

    With `decimals` None, a whole number prints without decimals and a fraction with as many as it needs
    (at most 2).
    """
    amount = Decimal(str(value))
    trim = decimals is None
    quantum = Decimal(1).scaleb(-(2 if decimals is None else decimals))
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, frac = f"{abs(amount):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + ".".join(groups)
    if trim:
        frac = frac.rstrip("0")
    return f"{text},{frac}" if frac else text


def percent(value: float | int | Decimal, decimals: int | None = None) -> str:
    """Vietnamese percentage: "72,5%"."""
    return f"{number(value, decimals)}%"


def has_hidden_characters(text: str) -> bool:
    """True when the text holds a control, zero-width or bidirectional character (most texts hold none)."""
    return _HIDDEN_RE.search(text) is not None


def invisible_characters(text: str) -> list[int]:
    """Offsets of zero-width and bidirectional control characters (they hide or reorder text)."""
    return [match.start() for match in _INVISIBLE_RE.finditer(text)]


def control_characters(text: str) -> list[int]:
    """Offsets of control characters other than tab and line breaks (Word cannot hold them)."""
    return [match.start() for match in _CONTROL_RE.finditer(text)]


def clean(text: str) -> str:
    """Text that a document can hold: NFC, without control, zero-width or bidi characters."""
    text = nfc(text)
    if _CONTROL_RE.search(text) is None and _INVISIBLE_RE.search(text) is None:
        return text
    return _INVISIBLE_RE.sub("", _CONTROL_RE.sub("", text))
