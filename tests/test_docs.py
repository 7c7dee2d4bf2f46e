"""The documentation in docs/ matches the code: every finding code, every status, every field, the example note."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
import typer.main

from nq43.check.validation import check_note
from nq43.cli.app import app
from nq43.domain.catalogue import CATALOGUE
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.directive import load_directive
from nq43.load.notes import parse_note
from nq43.load.schema import schema_text

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CODE_HEADING = re.compile(r"^### (NQ\d{3})\b", re.MULTILINE)


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Each documented code and the text under its heading, up to the next heading."""
    parts = re.split(r"^(#{2,3} .*)$", text, flags=re.MULTILINE)
    out = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        match = CODE_HEADING.match(heading)
        if match:
            out[match[1]] = body
    return out


def test_every_code_in_the_catalogue_is_documented_and_nothing_else() -> None:
    documented = CODE_HEADING.findall(_read("ma-loi.md"))

    assert len(documented) == len(set(documented)), "a code is documented twice"
    assert sorted(set(CATALOGUE) - set(documented)) == [], "codes without a section in docs/ma-loi.md"
    assert sorted(set(documented) - set(CATALOGUE)) == [], "documented codes that do not exist"


def test_each_documented_code_states_its_severity() -> None:
    label = {"error": "**Lỗi", "warning": "**Cảnh báo"}
    for code, body in _sections(_read("ma-loi.md")).items():
        assert label[CATALOGUE[code].severity] in body, code


def _status_enum() -> list[str]:
    schema = json.loads(schema_text("note"))
    return list(schema["properties"]["tasks"]["additionalProperties"]["properties"]["status"]["enum"])


@pytest.mark.parametrize("value", _status_enum())
def test_every_status_the_schema_accepts_is_in_the_guide(value: str) -> None:
    assert f"`{value}`" in _read("ghi-chu-quy.md")


def test_every_status_is_a_row_of_the_guide_s_table_with_its_other_spellings() -> None:
    guide = _read("ghi-chu-quy.md")
    for status in Status:
        row = f"| `{status.value}` | {status.label.vi} | {status.short.vi} |"
        assert row in guide, row
        for spelling in status.facts.aliases:
            assert f"`{spelling}`" in guide, spelling


def test_every_unit_state_is_in_the_calendar_guide_with_its_check_result() -> None:
    guide = _read("lich-bao-cao.md")
    for state in State:
        assert f"`{state.value}`" in guide
        result = "**không đạt**" if state.failing else "đạt"
        assert re.search(rf"^\| {re.escape(state.label.vi)} \| .* \| {re.escape(result)} \|$", guide, re.M), state


def test_every_standing_is_in_the_template_guide() -> None:
    guide = _read("mau-bao-cao.md")
    for standing in Standing:
        assert f"`{standing.value}`" in guide


def test_every_field_of_the_note_schema_is_in_the_guide() -> None:
    schema = json.loads(schema_text("note"))
    task_fields = schema["properties"]["tasks"]["additionalProperties"]["properties"]
    amend_fields = schema["properties"]["amends"]["items"]["properties"]
    guide = _read("ghi-chu-quy.md")
    for field in [*schema["properties"], *task_fields, *amend_fields]:
        assert f"`{field}`" in guide, field


def test_every_key_of_the_directive_and_unit_files_is_in_the_office_guide() -> None:
    guide = _read("du-lieu-cong-van.md")

    def keys(node: dict[str, object]) -> set[str]:
        found: set[str] = set()
        for key, child in (node.get("properties") or {}).items():  # type: ignore[attr-defined]
            found.add(key)
            found |= keys(child)
        items = node.get("items")
        if isinstance(items, dict):
            found |= keys(items)
        return found

    for name in ("directive", "unit"):
        for key in keys(json.loads(schema_text(name))):
            assert f"`{key}`" in guide, f"{name}: {key}"


def test_the_complete_example_in_the_guide_is_a_valid_note() -> None:
    guide = _read("ghi-chu-quy.md")
    after = guide.split("## Ví dụ hoàn chỉnh", 1)[1]
    example = re.search(r"^```markdown\n(.*?)^```$", after, re.MULTILINE | re.DOTALL)
    assert example is not None
    directive, _ = load_directive(ROOT)
    assert directive is not None

    read = parse_note(example[1], "data/units/qldt/2025Q1.md")
    findings = [
        *read.findings,
        *check_note(read, directive, folder="qldt", file_name="2025Q1.md", today=date(2025, 3, 31)),
    ]

    assert [(f.line, f.code) for f in findings] == []
    assert read.note is not None and len(read.note.sections) == 4


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_docs_point_at_existing_headings() -> None:
    for page in sorted(DOCS.glob("*.md")):
        for target, anchor in re.findall(r"\]\(([\w.-]*\.md)?#([^)]+)\)", page.read_text(encoding="utf-8")):
            linked = DOCS / (target or page.name)
            assert linked.is_file(), f"{page.name}: {target}"
            headings = re.findall(r"^#{1,6} (.*)$", linked.read_text(encoding="utf-8"), re.MULTILINE)
            assert anchor in {_anchor(h) for h in headings}, f"{page.name}: {target}#{anchor}"


def test_every_module_is_named_in_the_readme_tree() -> None:
    """The README's tree of src/nq43 names every module, so that a newcomer finds where a job is done."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("\nsrc/nq43/\n") : readme.index("```", readme.index("\nsrc/nq43/\n"))]
    source = ROOT / "src" / "nq43"
    modules = {p.name for p in source.glob("*/*.py") if p.name != "__init__.py"}
    assert modules, "no modules found"
    assert sorted(m for m in modules if not re.search(rf"\b{re.escape(m)}\b", tree)) == []
    named = set(re.findall(r"\b([a-z_]+\.py)\b", tree))
    assert named - {p.name for p in source.rglob("*.py")} == set()


def test_every_option_of_every_command_is_documented() -> None:
    """Each option `nq43 <command> --help` shows is named in the README or a guide, and each command is in the
    README's command table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = readme + "".join(_read(p.name) for p in sorted(DOCS.glob("*.md")))
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert {"validate", "new", "import", "status", "report", "remind", "check", "codeowners"} <= set(commands)
    missing = []
    for name, command in sorted(commands.items()):
        if f"`nq43 {name}" not in readme:
            missing.append(f"nq43 {name}")
        for param in command.params:
            missing += [f"nq43 {name} {opt}" for opt in param.opts if opt.startswith("--") and opt not in text]
    assert missing == []


def test_the_readme_says_why_each_dependency_is_there() -> None:
    """Every dependency in pyproject.toml (the package's and its extras') has a row in the README's tables."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    names = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0] for d in wanted} - {"nq43"}
    rows = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    assert len(names) > 10
    assert sorted(n for n in names if not any(re.search(rf"\b{re.escape(n)}\b", row, re.I) for row in rows)) == []
