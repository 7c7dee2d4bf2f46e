"""Is an uploaded Word note (.docx) safe to open? Its bytes are checked before any XML parser or python-docx sees them.

A .docx is a zip of XML parts and pictures: a hostile one can be a zip bomb, hold XML that reads local files or
expands without end (DOCTYPE/ENTITY), link to the network (linked pictures and templates), carry macros or
embedded programs, or not be a Word document at all. Only the standard zipfile module and byte scans are used:
every part is read in chunks and counted against load/limits.py, and reading stops at the first limit, so no
file can make this slow, large in memory, or reach the network. Each problem is a finding (NQ120-NQ136).

The sizes in the zip's headers only ever shorten the work: zipfile never returns more than a part's declared
size (and fails its CRC check when the part holds more), so a part declared too large or too packed is refused
unread, and the bytes actually read are counted against the total.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter
from typing import NamedTuple

from nq43.domain.catalogue import DOCX_LINKS
from nq43.domain.findings import Finding, finding
from nq43.load.limits import DOCX_LIMITS, DocxLimits
from nq43.support.text import Text

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = "[Content_Types].xml"

_CHUNK = 64 * 1024
_MAX_PER_CODE = 3  # the same problem named at most three times
_SHOWN = 100  # characters of a name or address taken from the file into a message
_CENTRAL_ENTRY = b"PK\x01\x02"  # every entry of a zip's directory starts so: counted before zipfile reads them
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files, and Word files encrypted with a password
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_FLAGS = 0x1 | 0x40  # zip encryption, traditional and strong
# zipfile inflates a bzip2 or LZMA chunk whole (no output bound), and Word writes only these two
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_BROKEN = (
    *(zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError, zlib.error),
    *(struct.error, OverflowError, IndexError, KeyError),
)

# A declaration that XML parsers act on, in every encoding they detect by themselves.
_DECLARATIONS = [
    (what, f"<!{what}".encode(encoding))
    for what in ("DOCTYPE", "ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
]
_TAIL = max(len(pattern) for _, pattern in _DECLARATIONS) - 1
_XML_ENCODING = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*[\"']([^\"'>]{0,40})")
_EBCDIC = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC, which libxml2 recognises
# How an XML part's first bytes give its encoding (XML 1.0, appendix F); UTF-32 before UTF-16, which it starts like.
_STARTS = [
    *((start, "utf-32-be") for start in (b"\x00\x00\xfe\xff", b"\x00\x00\x00<")),
    *((start, "utf-32-le") for start in (b"\xff\xfe\x00\x00", b"<\x00\x00\x00")),
    *((start, "utf-16-be") for start in (b"\xfe\xff", b"\x00<")),
    *((start, "utf-16-le") for start in (b"\xff\xfe", b"<\x00")),
]
_SAFE_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii"}
# Elements of [Content_Types].xml and of .rels parts, read without an XML parser.
_ELEMENT = re.compile(r"<(?:[\w.-]+:)?(Relationship|Default|Override)\b([^<>]*)>")
# Possessive and starting only where a name starts: linear in the text, however it is made (a plain
# "([\w.:-]+)\s*=" retries every suffix of a long name: 20 KB of letters took 7 s).
_ATTRIBUTE = re.compile(r"(?<![\w.:-])([\w.:-]++)\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)')")
_SCHEME = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|\\\\)")

_MACRO_NAMES = {"vbaproject.bin", "vbadata.xml"}
_MACRO_TYPES = ("macroenabled", "vbaproject", "vbadata")
_MACRO_RELATIONSHIPS = {"vbaproject", "wordvbadata"}
_EMBEDDED = Text("tệp nhúng", "embedded file")
_ACTIVEX = Text("nút điều khiển ActiveX", "ActiveX control")
_EMBEDDED_RELATIONSHIPS = {
    "oleobject": Text("đối tượng OLE", "OLE object"),
    "package": _EMBEDDED,
    "control": _ACTIVEX,
    "activexcontrolbinary": _ACTIVEX,
    "afchunk": Text("tài liệu ghép (altChunk)", "merged document (altChunk)"),
}
_MAIN_KINDS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": Text(
        "mẫu Word (.dotx)", "a Word template (.dotx)"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": Text(
        "bảng tính Excel (.xlsx)", "an Excel workbook (.xlsx)"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": Text(
        "bản trình chiếu PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)"
    ),
}


class _Findings:
    """The findings of one file: each problem once, and each code at most `_MAX_PER_CODE` times."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Finding] = []
        self._seen: set[tuple[str, str]] = set()
        self._count: Counter[str] = Counter()

    def add(self, code: str, /, **args: object) -> None:
        # a part seen twice (by its name and by a relationship) is one problem, whatever kind each saw
        key = (code, repr(sorted((name, value) for name, value in args.items() if name != "kind")))
        if key in self._seen or self._count[code] >= _MAX_PER_CODE:
            return
        self._seen.add(key)
        self._count[code] += 1
        self.items.append(finding(self.path, 1, 1, code, **args))


class _ContentTypes(NamedTuple):
    defaults: dict[str, str]  # extension (lower case) -> content type
    overrides: dict[str, str]  # part name (lower case, without the leading "/") -> content type

    def of(self, name: str) -> str:
        low = name.lower()
        return self.overrides.get(low) or self.defaults.get(posixpath.splitext(low)[1][1:], "")


def inspect_docx(data: bytes, path: str, limits: DocxLimits = DOCX_LIMITS) -> list[Finding]:
    """Every reason not to open `data` (a .docx uploaded as `path`); an empty list when it is safe to read.

    Never raises for what the file holds. The caller reads the file only when its size on disk is within
    `limits.size` (NQ123 here too), so that a huge upload is never loaded into memory at all.
    """
    found = _Findings(path)
    if path.lower().endswith((".docm", ".dotm")):
        found.add("NQ128", part=_shown(posixpath.basename(path)))
    if len(data) > limits.size:
        found.add("NQ123", size=len(data), limit=limits.size)
    elif data.startswith(_OLE) and _ENCRYPTION_INFO in data:
        found.add("NQ121")
    elif not data.startswith(b"PK"):
        found.add("NQ120", reason=_not_a_zip(data))
    elif (count := data.count(_CENTRAL_ENTRY)) > limits.members:
        found.add("NQ124", count=count, limit=limits.members)
    else:
        _inspect_zip(data, limits, found)
    return found.items


def _not_a_zip(data: bytes) -> Text:
    """What the file seems to be instead, in a clerk's words."""
    start = data[:16].lstrip().lower()
    if not data:
        return Text("tệp rỗng", "the file is empty")
    if data.startswith(_OLE):
        return Text("có vẻ là tài liệu Word 97–2003 (.doc)", "it looks like a Word 97-2003 document (.doc)")
    if start.startswith(b"%pdf"):
        return Text("có vẻ là tệp PDF", "it looks like a PDF file")
    if start.startswith(b"{\\rtf"):
        return Text("có vẻ là tệp RTF", "it looks like an RTF file")
    if start.startswith((b"<", b"mime-version")):
        return Text("có vẻ là trang web hoặc tệp XML", "it looks like a web page or an XML file")
    return Text("không phải tệp nén zip", "it is not a zip file")


def _inspect_zip(data: bytes, limits: DocxLimits, found: _Findings) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _BROKEN:
        found.add("NQ122", reason=Text("không đọc được mục lục của tệp nén", "the zip's directory cannot be read"))
        return
    with archive:
        infos = archive.infolist()  # no more than counted: zipfile checks that each entry starts with the mark
        _check_names(infos, found)
        kept = _read_parts(archive, infos, len(data), limits, found)
    types = _content_types(kept.get(CONTENT_TYPES.lower()), infos, found)
    names = {info.filename.lower() for info in infos}
    for name, body in kept.items():
        if name.endswith(".rels"):
            _check_relationships(name, body, found)
    if types is not None and "_rels/.rels" in kept:
        _check_main_part(kept["_rels/.rels"], types, names, found)


def _check_names(infos: list[zipfile.ZipInfo], found: _Findings) -> None:
    """Unsafe or repeated names, encryption, and the parts that macros and embedded objects live in."""
    seen: set[str] = set()
    for info in infos:
        name = _shown(info.orig_filename)
        reason = _unsafe(info.orig_filename)
        if reason is not None:
            found.add("NQ135", part=name, reason=reason)
        low = info.filename.lower()
        if low in seen:
            found.add("NQ136", part=name)
        seen.add(low)
        if info.flag_bits & _ENCRYPTED_FLAGS:
            found.add("NQ121")
        if posixpath.basename(low) in _MACRO_NAMES:
            found.add("NQ128", part=name)
        if "/embeddings/" in f"/{low}":
            found.add("NQ132", kind=_EMBEDDED, part=name)
        if "/activex/" in f"/{low}":
            found.add("NQ132", kind=_ACTIVEX, part=name)


def _unsafe(name: str) -> Text | None:
    """Why a zip member's name could write or read outside where it belongs, or None."""
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return Text("đường dẫn tuyệt đối", "an absolute path")
    if ".." in re.split(r"[/\\]", name):
        return Text('có ".." dẫn ra ngoài', '".." leads outside')
    if "\\" in name:
        return Text("có dấu \\", "a backslash")
    if not name or any(unicodedata.category(char) == "Cc" for char in name):
        return Text("có ký tự điều khiển hoặc rỗng", "a control character, or empty")
    return None


def _read_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], file_size: int, limits: DocxLimits, found: _Findings
) -> dict[str, bytes]:
    """Read every part in chunks, counting what it unpacks to; the metadata parts (content types, relationships) are
    kept, keyed by their lower-case name. The content types come first: they say which other parts are XML."""
    kept: dict[str, bytes] = {}
    types = _ContentTypes({}, {})
    total = 0
    for info in sorted(infos, key=_reading_order):
        name, low = info.filename, info.filename.lower()
        packed = max(1, min(info.compress_size, file_size))
        # (not info.is_dir(): it fails on an empty name)
        if low.endswith("/") or info.flag_bits & _ENCRYPTED_FLAGS or low in kept:
            continue
        if info.compress_type not in _WORD_METHODS:
            found.add("NQ122", reason=_unreadable(name))
            continue
        if info.file_size > limits.ratio_from and info.file_size > limits.ratio * packed:
            found.add("NQ126", part=_shown(name), limit=limits.ratio)
            continue
        if info.file_size > limits.part:
            found.add("NQ127", part=_shown(name), limit=limits.part)
            continue
        keep = low == CONTENT_TYPES.lower() or low.endswith(".rels")
        scan = keep or low.endswith(".xml") or _is_xml(types.of(name))
        budget = min(limits.part, limits.unpacked - total)
        try:
            size, body = _read_part(archive, info, budget, scan=scan, keep=keep, found=found)
        except _BROKEN:
            found.add("NQ122", reason=_unreadable(name))
            continue
        total += size
        if total > limits.unpacked:
            found.add("NQ125", limit=limits.unpacked)
            break
        if size > budget:  # more than its header said: zipfile would have failed its CRC check first
            found.add("NQ127", part=_shown(name), limit=limits.part)
            continue
        if keep:
            kept[low] = body
            if low == CONTENT_TYPES.lower():
                types = _parse_content_types(body)
    return kept


def _reading_order(info: zipfile.ZipInfo) -> int:
    low = info.filename.lower()
    return 0 if low == CONTENT_TYPES.lower() else 1 if low.endswith(".rels") else 2


def _is_xml(content_type: str) -> bool:
    """A part that python-docx parses as XML (pictures in SVG are XML too, but nothing parses them)."""
    low = content_type.lower()
    return low.endswith("xml") and not low.startswith("image/")


def _unreadable(name: str) -> Text:
    shown = _literal(name)
    return Text(f'phần "{shown}" không đọc được', f'part "{shown}" cannot be read')


def _read_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, *, scan: bool, keep: bool, found: _Findings
) -> tuple[int, bytes]:
    """Read one part in chunks, stopping once past `budget` bytes; scan its XML for declarations on the way.

    Returns the bytes read (over `budget` when it stopped early) and the part itself when `keep`.
    """
    name = _shown(info.filename)
    size = 0
    pieces: list[bytes] = []
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            if scan and size == 0:
                _check_encoding(chunk[:512], name, found)
            size += len(chunk)
            if size > budget:
                return size, b""
            if scan:
                window = tail + chunk
                what = next((what for what, pattern in _DECLARATIONS if pattern in window), None)
                if what is not None:
                    found.add("NQ129", part=name, what=what)
                    scan = False
                tail = window[-_TAIL:]
            if keep:
                pieces.append(chunk)
    return size, b"".join(pieces)


def _check_encoding(head: bytes, name: str, found: _Findings) -> None:
    """An XML part in an encoding that could hide a declaration from the scan (UTF-7, EBCDIC...)."""
    match = _XML_ENCODING.match(head)
    if head.startswith(_EBCDIC):
        found.add("NQ130", part=name, encoding="EBCDIC")
    elif match and match[1].decode("ascii", "replace").strip().lower() not in _SAFE_ENCODINGS:
        found.add("NQ130", part=name, encoding=_shown(match[1].decode("ascii", "replace")))


def _text(body: bytes) -> str:
    """An XML part's text, its encoding detected as XML parsers do (a byte order mark, or the zeros around "<")."""
    encoding = next((encoding for start, encoding in _STARTS if body.startswith(start)), "utf-8")
    return body.decode(encoding, "replace")


def _elements(body: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes (prefix dropped, character references resolved) of each `tag` element of an XML part."""
    out = []
    for match in _ELEMENT.finditer(_text(body)):
        if match[1] == tag:
            attributes = _ATTRIBUTE.findall(match[2])
            out.append({key.rpartition(":")[2]: html.unescape(a or b) for key, a, b in attributes})
    return out


def _parse_content_types(body: bytes) -> _ContentTypes:
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "") for e in _elements(body, "Default")}
    overrides = {
        e.get("PartName", "").lower().lstrip("/"): e.get("ContentType", "") for e in _elements(body, "Override")
    }
    return _ContentTypes(defaults, overrides)


def _content_types(body: bytes | None, infos: list[zipfile.ZipInfo], found: _Findings) -> _ContentTypes | None:
    """The content types of the package: missing ones and macro-enabled ones are findings."""
    if body is None:
        if any(info.filename.lower() == CONTENT_TYPES.lower() for info in infos):
            return None  # there, but unreadable or too large: already a finding
        odt = any(info.filename == "mimetype" for info in infos)
        found.add(
            "NQ133",
            found=Text(" (có vẻ là tệp OpenDocument .odt)", " (it looks like an OpenDocument .odt file)")
            if odt
            else "",
        )
        return None
    types = _parse_content_types(body)
    for content_type in [*types.defaults.values(), *types.overrides.values()]:
        if any(word in content_type.lower() for word in _MACRO_TYPES):
            found.add("NQ128", part=_shown(content_type))
    return types


def _target(rels_name: str, target: str) -> str:
    """The zip member a relationship's internal target names, from the .rels part that holds it."""
    base = posixpath.dirname(posixpath.dirname(rels_name))
    joined = posixpath.normpath(posixpath.join("/" + base, target.replace("\\", "/")))
    return joined.lstrip("/")


def _check_relationships(rels_name: str, body: bytes, found: _Findings) -> None:
    """External links (except plain hyperlinks), embedded objects and macros named by one .rels part."""
    where = _shown(rels_name)
    for relationship in _elements(body, "Relationship"):
        kind = relationship.get("Type", "").rstrip("/").rpartition("/")[2].lower()
        target = relationship.get("Target", "")
        external = relationship.get("TargetMode", "").strip().lower() == "external" or bool(_SCHEME.match(target))
        if kind in _MACRO_RELATIONSHIPS:
            found.add("NQ128", part=_shown(_target(rels_name, target)))
        elif external and kind != "hyperlink":
            what, advice = DOCX_LINKS.get(kind, DOCX_LINKS[""])
            found.add("NQ131", kind=what, target=_shown(target), part=where, advice=advice)
        elif kind in _EMBEDDED_RELATIONSHIPS:
            found.add("NQ132", kind=_EMBEDDED_RELATIONSHIPS[kind], part=_shown(_target(rels_name, target)))


def _check_main_part(rels: bytes, types: _ContentTypes, names: set[str], found: _Findings) -> None:
    """The package's main part must be a Word document (not a template, a workbook, or macro-enabled)."""
    mains = [r for r in _elements(rels, "Relationship") if r.get("Type", "").endswith("/officeDocument")]
    main = _target("_rels/.rels", mains[0].get("Target", "")).lower() if mains else ""
    if len(mains) > 1:  # python-docx refuses to choose, and other readers might choose differently
        found.add("NQ134", reason=Text("có hai phần văn bản chính", "it has two main document parts"))
        return
    if main not in names:
        found.add("NQ134", reason=Text("không có phần văn bản chính", "it has no main document part"))
        return
    content_type = types.of(main)
    if content_type == DOCX_MAIN or "macroenabled" in content_type.lower():
        return  # macros are NQ128
    kind = _MAIN_KINDS.get(content_type)
    shown = _literal(content_type or "?")
    found.add("NQ134", reason=kind or Text(f'phần chính có kiểu "{shown}"', f'its main part has type "{shown}"'))


def _shown(text: str) -> str:
    """A name or address from the file, safe to print: control characters replaced, at most `_SHOWN` characters."""
    clean = "".join("?" if unicodedata.category(char)[0] == "C" else char for char in text[: _SHOWN + 1])
    return clean if len(clean) <= _SHOWN else clean[: _SHOWN - 1] + "…"


def _literal(text: str) -> str:
    """`_shown(text)` to be written into a Text, whose braces would otherwise be read as blanks to fill."""
    return _shown(text).replace("{", "{{").replace("}", "}}")
