"""Safe YAML: plain data plus the line of every key and value, refusing what YAML does silently.

PyYAML builds the node tree (with libyaml's C parser when present); this module turns nodes into plain
values itself so that it can
- keep the position of every key and value, for findings that point at a line;
- refuse duplicate keys (a loader keeps the last one without a word), tags (`!!python/object`), aliases
  (the "billion laughs" bomb), nesting deeper than MAX_DEPTH and more values than its kind of file may hold (load/limits.py), before PyYAML's
  recursive composer ever sees them in a text long enough to hurt it (deep nesting crashes the C composer
  outright);
- read scalars the way a person means them: `2.10` as a key stays the text "2.10" (task ids are never
  numbers), `yes`/`no` stay text (YAML 1.1 would make them booleans), and dates stay text so that
  2025-02-30 becomes a finding instead of an exception.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import yaml

from nq43.domain.catalogue import FileKind
from nq43.domain.findings import Finding, finding
from nq43.load.limits import LIMITS, advice

_C_LOADER: type | None = getattr(yaml, "CSafeLoader", None)  # libyaml is missing on some platforms
_Loader: type = _C_LOADER or yaml.SafeLoader

MAX_DEPTH = 16
Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "merge")}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
# Python refuses to turn longer digit strings into an int (ValueError); nobody means such a number.
_MAX_DIGITS = 100

# The problems libyaml reports most often, said in Vietnamese.
_PROBLEMS_VI = {
    "mapping values are not allowed here": 'có dấu hai chấm không đúng chỗ (nếu giá trị chứa ": ", hãy đặt nó trong dấu nháy)',
    # libyaml (the C loader) says the same thing in other words
    "mapping values are not allowed in this context": 'có dấu hai chấm không đúng chỗ (nếu giá trị chứa ": ", hãy đặt nó trong dấu nháy)',
    "could not find expected ':'": "thiếu dấu hai chấm sau tên khoá",
    "did not find expected key": "thụt lề không thẳng hàng với các khoá khác",
    "found character that cannot start any token": "có ký tự không được đứng đầu giá trị (ví dụ @ hoặc `): đặt giá trị trong dấu nháy",
    "found unexpected end of stream": "tệp kết thúc khi dấu nháy hoặc ngoặc chưa đóng",
    "found undefined alias": 'dùng bí danh "*" chưa được định nghĩa',
    "did not find expected ',' or ']'": 'thiếu dấu phẩy hoặc dấu "]" đóng danh sách',
    "did not find expected ',' or '}'": 'thiếu dấu phẩy hoặc dấu "}" đóng bảng',
    "did not find expected '-' indicator": "thụt lề của danh sách không thẳng hàng",
    "found unknown escape character": "có ký tự thoát (\\) không hợp lệ trong dấu nháy kép",
}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_without_colon(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The 0-based line of a key written without its colon ("unit tnmt"), which libyaml reports on the next line:
    as the end of a simple key it looked for (context), or as a colon out of place when the key line and the next
    "key: value" read as one text running over two lines."""
    if error.problem == "could not find expected ':'" and error.context_mark is not None:
        return int(error.context_mark.line)
    mark = error.problem_mark
    if mark is None or not str(error.problem).startswith("mapping values are not allowed") or mark.line == 0:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    before, above = lines[mark.line][: mark.column], lines[mark.line - 1]
    looks_like_key = re.fullmatch(r" *[^\s:#\-\"'{\[][^:#]*", before) is not None
    if looks_like_key and above.strip() and ":" not in above and _indent(above) == _indent(before):
        return int(mark.line - 1)
    return None


class YamlDoc(NamedTuple):
    """Plain data (dicts, lists, str, int, float, bool, None) and where each piece stands in the file."""

    data: Any
    value_pos: Mapping[Path_, tuple[int, int]]
    key_pos: Mapping[Path_, tuple[int, int]]
    raw: Mapping[Path_, str]  # each scalar as written

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or of its key), falling back to the nearest enclosing one."""
        table = self.key_pos if key else self.value_pos
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return self.value_pos.get((), (1, 1))


class _Refused(Exception):
    def __init__(self, found: Finding) -> None:
        self.finding = found


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style or node.tag == f"{_TAG}str":  # libyaml marks plain scalars "", PyYAML None
        return value
    tag = node.tag[len(_TAG) :]
    if tag == "null":
        return None
    if tag == "bool":
        lowered = value.lower()
        return lowered == "true" if lowered in ("true", "false") else value
    if tag == "int" and _INT.fullmatch(value) and len(value) <= _MAX_DIGITS:
        return int(value)
    if tag in ("int", "float") and _FLOAT.fullmatch(value):
        number = float(value)
        # 1.5e+999 would become infinity: keep the text, so the schema says "not a number"
        return number if math.isfinite(number) else value
    return value


class _Builder:
    def __init__(self, path: str, line_offset: int) -> None:
        self.path = path
        self.offset = line_offset
        self.value_pos: dict[Path_, tuple[int, int]] = {}
        self.key_pos: dict[Path_, tuple[int, int]] = {}
        self.raw: dict[Path_, str] = {}
        self.seen: set[int] = set()

    def pos(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def refuse(self, node: yaml.Node, code: str, **args: object) -> _Refused:
        return _Refused(finding(self.path, *self.pos(node), code, **args))

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen:
            raise self.refuse(node, "NQ208")
        self.seen.add(id(node))
        if depth >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):  # the scan's count: collections only
            raise self.refuse(node, "NQ209", limit=MAX_DEPTH)
        allowed = _SCALAR_TAGS if isinstance(node, yaml.ScalarNode) else {f"{_TAG}map", f"{_TAG}seq"}
        if node.tag not in allowed:
            raise self.refuse(node, "NQ207", tag=node.tag.replace(_TAG, "!!"))
        self.value_pos[path] = self.pos(node)
        if isinstance(node, yaml.ScalarNode):
            self.raw[path] = node.value
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.refuse(key_node, "NQ204", problem="khoá phải là một chữ/số đơn")
            key = str(key_node.value)
            child = (*path, key)
            if child in self.key_pos:
                first_line = self.key_pos[child][0]
                raise self.refuse(key_node, "NQ205", key=key, first_line=first_line)
            self.key_pos[child] = self.pos(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result


def load_yaml(
    text: str, path: str, *, line_offset: int = 0, kind: FileKind = "note"
) -> tuple[YamlDoc | None, list[Finding]]:
    """Parse one YAML document; `line_offset` is the number of file lines before `text` starts."""
    tabs = [
        finding(path, text.count("\n", 0, m.start()) + 1 + line_offset, m.end() - m.start(), "NQ206")
        for m in _TAB_INDENT.finditer(text)
    ]
    if tabs:
        return None, tabs
    if _needs_scan(text, kind):
        stopped = _scan(text, path, line_offset, kind)
        if stopped is not None:
            return None, [stopped]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        problem = error.problem or "?"
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        column = (mark.column + 1) if mark else 1
        key_line = _key_without_colon(text, error)
        if key_line is not None:
            problem = "could not find expected ':'"
            key_text = text.splitlines()[key_line]
            line, column = key_line + 1 + line_offset, _indent(key_text) + len(key_text.split()[0]) + 1
        if "expected a single document" in str(error.context):
            return None, [finding(path, line, column, "NQ210")]
        if "nesting depth" in problem:  # PyYAML 6.0.4 stops deep nesting itself, before nq43's own count does
            return None, [finding(path, line, column, "NQ209", limit=MAX_DEPTH)]
        return None, [finding(path, line, column, "NQ204", problem=_PROBLEMS_VI.get(problem, problem))]
    except yaml.YAMLError as error:
        return None, [finding(path, 1 + line_offset, 1, "NQ204", problem=str(error))]
    finally:
        loader.dispose()
    builder = _Builder(path, line_offset)
    if node is None:
        return YamlDoc(None, {(): (1 + line_offset, 1)}, {}, {}), []
    try:
        data = builder.build(node, (), 0)
    except _Refused as refused:
        return None, [refused.finding]
    return YamlDoc(data, builder.value_pos, builder.key_pos, builder.raw), []


def _needs_scan(text: str, kind: FileKind) -> bool:
    """Whether the text could hold what only the scan below catches in time.

    A text of at most half as many characters as the values allowed holds at most about as many values (each
    takes a character), far under the limit, and cannot nest deep enough to hurt libyaml's composer; nesting past MAX_DEPTH there is refused
    by the builder, at the same place. An alias needs a "*", and is reported where it is written. Skipping the
    scan for such texts (every note's front matter) halves the YAML work of `nq43 validate`.
    """
    return len(text) > LIMITS[kind].values // 2 or "*" in text or _Loader is not _C_LOADER


def _scan(text: str, path: str, line_offset: int, kind: FileKind) -> Finding | None:
    """Walk the parser's events (libyaml parses without recursion) and refuse aliases, deep nesting and
    too many values before anything is composed; syntax errors are left to the composer to report."""
    loader = _Loader(text)
    depth = nodes = 0
    max_nodes = LIMITS[kind].values
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            mark = event.start_mark
            where = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
            if isinstance(event, yaml.AliasEvent):
                return finding(path, *where, "NQ208")
            nodes += 1
            if nodes > max_nodes:
                return finding(path, *where, "NQ211", limit=max_nodes, **advice("NQ211", kind))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return finding(path, *where, "NQ209", limit=MAX_DEPTH)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None
