"""Properties of the reader and validator on any input: findings or a clean result, never an exception."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notekit import NOTE_PATH, QLDT_NOTE, SHIPPED, TODAY, make_repo, tree_digest
from nq43.check.reporters import github, text
from nq43.check.repository import load_repository
from nq43.check.validation import check_note
from nq43.domain.catalogue import CATALOGUE
from nq43.domain.findings import Finding
from nq43.domain.records import Directive
from nq43.load.directive import load_directive
from nq43.load.notes import parse_body, parse_note
from nq43.load.source import read_source
from nq43.load.yamlload import load_yaml
from nq43.support.vietnamese import clean, nfc, sort_key, tone_key

# NQ43_FUZZ_EXAMPLES=5000 searches longer (before a release); the default keeps the suite fast.
EXAMPLES = int(os.environ.get("NQ43_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEAD, BODY = QLDT_NOTE.split("\n---\n", 1)
DIRECTIVE: Directive | None = load_directive(SHIPPED)[0]

# Pieces that YAML and Markdown give a meaning to, so that generated text reaches the parsers' corners.
YAML_PIECES = st.sampled_from(
    [
        "unit: ",
        "qldt",
        "quarter: ",
        "2025Q1",
        "2025Q5",
        "prepared_by: ",
        "submitted: ",
        "2025-02-30",
        "2025-03-05",
        "tasks:\n",
        "  ",
        "    ",
        '"2.1"',
        "2.10",
        "2.1",
        ": ",
        "status: ",
        "yes",
        "no",
        "~",
        "null",
        "true",
        "1e999",
        "1.5e+999",
        "-1",
        "99999999999999999999999",
        "progress: ",
        "indicators:\n",
        "ty-le-lap-day",
        "completed: ",
        "amends:\n",
        "- ",
        "date: ",
        "reason: x",
        "&a ",
        "*a",
        "!!str ",
        "!!python/object ",
        "? ",
        ".inf",
        ".nan",
        "0x10",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\n",
        "\t",
        "'",
        '"',
        "#",
        "|",
        ">",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
        "\\",
        "@",
        "`",
        "Nguyễn",
        "\u200b",
        "\x00",
        "\ufeff",
    ]
)
MARKDOWN_PIECES = st.sampled_from(
    [
        "## ",
        "### ",
        "#",
        "2.1",
        "2.10",
        "2.4",
        "9.9",
        ". ",
        "Kết quả",
        "Ket qua",
        "Khó khăn, vướng mắc",
        "Đề xuất",
        "Nhiệm vụ trọng tâm quý tới",
        "\n",
        "\n\n",
        "<!--",
        "-->",
        "|a|b|\n|-|-|\n",
        "```",
        "~~~",
        "    ",
        "- ",
        "1. ",
        "> ",
        "x",
        "<div>",
        "</div>",
        "***",
        "---",
        "===",
        "[a](../../etc/passwd)",
        "![i](../x.png)",
        "{{ x }}",
        "{% for %}",
        "<w:p>",
        "\r\n",
        "\u202e",
        "🙂",
        "\t",
        "\\",
    ]
)


def _check_findings(findings: tuple[Finding, ...] | list[Finding], lines: int) -> None:
    for found in findings:
        assert found.code in CATALOGUE
        assert 1 <= found.line <= lines + 1, found
        assert found.column >= 1
        found.message("vi")
        found.message("en")
        found.hint("en")


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "2025Q1.md"
        file.write_bytes(data)
        source = read_source(file, "2025Q1.md")
        if source.text is None:
            assert source.findings
        else:
            assert source.text == nfc(source.text)
            assert "\r" not in source.text
            _check_findings(source.findings, source.text.count("\n") + 1)
        assert file.read_bytes() == data


@FAST
@given(st.text(max_size=300))
def test_any_text_parses_to_findings_or_a_note(note: str) -> None:
    for candidate in (note, "---\n" + note, HEAD + "\n---\n" + note, "---\n" + note + "\n---\n" + BODY):
        read = parse_note(candidate, NOTE_PATH)
        _check_findings(read.findings, candidate.count("\n") + 1)
        if read.note is None:
            assert read.findings


@FAST
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_any_yaml_loads_or_gives_findings(yaml_text: str) -> None:
    doc, findings = load_yaml(yaml_text, "f.yaml", line_offset=1)
    assert (doc is None) == bool(findings)
    _check_findings(findings, yaml_text.count("\n") + 2)


@FAST
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_any_front_matter_is_checked_without_exception(yaml_text: str) -> None:
    assert DIRECTIVE is not None
    note = "---\n" + yaml_text + "\n---\n" + BODY
    read = parse_note(note, NOTE_PATH)
    found = check_note(read, DIRECTIVE, folder="qldt", file_name="2025Q1.md", today=TODAY)
    _check_findings([*read.findings, *found], note.count("\n") + 1)


@FAST
@given(st.lists(MARKDOWN_PIECES, max_size=60).map("".join))
def test_any_markdown_body_is_checked_without_exception(body: str) -> None:
    assert DIRECTIVE is not None
    parsed, findings = parse_body(body, 15, NOTE_PATH)
    _check_findings(findings, body.count("\n") + 16)
    for section in parsed.sections:
        assert 16 <= section.line <= body.count("\n") + 16
    read = parse_note(HEAD + "\n---\n" + body, NOTE_PATH)
    check_note(read, DIRECTIVE, folder="qldt", file_name="2025Q1.md", today=TODAY)


@settings(max_examples=max(40, EXAMPLES // 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=300)
    | st.lists(YAML_PIECES | MARKDOWN_PIECES, max_size=50).map(lambda pieces: "".join(pieces).encode())
)
def test_any_note_file_in_a_repository_is_checked_and_left_alone(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_repo(Path(folder))
        (root / NOTE_PATH).write_bytes(data)
        before = tree_digest(root)
        repo = load_repository(root, date(2025, 4, 1))
        assert len(repo.notes) == 1
        assert tree_digest(root) == before
        output = text(repo.findings)
        # one line per finding and one per hint: nothing from the note can add a line
        assert output.count("\n") == sum(2 if f.hint() else 1 for f in repo.findings)
        assert "\x1b" not in output + github(repo.findings)


@given(st.text())
def test_normalising_twice_changes_nothing(value: str) -> None:
    once = nfc(value)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert clean(clean(value)) == clean(value)
    assert tone_key(tone_key(value)) == tone_key(value)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậ AĂÂĐ", max_size=20), st.text(max_size=20))
def test_vietnamese_order_ignores_normal_form_and_case(value: str, other: str) -> None:
    assert sort_key(value) == sort_key(unicodedata.normalize("NFD", value))
    assert sort_key(value) == sort_key(value.upper())
    keys = sorted([sort_key(value), sort_key(other)])
    assert keys[0] <= keys[1]


@pytest.mark.parametrize("value", ["", "Hoà", "Ủy", "e\u0301", "\u1ebf", "Å", "ﬁ"])
def test_nfc_examples(value: str) -> None:
    assert nfc(nfc(value)) == nfc(value)
