"""The schema file is the contract: nq43's schema verdict on a front matter is the verdict of an editor's validator.

The second validator is check-jsonschema (a test dependency): another library (Python's jsonschema, with
ECMAScript patterns as editors run them), reading the schema that `nq43 schema <kind>` prints. Both see the
data as nq43's YAML reader gives it, written out as JSON, so the test compares the schemas' verdicts and not two
YAML readers. Formats are annotations only on both sides (JSON Schema 2020-12's default): a date that does not
exist is refused later, by nq43's own check (NQ306).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from notekit import SHIPPED, run_cli
from nq43.load.notes import parse_note, split_front_matter
from nq43.load.schema import SchemaName, check
from nq43.load.yamlload import YamlDoc, load_yaml

ROOT = SHIPPED
SCHEMA_CODES = {f"NQ30{n}" for n in range(1, 10)}  # every code load/schema.py gives, the warning NQ303 too

NOTE = """\
unit: qldt
quarter: 2025Q1
prepared_by: Nguyễn Văn An
submitted: 2025-03-05
tasks:
  "2.1": {status: thuong-xuyen, progress: 40, indicators: {ty-le-lap-day: 72.5}}
"""
# Deliberately wrong (and a few right) front matters, each one change away from NOTE.
NOTE_CHANGES = {
    "valid": ("", ""),
    "vietnamese-label": ("thuong-xuyen", '"Thường xuyên"'),
    "unknown-status": ("thuong-xuyen", "xong"),
    "boolean-status": ("thuong-xuyen", "yes"),
    "true-status": ("thuong-xuyen", "true"),
    "empty-status": ("thuong-xuyen", "''"),
    "no-status": ("status: thuong-xuyen, ", ""),
    "no-unit": ("unit: qldt\n", ""),
    "unit-number": ("unit: qldt", "unit: 12"),
    "unit-path": ("unit: qldt", "unit: ../x"),
    "unit-upper": ("unit: qldt", "unit: QLDT"),
    "quarter-5": ("2025Q1", "2025Q5"),
    "quarter-newline": ("quarter: 2025Q1", 'quarter: "2025Q1\\n"'),
    "date-slashes": ("2025-03-05", "05/03/2025"),
    "date-newline": ("submitted: 2025-03-05", 'submitted: "2025-03-05\\n"'),
    "date-not-real": ("2025-03-05", "2025-02-30"),
    "empty-name": ("Nguyễn Văn An", "''"),
    "null-name": (" Nguyễn Văn An", ""),
    "progress-high": ("progress: 40", "progress: 120"),
    "progress-negative": ("progress: 40", "progress: -1"),
    "progress-percent": ("progress: 40", "progress: 40%"),
    "progress-float": ("progress: 40", "progress: 99.5"),
    "task-id-short": ('"2.1"', '"2"'),
    "task-id-zero": ('"2.1"', '"2.01"'),
    "task-id-number": ('"2.1"', "2.10"),
    "task-key-unknown": ("progress: 40", "progres: 40"),
    "indicator-id": ("ty-le-lap-day", "Ty-Le"),
    "indicator-text": ("72.5", "nhiều"),
    "top-key-unknown": ("prepared_by:", "quater: 2025Q1\nprepared_by:"),
    "no-tasks": ('tasks:\n  "2.1": {status: thuong-xuyen, progress: 40, indicators: {ty-le-lap-day: 72.5}}\n', ""),
    "empty-tasks": ('\n  "2.1": {status: thuong-xuyen, progress: 40, indicators: {ty-le-lap-day: 72.5}}', " {}"),
    "tasks-list": ('\n  "2.1": {status: thuong-xuyen, progress: 40, indicators: {ty-le-lap-day: 72.5}}', " [2.1]"),
    "sample-yes": ("unit: qldt", "unit: qldt\nsample: yes"),
    "sample-true": ("unit: qldt", "unit: qldt\nsample: true"),
    "amends-empty": ("unit: qldt", "unit: qldt\namends: []"),
    "amends-no-reason": ("unit: qldt", "unit: qldt\namends: [{date: 2025-04-01}]"),
    "amends-ok": ("unit: qldt", "unit: qldt\namends: [{date: 2025-04-01, reason: Sửa số liệu}]"),
}
# Other spellings of a status: nq43 refuses them (NQ304, with a fix naming the code), as the schema does.
ALIASES = {"alias-dang-trien-khai": "dang-trien-khai", "alias-no-diacritics": "Thuong xuyen"}
UNIT = "id: qldt\nname: Phòng Quản lý đô thị\nshort_name: QLĐT\nsubmitters:\n  - name: An\n    github: an-nguyen\n"
UNIT_CHANGES = {
    "unit-valid": ("", ""),
    "unit-bad-github": ("an-nguyen", "'not valid!'"),
    "unit-no-name": ("name: Phòng Quản lý đô thị\n", ""),
    "unit-no-submitters": ("submitters:\n  - name: An\n    github: an-nguyen\n", "submitters: []\n"),
    "unit-extra": ("short_name", "short: x\nshort_name"),
}


def _front_matter(text: str, path: str) -> YamlDoc | None:
    """The front matter as nq43's YAML reader gives it, or None when nq43 refuses it before the schema."""
    front, _ = split_front_matter(text, path)
    if front is None:
        return None
    doc, problems = load_yaml(front.yaml_text, path, line_offset=1)
    return doc if doc is not None and not problems and isinstance(doc.data, dict) else None


def _note_verdict(text: str) -> bool:
    """nq43's verdict on a note's front matter: no schema finding when the note is read."""
    return not any(f.code in SCHEMA_CODES for f in parse_note(text, "n.md").findings)


def _editor_verdicts(
    name: SchemaName, instances: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, bool]:
    """check-jsonschema's verdict on each instance, against the schema `nq43 schema <name>` prints."""
    beside = Path(sys.executable).parent / "check-jsonschema"
    checker = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    if checker is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    code, printed, _ = run_cli(capsys, "schema", name)
    assert code == 0
    folder = tmp_path / name
    folder.mkdir()
    schema_file = folder / "schema.json"
    schema_file.write_text(printed, encoding="utf-8")
    files = {}
    for label, data in instances.items():
        files[label] = folder / f"{label}.json"
        files[label].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [checker, "--schemafile", str(schema_file), "--disable-formats", "*", "-o", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    report = json.loads(done.stdout)
    assert not report.get("parse_errors"), report
    refused = {Path(error["filename"]).name for error in report.get("errors", [])}
    return {label: file.name not in refused for label, file in files.items()}


def _note_corpus() -> dict[str, str]:
    """Note texts: the shipped notes, the hostile corpus, and NOTE with each change."""
    texts = {}
    for file in sorted((ROOT / "data" / "units").glob("*/*.md")):
        texts[f"shipped-{file.parent.name}-{file.stem}"] = file.read_text(encoding="utf-8")
    for file in sorted((ROOT / "tests" / "corpus").rglob("*.md")):
        try:
            texts[f"corpus-{file.stem}"] = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # refused as a file, before any YAML
            continue
    for label, (old, new) in NOTE_CHANGES.items():
        assert old in NOTE, label
        texts[label] = "---\n" + NOTE.replace(old, new, 1) + "---\n"
    for label, alias in ALIASES.items():
        texts[label] = "---\n" + NOTE.replace("thuong-xuyen", alias) + "---\n"
    return texts


def test_nq43_and_an_editor_give_each_note_the_same_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = _note_corpus()
    docs = {label: doc for label, text in texts.items() if (doc := _front_matter(text, "n.md")) is not None}
    editor = _editor_verdicts("note", {label: doc.data for label, doc in docs.items()}, tmp_path, capsys)
    ours = {label: _note_verdict(texts[label]) for label in docs}
    differ = {label: ("nq43", ours[label], "editor", editor[label]) for label in docs if ours[label] != editor[label]}
    assert not differ, differ
    # The corpus holds both verdicts, from each part of it.
    assert ours["valid"] and not ours["unknown-status"]
    assert ours["shipped-qldt-2025Q1"] and not ours["corpus-dot-dot-unit"]
    assert len(docs) > len(NOTE_CHANGES) + 10


@pytest.mark.parametrize("label", sorted(ALIASES))
def test_a_status_alias_is_refused_as_the_schema_refuses_it(label: str) -> None:
    assert not _note_verdict("---\n" + NOTE.replace("thuong-xuyen", ALIASES[label]) + "---\n")


@pytest.mark.parametrize(
    ("name", "pattern"),
    [("unit", "data/units/*/unit.yaml"), ("directive", "data/directive.yaml"), ("calendar", "data/calendar.yaml")],
)
def test_nq43_and_an_editor_agree_on_the_other_files(
    name: SchemaName, pattern: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {f"shipped-{i}": file.read_text(encoding="utf-8") for i, file in enumerate(sorted(ROOT.glob(pattern)))}
    if name == "unit":
        texts |= {label: UNIT.replace(old, new, 1) for label, (old, new) in UNIT_CHANGES.items()}
    docs = {}
    for label, text in texts.items():
        doc, problems = load_yaml(text, f"{label}.yaml")
        assert doc is not None and not problems, label
        docs[label] = doc
    editor = _editor_verdicts(name, {label: doc.data for label, doc in docs.items()}, tmp_path, capsys)
    ours = {label: not check(name, doc, f"{label}.yaml") for label, doc in docs.items()}
    assert ours == editor
    assert all(verdict for label, verdict in ours.items() if label.startswith("shipped-"))
    if name == "unit":
        assert ours["unit-valid"] and not ours["unit-bad-github"]
