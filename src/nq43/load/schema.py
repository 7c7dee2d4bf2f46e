"""The JSON Schemas of the YAML files, and their errors turned into findings that point at a line.

The schemas under `nq43/schemas/` are the contract: editors use them (`nq43 schema`) and the validator runs
them through the `jsonschema` library; this module only says each error again, in Vietnamese, at its line.
The note schema's status enum is the vocabulary's (`schema_text` fills it in; a test holds the file to it).
Every document is first checked by the same schema compiled to Python by `fastjsonschema` ahead of time
(nq43/gates), twenty times faster; only a document that this check refuses is run through `jsonschema` for its
errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from nq43.domain.findings import Finding, finding
from nq43.domain.vocabulary import Status
from nq43.load.yamlload import YamlDoc

if TYPE_CHECKING:
    from collections.abc import Callable

    from jsonschema import ValidationError

SchemaName = Literal["note", "directive", "unit", "calendar"]

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
}


# Where the note schema lists the task statuses: filled from the vocabulary, the one place they are defined.
STATUS_PATH = ("properties", "tasks", "additionalProperties", "properties", "status")


def shipped_text(name: SchemaName) -> str:
    """The schema file as shipped in nq43/load/schemas."""
    from importlib import resources

    return resources.files("nq43.load.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def schema_text(name: SchemaName) -> str:
    """The schema that nq43 checks against, for `nq43 schema` and for editors: the shipped file, with the note's
    status enum taken from the vocabulary (tests hold the file to the vocabulary, so the two read the same)."""
    import json

    text = shipped_text(name)
    if name != "note":
        return text
    document = json.loads(text)
    node = document
    for key in STATUS_PATH:
        node = node[key]
    node["enum"] = [status.value for status in Status]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@cache
def _explainer(name: SchemaName) -> Any:
    """jsonschema's validator: slow to import, but it lists every error with its path."""
    import json

    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema_text(name)))


@cache
def _gate(name: SchemaName) -> Callable[[Any], Any]:
    """fastjsonschema's check, compiled ahead of time (nq43/gates): it only says valid or not, at no start-up cost.

    Most documents are valid, so the gate answers for them; jsonschema runs only to explain a failure.
    Format checks are off in both. The gate is at least as strict as jsonschema (its patterns end at \\Z, not
    before a final newline), so "passes the gate" means "no jsonschema error"; tests/test_schema_fast.py and
    tests/test_schema_gate.py hold it to that on generated data.
    """
    from importlib import import_module

    validate: Callable[[Any], Any] = import_module(f"nq43.gates.{name}").validate
    return validate


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


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path) or "(gốc)"


def suggestion(word: str, choices: list[str]) -> tuple[str, str]:
    """ " Có phải ý bạn là ...?" in Vietnamese and English, or nothing when no choice is close."""
    import difflib

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f' Có phải ý bạn là "{close[0]}"?', f' Did you mean "{close[0]}"?'


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


def _leaf_name(path: tuple[str | int, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _to_findings(error: ValidationError, doc: YamlDoc, file: str) -> list[Finding]:
    path = tuple(error.absolute_path)
    field = _dotted(path)
    kind = error.validator
    # iter_errors fills in every field of the errors it yields; the stubs' "Unset" is only for errors built by
    # hand, and a schema that is not a mapping (`false`) carries no keyword to read.
    instance: Any = error.instance
    expected_value: Any = error.validator_value
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    at = doc.where(path)
    if kind == "required":
        where = f' (trong "{field}")' if path else ""
        present = instance if isinstance(instance, dict) else {}
        missing = [name for name in expected_value if name not in present]
        return [finding(file, *at, "NQ301", field=name, where=where) for name in missing]
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extra = [k for k in instance if k not in known]
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
    if instance is None or kind in ("minLength", "minProperties", "minItems"):
        return [finding(file, *at, "NQ308", field=field)]
    if kind == "type":
        expected = expected_value if isinstance(expected_value, str) else expected_value[0]
        vi, en = _TYPES_VI.get(expected, (expected, expected))
        return [
            finding(
                file,
                *at,
                "NQ302",
                field=field,
                expected=vi,
                expected_en=en,
                found=describe(instance),
                example=_EXAMPLES.get(_leaf_name(path), ""),
            )
        ]
    if kind == "enum" and path and path[-1] == "status":
        return [status_finding(file, *at, instance)]
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        span = f"{'' if low is None else low} – {'' if high is None else high}".strip(" –")
        if low is not None and high is None:
            span = f"≥ {low}"
        return [finding(file, *at, "NQ305", field=field, value=instance, range=span)]
    if kind == "pattern" and "propertyNames" in error.schema_path:
        # A key that breaks the pattern (a task id like "2"): point at the key itself.
        key_path = (*path, instance)
        return [
            finding(
                file,
                *doc.where(key_path, key=True),
                "NQ309",
                field=_dotted(key_path),
                value=instance,
                example=_EXAMPLES.get(_leaf_name(path), ""),
            )
        ]
    if kind == "pattern" and isinstance(instance, str):
        leaf = _leaf_name(path)
        if leaf == "quarter":
            return [finding(file, *at, "NQ307", value=instance)]
        if leaf in ("submitted", "completed", "date", "deadline"):
            return [finding(file, *at, "NQ306", field=field, value=instance)]
        example = _EXAMPLES.get(leaf, "")
        return [finding(file, *at, "NQ309", field=field, value=instance, example=example)]
    return [
        finding(
            file,
            *at,
            "NQ302",
            field=field,
            expected=error.message,
            expected_en=error.message,
            found=describe(instance),
            example="",
        )
    ]


def check(name: SchemaName, doc: YamlDoc, file: str) -> list[Finding]:
    """Every schema error of the document, as findings in document order."""
    from fastjsonschema import JsonSchemaException

    try:
        _gate(name)(doc.data)
        return []
    except JsonSchemaException:
        pass
    findings: list[Finding] = []
    seen: set[tuple[object, ...]] = set()
    for error in _explainer(name).iter_errors(doc.data):
        # jsonschema gives one "required" error per missing field, each naming the whole list: say each once
        for found in _to_findings(error, doc, file):
            key = (found.line, found.column, found.code, *sorted((k, str(v)) for k, v in found.args.items()))
            if key not in seen:
                seen.add(key)
                findings.append(found)
    return sorted(findings, key=Finding.sort_key)
