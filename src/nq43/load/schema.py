"""The JSON Schemas of the YAML files, and their errors turned into findings that point at a line.

The schemas under `nq43/load/schemas/` are the contract: editors use them (`nq43 schema`) and nq43 runs the same
files through one library, jsonschema-rs; this module only says each error again, in Vietnamese, at its line.
The note schema's status enum is the vocabulary's (`schema_text` fills it in; a test holds the file to it).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema_rs import ValidationError, ValidationErrorKind

from nq43.domain.catalogue import FileKind
from nq43.domain.findings import Finding, finding
from nq43.domain.vocabulary import Status
from nq43.load.yamlload import YamlDoc

SchemaName = FileKind  # each kind of file has its schema: load/schemas/<kind>.schema.json
Path_ = tuple[str | int, ...]

_TYPES_VI = {
    "string": ("chữ (văn bản)", "text"),
    "number": ("một số", "a number"),
    "integer": ("một số nguyên", "a whole number"),
    "boolean": ("true hoặc false", "true or false"),
    "object": ('một bảng "khoá: giá trị"', "a mapping"),
    "array": ('một danh sách (mỗi dòng bắt đầu bằng "- ")', "a list"),
}
_EXAMPLES = {
    "progress": 'Ví dụ: "progress: 75" (không ghi dấu %).',
    "status": 'Ví dụ: "status: dang-thuc-hien".',
    "sample": 'Ghi "sample: true" hoặc "sample: false".',
    "tasks": 'Mã nhiệm vụ dạng "2.1" (số mục, dấu chấm, số gạch đầu dòng), đặt trong dấu nháy.',
    "indicators": "Mã chỉ tiêu viết thường, không dấu, nối bằng gạch ngang, ví dụ ty-le-lap-day.",
    "unit": "Mã đơn vị viết thường, không dấu, ví dụ qldt.",
    "github": "Tên tài khoản GitHub: chữ không dấu, số và gạch ngang, không có dấu cách hay @, ví dụ bql-qldt-anh.",
    "gitlab": "Tên tài khoản GitLab: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, ví dụ bql-qldt-anh.",
}
_EXAMPLES_EN = {
    "progress": 'For example "progress: 75" (no % sign).',
    "status": 'For example "status: dang-thuc-hien".',
    "sample": 'Write "sample: true" or "sample: false".',
    "tasks": 'A task id like "2.1" (section, dot, item), in quotes.',
    "indicators": "An indicator id in lower case without accents, joined by hyphens, e.g. ty-le-lap-day.",
    "unit": "A unit id in lower case without accents, e.g. qldt.",
    "github": "A GitHub login: letters, digits and hyphens, no spaces or @, e.g. bql-qldt-anh.",
    "gitlab": "A GitLab username: letters, digits, dots, hyphens, underscores, no @, e.g. bql-qldt-anh.",
}


# Where the note schema lists the task statuses: filled from the vocabulary, the one place they are defined.
STATUS_PATH = ("properties", "tasks", "additionalProperties", "properties", "status")


def shipped_text(name: SchemaName) -> str:
    """The schema file as shipped in nq43/load/schemas."""
    return resources.files("nq43.load.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def schema_text(name: SchemaName) -> str:
    """The schema that nq43 checks against, for `nq43 schema` and for editors: the shipped file, with the note's
    status enum taken from the vocabulary (tests hold the file to the vocabulary, so the two read the same)."""
    text = shipped_text(name)
    if name != "note":
        return text
    document = json.loads(text)
    node = document
    for key in STATUS_PATH:
        node = node[key]
    node["enum"] = [status.value for status in Status]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def status_finding(file: str, line: int, column: int, value: object) -> Finding:
    """NQ304 for a status that is not a code: the codes to choose from, and the one meant if it can be told."""
    vi, en = _status_suggestion(value)
    choices = ", ".join(f"{s.value} ({s.label.vi})" for s in Status)
    codes = ", ".join(s.value for s in Status)
    return finding(
        file, line, column, "NQ304", value=value, suggestion=vi, suggestion_en=en, choices=choices, codes=codes
    )


def _status_suggestion(value: object) -> tuple[str, str]:
    """The code meant by another spelling of a status ("Đã hoàn thành", "Đang triển khai"), or by a typo."""
    meant = Status.recognise(value)
    if meant is not None:
        return f'Có phải ý bạn là "{meant}"? ', f'Did you mean "{meant}"? '
    vi, en = suggestion(value, [s.value for s in Status]) if isinstance(value, str) else ("", "")
    return (f"{vi.strip()} " if vi else ""), (f"{en.strip()} " if en else "")


@cache
def _schema(name: SchemaName) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


@cache
def _validator(name: SchemaName) -> jsonschema_rs.Validator:
    """The shipped schema compiled once per process; format is an annotation only, as the draft says."""
    return jsonschema_rs.validator_for(_schema(name), validate_formats=False)


def describe(value: Any) -> str:
    if value is None:
        return "trống"
    if isinstance(value, bool):
        return f"giá trị đúng/sai {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"số {value}"
    if isinstance(value, str):
        return f'chữ "{value[:40]}"'
    if isinstance(value, list):
        return "một danh sách"
    return "một bảng khoá: giá trị"


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "(gốc)"


def suggestion(word: str, choices: list[str]) -> tuple[str, str]:
    """ " Có phải ý bạn là ...?" in Vietnamese and English, or nothing when no choice is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f' Có phải ý bạn là "{close[0]}"?', f' Did you mean "{close[0]}"?'


def _leaf_name(path: Path_) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _real_path(data: Any, path: Sequence[str | int]) -> Path_:
    """The instance path with each step as the data spells it: jsonschema-rs gives a key like "2" as the number 2."""
    real: list[str | int] = []
    for step in path:
        if isinstance(data, Mapping):
            key: str | int = str(step) if str(step) in data else step
            data = data.get(key)
        else:
            key = step
            data = data[step] if isinstance(data, list) and isinstance(step, int) and step < len(data) else None
        real.append(key)
    return tuple(real)


def _subschema(schema: Any, schema_path: Sequence[str | int]) -> Mapping[str, Any]:
    """The schema object that holds the failed keyword (schema_path ends with the keyword)."""
    for step in schema_path[:-1]:
        schema = schema[step] if isinstance(schema, Mapping) else schema[int(step)]
    return schema if isinstance(schema, Mapping) else {}


def _to_findings(error: ValidationError, name: SchemaName, doc: YamlDoc, file: str) -> list[Finding]:
    path = _real_path(doc.data, error.instance_path)
    field = _dotted(path)
    kind = error.kind
    instance: Any = error.instance
    at = doc.where(path)
    match kind:
        case ValidationErrorKind.Required(property=missing):
            where = f' (trong "{field}")' if path else ""
            return [finding(file, *at, "NQ301", field=missing, where=where)]
        case ValidationErrorKind.AdditionalProperties(unexpected=extra):
            present = instance if isinstance(instance, Mapping) else {}
            known = sorted(
                k for k in _subschema(_schema(name), error.schema_path).get("properties", {}) if k not in present
            )
            out = []
            for key in extra:
                vi, en = suggestion(key, known)
                out.append(
                    finding(
                        file,
                        *doc.where((*path, key), key=True),
                        "NQ303",
                        field=_dotted((*path, key)),
                        suggestion=vi,
                        suggestion_en=en,
                    )
                )
            return out
        case ValidationErrorKind.PropertyNames(error=inner):
            # A key that breaks the pattern (a task id like "2"): point at the key itself.
            key_path = (*path, str(inner.instance))
            return [
                finding(
                    file,
                    *doc.where(key_path, key=True),
                    "NQ309",
                    field=_dotted(key_path),
                    value=inner.instance,
                    example=_EXAMPLES.get(_leaf_name(path), ""),
                )
            ]
    if instance is None or isinstance(
        kind, (ValidationErrorKind.MinLength, ValidationErrorKind.MinProperties, ValidationErrorKind.MinItems)
    ):
        return [finding(file, *at, "NQ308", field=field)]
    match kind:
        case ValidationErrorKind.Type(types=types):
            vi, en = _TYPES_VI.get(types[0], (types[0], types[0]))
            return [
                finding(
                    file,
                    *at,
                    "NQ302",
                    field=field,
                    expected=vi,
                    expected_en=en,
                    found=describe(instance),
                    **_type_fix(types[0], instance, path),
                )
            ]
        case ValidationErrorKind.Enum() if path and path[-1] == "status":
            return [status_finding(file, *at, instance)]
        case ValidationErrorKind.Minimum() | ValidationErrorKind.Maximum():
            bounds = _subschema(_schema(name), error.schema_path)
            low, high = bounds.get("minimum"), bounds.get("maximum")
            span = f"{'' if low is None else low} – {'' if high is None else high}".strip(" –")
            if low is not None and high is None:
                span = f"≥ {low}"
            return [finding(file, *at, "NQ305", field=field, value=instance, range=span)]
        case ValidationErrorKind.Pattern() if isinstance(instance, str):
            leaf = _leaf_name(path)
            if leaf == "quarter":
                return [finding(file, *at, "NQ307", value=instance)]
            if leaf in ("submitted", "completed", "date", "deadline"):
                return [finding(file, *at, "NQ306", field=field, value=instance)]
            return [finding(file, *at, "NQ309", field=field, value=instance, example=_EXAMPLES.get(leaf, ""))]
    return [
        finding(
            file,
            *at,
            "NQ302",
            field=field,
            expected=error.message,
            expected_en=error.message,
            found=describe(instance),
            example=f'Sửa "{field}" theo mẫu trong docs/ghi-chu-quy.md.',
            example_en=f'Correct "{field}" as in docs/ghi-chu-quy.md.',
        )
    ]


def _type_fix(expected: str, instance: Any, path: Path_) -> dict[str, str]:
    """NQ302's fix line, in Vietnamese and English: the value written right when it can be told (a comma decimal,
    a percent sign), else the field's example, else what to write in general."""
    leaf = _leaf_name(path)
    if expected in ("number", "integer") and isinstance(instance, str):
        written = instance.strip().removesuffix("%").strip().replace(" ", "")
        if expected == "number" and re.fullmatch(r"-?\d+,\d+", written):
            written = written.replace(",", ".")
        if re.fullmatch(r"-?\d+(\.\d+)?", written) and (expected == "number" or "." not in written):
            name = leaf or _dotted(path)
            return {
                "example": f'Ghi "{name}: {written}" (số không trong dấu nháy, dấu chấm thập phân, không ghi %).',
                "example_en": f'Write "{name}: {written}" (an unquoted number, dot decimal, no % sign).',
            }
    if leaf in _EXAMPLES:
        return {"example": _EXAMPLES[leaf], "example_en": _EXAMPLES_EN[leaf]}
    vi, en = _TYPES_VI.get(expected, (expected, expected))
    return {
        "example": f'Ghi giá trị của "{_dotted(path)}" là {vi}; xem docs/ghi-chu-quy.md.',
        "example_en": f'Give "{_dotted(path)}" as {en}; see docs/ghi-chu-quy.md.',
    }


def check(name: SchemaName, doc: YamlDoc, file: str) -> list[Finding]:
    """Every schema error of the document, as findings in document order."""
    validator = _validator(name)
    if validator.is_valid(doc.data):
        return []
    findings: list[Finding] = []
    seen: set[tuple[object, ...]] = set()
    for error in validator.iter_errors(doc.data):
        for found in _to_findings(error, name, doc, file):
            key = (found.line, found.column, found.code, *sorted((k, str(v)) for k, v in found.args.items()))
            if key not in seen:
                seen.add(key)
                findings.append(found)
    return sorted(findings, key=Finding.sort_key)
