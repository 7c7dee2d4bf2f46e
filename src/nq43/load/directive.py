"""Load the directive (`data/directive.yaml`) and the units' `unit.yaml` files into a `Directive`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from nq43.domain.findings import Finding, finding
from nq43.domain.records import (
    Directive,
    Indicator,
    Letter,
    ReportConfig,
    ReportingRule,
    Resolution,
    Signing,
    Slip,
    Submitter,
    Task,
    Unit,
)
from nq43.load import schema
from nq43.load.layout import DIRECTIVE_FILE, UNIT_FILE, UNITS_DIR
from nq43.load.source import read_source
from nq43.load.yamlload import YamlDoc, load_yaml


def read_yaml_file(
    file: Path, path: str, schema_name: schema.SchemaName, inside: Path
) -> tuple[YamlDoc | None, list[Finding]]:
    """Read a YAML data file and check it against its schema; None when it cannot be used."""
    # Each kind of file has its own limits (load/limits.py): the directive may be province-sized.
    source = read_source(file, path, inside=inside, kind=schema_name)
    findings = list(source.findings)
    if source.text is None:
        return None, findings
    doc, yaml_findings = load_yaml(source.text, path, kind=schema_name)
    findings += yaml_findings
    if doc is None:
        return None, findings
    if not isinstance(doc.data, dict):
        findings.append(finding(path, 1, 1, "NQ203", what=path, found=schema.describe(doc.data)))
        return None, findings
    schema_findings = schema.check(schema_name, doc, path)
    findings += schema_findings
    if any(f.severity == "error" for f in schema_findings):
        return None, findings
    return doc, findings


def _signing(data: dict[str, Any]) -> Signing:
    return Signing(tuple(data["authority"]), data["name"])


def _optional_number(value: Any) -> float | None:
    return None if value is None else float(value)


def build_directive(data: dict[str, Any], units: dict[str, dict[str, Any]]) -> Directive:
    """Turn checked directive data (and each unit's checked unit.yaml data) into the model."""
    letter = data["letter"]
    resolution = data["resolution"]
    reporting = data["reporting"]
    report = data["report"]
    return Directive(
        letter=Letter(
            number=letter["number"],
            place=letter["place"],
            date_text=letter.get("date_text", ""),
            month=letter["month"],
            year=letter["year"],
            parent_agency=letter["parent_agency"],
            issuing_agency=letter["issuing_agency"],
            issuing_agency_lines=tuple(letter["issuing_agency_lines"]),
            abbreviation=letter["abbreviation"],
            subject=letter["subject"],
            addressee=letter["addressee"],
            preamble=tuple(letter["preamble"]),
            closing=letter["closing"],
            signing=_signing(letter["signing"]),
            recipients=tuple(letter["recipients"]),
        ),
        resolution=Resolution(
            resolution["number"], date.fromisoformat(resolution["date"]), resolution["issuer"], resolution["subject"]
        ),
        slips=tuple(Slip(s["where"], s["text"], s["intended"], s["note"]) for s in data.get("slips", ())),
        reporting=ReportingRule(
            due_before_day=reporting["due_before_day"],
            due_months=tuple(reporting["due_months"]),
            merged_with=reporting.get("merged_with", ""),
            consolidated_by=reporting["consolidated_by"],
            reported_to=reporting["reported_to"],
        ),
        report=ReportConfig(
            report["symbol"],
            report["place"],
            report["addressee"],
            _signing(report["signing"]),
            tuple(report["recipients"]),
            report.get("agency_name", ""),
        ),
        units=tuple(
            Unit(
                id=u["id"],
                number=u["number"],
                name=u["name"],
                short_name=units.get(u["id"], {}).get("short_name", u["name"]),
                kind=units.get(u["id"], {}).get("kind", ""),
                submitters=tuple(Submitter(**s) for s in units.get(u["id"], {}).get("submitters", ())),
            )
            for u in sorted(data["units"], key=lambda u: u["number"])
        ),
        tasks=tuple(
            sorted(
                (
                    Task(
                        id=t["id"],
                        unit=t["unit"],
                        title=t["title"],
                        text=t["text"],
                        recurring=t["recurring"],
                        deadline=date.fromisoformat(t["deadline"]) if t.get("deadline") else None,
                        coordinates_with=tuple(t.get("coordinates_with", ())),
                        partners=tuple(t.get("partners", ())),
                    )
                    for t in data["tasks"]
                ),
                key=lambda t: t.sort_key,
            )
        ),
        indicators=tuple(
            Indicator(
                id=i["id"],
                name=i["name"],
                measure=i["measure"],
                unit=i["unit"],
                task=i["task"],
                minimum=_optional_number(i.get("minimum")),
                maximum=_optional_number(i.get("maximum")),
                target=_optional_number(i.get("target")),
            )
            for i in data.get("indicators", ())
        ),
    )


def _cross_check(doc: YamlDoc, path: str) -> list[Finding]:
    """Ids are unique and every reference names something that exists."""
    data = doc.data
    findings: list[Finding] = []
    first: dict[tuple[str, str], int] = {}
    for kind in ("units", "tasks", "indicators"):
        for index, item in enumerate(data.get(kind, ())):
            key = (kind, item["id"])
            line = doc.where((kind, index, "id"))[0]
            if key in first:
                findings.append(finding(path, line, 1, "NQ601", value=item["id"], first_line=first[key]))
            else:
                first[key] = line
    unit_ids = sorted({u["id"] for u in data["units"]})
    task_ids = sorted({t["id"] for t in data["tasks"]})

    def refer(where: tuple[str | int, ...], value: str, known: list[str]) -> None:
        if value not in known:
            field = ".".join(str(p) for p in where)
            findings.append(finding(path, *doc.where(where), "NQ602", field=field, value=value, known=", ".join(known)))

    for index, task in enumerate(data["tasks"]):
        refer(("tasks", index, "unit"), task["unit"], unit_ids)
        for j, other in enumerate(task.get("coordinates_with", ())):
            refer(("tasks", index, "coordinates_with", j), other, unit_ids)
    for index, indicator in enumerate(data.get("indicators", ())):
        refer(("indicators", index, "unit"), indicator["unit"], unit_ids)
        refer(("indicators", index, "task"), indicator["task"], task_ids)
    refer(("reporting", "consolidated_by"), data["reporting"]["consolidated_by"], unit_ids)
    return findings


def load_directive(root: Path) -> tuple[Directive | None, list[Finding]]:
    """Read the directive and every unit.yaml under `root`; the Directive is None when it is unusable."""
    data_dir = root / "data"
    doc, findings = read_yaml_file(root / DIRECTIVE_FILE, DIRECTIVE_FILE, "directive", data_dir)
    if doc is None:
        if not (root / DIRECTIVE_FILE).exists():
            findings = [finding(DIRECTIVE_FILE, 1, 1, "NQ606", what=DIRECTIVE_FILE, what_en=DIRECTIVE_FILE)]
        return None, findings
    cross = _cross_check(doc, DIRECTIVE_FILE)
    findings += cross
    unit_ids = [u["id"] for u in doc.data["units"]]
    units: dict[str, dict[str, Any]] = {}
    units_dir = root / UNITS_DIR
    for unit_id in unit_ids:
        file = units_dir / unit_id / UNIT_FILE
        display = f"{UNITS_DIR}/{unit_id}/{UNIT_FILE}"
        if not file.exists():
            findings.append(finding(display, 1, 1, "NQ603", unit=unit_id))
            continue
        unit_doc, unit_findings = read_yaml_file(file, display, "unit", data_dir)
        findings += unit_findings
        if unit_doc is None:
            continue
        if unit_doc.data["id"] != unit_id:
            findings.append(
                finding(display, *unit_doc.where(("id",)), "NQ605", unit=unit_doc.data["id"], folder=unit_id)
            )
        units[unit_id] = unit_doc.data
    if units_dir.is_dir():
        for folder in sorted(p.name for p in units_dir.iterdir() if p.is_dir()):
            if folder not in unit_ids:
                findings.append(
                    finding(f"{UNITS_DIR}/{folder}", 1, 1, "NQ604", folder=folder, known=", ".join(unit_ids))
                )
    if any(f.severity == "error" for f in cross):
        return None, findings
    return build_directive(doc.data, units), findings
