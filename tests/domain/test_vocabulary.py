"""The vocabulary: each term defined once, and everything else (schema, views, report, skeleton) derived from it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from notekit import SHIPPED
from nq43.domain.vocabulary import Split, Standing, State, Status, Term
from nq43.load.notes import parse_note
from nq43.load.schema import STATUS_PATH, schema_text, shipped_text
from nq43.support.text import Text
from nq43.support.vietnamese import slug
from nq43.tracking.wording import legend

ROOT = SHIPPED
TERMS: tuple[type[Term], ...] = (Status, Standing, State)
# A Python name that must never reach a user: "Status.PAUSED", "State.ON_TIME"...
PYTHON_NAME = re.compile(r"\b(?:Status|Standing|State|Split)\.[A-Z_]+\b")


def _status_enum(text: str) -> list[str]:
    node = json.loads(text)
    for key in STATUS_PATH:
        node = node[key]
    return list(node["enum"])


def test_the_shipped_schema_file_lists_exactly_the_vocabulary_s_status_codes() -> None:
    expected = [s.value for s in Status]
    assert _status_enum(shipped_text("note")) == expected, (
        f"src/nq43/load/schemas/note.schema.json: set {'/'.join(STATUS_PATH)}/enum to {json.dumps(expected)}"
    )
    assert schema_text("note") == shipped_text("note")


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.__name__)
def test_every_value_has_its_facts_and_prints_as_its_code(term: type[Term]) -> None:
    codes = [member.value for member in term]
    assert len(set(codes)) == len(codes)
    for member in term:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", member.value)
        assert str(member) == f"{member}" == member.value
        assert isinstance(member.label, Text) and member.label.vi and member.label.en
        assert term.from_code(member.value) is member and term.of(member.value) is member
    assert term.from_code("nothing") is None
    with pytest.raises(ValueError, match="nothing"):
        term.of("nothing")


def test_each_spelling_of_a_status_means_one_status_only() -> None:
    owners: dict[str, Status] = {}
    for status in Status:
        for spelling in status.spellings:
            assert owners.setdefault(slug(spelling), status) is status, spelling
            assert Status.recognise(spelling) is status
            assert Status.recognise(spelling.upper()) is status
    assert Status.recognise("xong") is None
    assert Status.recognise(None) is None


@pytest.mark.parametrize("spelling", sorted({sp for s in Status for sp in s.spellings} | {"xong", "Hoàn tất"}))
def test_nq43_and_an_editor_with_the_schema_accept_the_same_statuses(spelling: str) -> None:
    """The schema is the contract: the codes only; every other spelling is refused by both, nq43 naming the code."""
    editor = Draft202012Validator(json.loads(schema_text("note")))
    data = {
        "unit": "qldt",
        "quarter": "2025Q1",
        "prepared_by": "A",
        "submitted": "2025-03-05",
        "tasks": {"2.1": {"status": spelling}},
    }
    front = "unit: qldt\nquarter: 2025Q1\nprepared_by: A\nsubmitted: 2025-03-05\ntasks:\n"
    text = f'---\n{front}  "2.1": {{status: "{spelling}"}}\n---\n'
    found = [f for f in parse_note(text, "n.md").findings if f.code == "NQ304"]

    accepted = Status.from_code(spelling) is not None
    assert editor.is_valid(data) is accepted
    assert (not found) is accepted
    meant = Status.recognise(spelling)
    if found and meant is not None:
        assert found[0].hint().startswith(f'Có phải ý bạn là "{meant.value}"?')


def test_the_split_of_every_kind_of_status_is_decided() -> None:
    assert [s for s in Split if s.unfinished] == [Split.UNDERWAY, Split.NOT_STARTED]


def test_a_unit_s_standing_facts() -> None:
    assert [s for s in State if s.failing] == [State.OVERDUE, State.INVALID]
    assert [s for s in State if s.submitted] == [State.ON_TIME, State.LATE, State.INVALID]
    assert [s for s in State if s.counted] == [State.ON_TIME, State.LATE]


def test_the_status_legend_is_built_from_the_vocabulary() -> None:
    assert legend("vi") == (
        "Số nhiệm vụ theo trạng thái đơn vị báo cáo: HT đã hoàn thành, ĐTH đang thực hiện, CTH chưa thực hiện, "
        "TX thường xuyên."
    )
    assert legend("en") == (
        "Tasks by reported status: Done = completed, Doing = in progress, NS = not started, Rec = recurring."
    )


# --- adding a status in the one place, and nowhere else ---

PAUSED_ROW = '    PAUSED = "tam-dung", StatusFacts(Text("Tạm dừng", "Paused"), Text("TD", "Pause"), Split.UNDERWAY)\n'


def _with_paused_status(tmp_path: Path) -> Path:
    """A copy of nq43's source with one row added to the vocabulary: a "tạm dừng" status."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "nq43", src / "nq43", ignore=shutil.ignore_patterns("__pycache__"))
    vocabulary = src / "nq43" / "domain" / "vocabulary.py"
    text = vocabulary.read_text(encoding="utf-8")
    anchor = "\n    @property\n    def short(self) -> Text:"
    assert text.count(anchor) == 1
    vocabulary.write_text(text.replace(anchor, "\n" + PAUSED_ROW + anchor), encoding="utf-8")
    return src


def _repo_with_a_paused_task(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "data", repo / "data")
    note = repo / "data" / "units" / "qldt" / "2025Q1.md"
    text = note.read_text(encoding="utf-8")
    assert "status: dang-thuc-hien" in text
    note.write_text(text.replace("status: dang-thuc-hien", "status: tam-dung", 1), encoding="utf-8")
    return repo


# Runs nq43 commands in one interpreter (each start costs more than the command), from the source in PYTHONPATH.
DRIVER = """
import contextlib, io, json, sys
import nq43.domain.vocabulary
from nq43.cli.app import main
runs = [[0, nq43.domain.vocabulary.__file__]]
for args in json.loads(sys.argv[1]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(args)
    runs.append([code, out.getvalue()])
print(json.dumps(runs))
"""


def _nq43(src: Path, repo: Path, *calls: list[str]) -> list[tuple[int, str]]:
    # after the last sample note's `submitted` day (the shipped notes run to 2025Q4), so that validate is clean
    env = {**os.environ, "PYTHONPATH": str(src), "NQ43_ROOT": str(repo), "NQ43_TODAY": "2025-12-31"}
    env.update(NO_COLOR="1", COLUMNS="200")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(calls)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    (_, module), *runs = json.loads(done.stdout)
    assert module.startswith(str(src))  # the copy with the added status is the one that ran
    for _, out in runs:
        assert "Traceback" not in out and "Lỗi nội bộ" not in out and not PYTHON_NAME.search(out), out
    return [(code, out) for code, out in runs]


def test_a_status_added_in_the_vocabulary_alone_works_everywhere(tmp_path: Path) -> None:
    src = _with_paused_status(tmp_path)
    repo = _repo_with_a_paused_task(tmp_path)
    q1 = ["--quarter", "2025Q1"]
    calls = [
        ["schema", "note"],
        ["validate"],
        ["status", *q1],
        ["status", *q1, "--tasks"],
        ["status", *q1, "--tasks", "--lang", "en"],
        ["status", "--unit", "qldt"],
        ["status", "--year", "2025"],
        ["status", *q1, "--format", "json"],
        ["status", *q1, "--format", "csv"],
        ["status", *q1, "--tasks", "--format", "csv"],
        ["status", "--unit", "qldt", "--format", "csv"],
        ["new", "--unit", "qldt", "--quarter", "2025Q2", "--stdout"],
        ["report", *q1, "--date", "2025-03-31"],
    ]
    runs = _nq43(src, repo, *calls)
    assert [code for code, _ in runs] == [0] * len(calls), runs
    out = dict(zip((" ".join(c) for c in calls), (text for _, text in runs), strict=True))

    assert "tam-dung" in out["schema note"]
    table = out["status --quarter 2025Q1"]
    assert " TD" in table and "TD tạm dừng" in table
    assert "Tạm dừng" in out["status --quarter 2025Q1 --tasks"]
    assert "Paused" in out["status --quarter 2025Q1 --tasks --lang en"]
    assert "TD 60%" in out["status --unit qldt"]
    data = json.loads(out["status --quarter 2025Q1 --format json"])
    assert next(u for u in data["units"] if u["unit"] == "qldt")["tasks"]["tam-dung"] == 1
    paused = [t for t in data["tasks"] if t["status"] == "tam-dung"]
    assert [(t["status_label"], t["standing"]) for t in paused] == [("Tạm dừng", "in-progress-no-deadline")]
    assert "tam-dung" in out["status --quarter 2025Q1 --format csv"].splitlines()[0]
    assert "Tạm dừng" in out["status --quarter 2025Q1 --tasks --format csv"]
    assert "Tạm dừng" in out["status --unit qldt --format csv"]
    assert "tam-dung" in out["new --unit qldt --quarter 2025Q2 --stdout"]
    report = (repo / "reports" / "2025Q1" / "bao-cao-2025Q1.md").read_text(encoding="utf-8")
    assert "Tạm dừng" in report and not PYTHON_NAME.search(report)
    assert (repo / "reports" / "2025Q1" / "bao-cao-2025Q1.docx").stat().st_size > 0

    note = repo / "data" / "units" / "qldt" / "2025Q1.md"
    note.write_text(note.read_text(encoding="utf-8").replace("status: tam-dung", "status: Tạm dừng"), encoding="utf-8")
    [(code, refused)] = _nq43(src, repo, ["validate", "data/units/qldt/2025Q1.md"])
    assert code == 1 and "NQ304" in refused and 'Có phải ý bạn là "tam-dung"?' in refused
