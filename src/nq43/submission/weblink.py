"""A link that opens the web editor of GitHub or GitLab on a new note, its path and skeleton filled in."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple
from urllib.parse import quote, urlsplit

from nq43.support.errors import RemoteUnknown
from nq43.support.text import Text

Forge = Literal["github", "gitlab"]

# Servers refuse longer request lines (GitHub answers 414 URI Too Long; GitLab behind nginx stops at 8 KB by
# default); 8,000 characters leaves room for the host and the browser.
MAX_URL = 8000

_WHICH_FORGE = Text(
    'Không đoán được "{host}" là GitHub hay GitLab: thêm --forge github hoặc --forge gitlab.',
    'Cannot tell whether "{host}" is GitHub or GitLab: add --forge github or --forge gitlab.',
)
_NOT_WEB = Text(
    'Địa chỉ kho "{url}" không phải kho trên GitHub/GitLab; chỉ ra địa chỉ web của kho bằng --repo-url, '
    "ví dụ https://github.com/bql-hp/nq43.",
    'The remote "{url}" is not a GitHub/GitLab repository; give its web address with --repo-url, '
    "e.g. https://github.com/bql-hp/nq43.",
)

_SCP = re.compile(r"(?:[^@/]+@)?(?P<host>[^:/]+):(?!//)(?P<path>.+)")  # git@github.com:owner/repo.git


class Remote(NamedTuple):
    """A repository on a hosting service, as its web pages are addressed."""

    web: str  # https://github.com/owner/repo
    forge: Forge


class Link(NamedTuple):
    url: str
    complete: bool  # False when the skeleton was too long to travel in the link and only the file name does
    compacted: bool = False  # True when the skeleton's help comments were left out to fit


def guess_forge(host: str) -> Forge | None:
    name = host.lower()
    if name == "github.com" or name.endswith(".github.com") or "github" in name.split(".")[0]:
        return "github"
    if "gitlab" in name:
        return "gitlab"
    return None


def parse_remote(url: str, forge: Forge | None = None) -> Remote:
    """The web address of a git remote URL (https, ssh or scp-like); credentials in the URL are dropped."""
    text = url.strip()
    scheme = "https"
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https", "ssh", "git", "git+ssh", "ssh+git") or not parts.hostname:
            raise _not_web(url)
        host = parts.hostname
        if parts.scheme == "http":
            scheme = "http"
        if parts.port and parts.scheme in ("http", "https"):
            host = f"{host}:{parts.port}"
        path = parts.path
    else:
        match = _SCP.fullmatch(text)
        if not match:
            raise _not_web(url)
        host, path = match["host"], match["path"]
    path = path.strip("/").removesuffix(".git").strip("/")
    if path.count("/") < 1:
        raise _not_web(url)
    kind = forge or guess_forge(host.split(":")[0])
    if kind is None:
        raise RemoteUnknown(_WHICH_FORGE, host=host)
    return Remote(f"{scheme}://{host}/{path}", kind)


def _not_web(url: str) -> RemoteUnknown:
    return RemoteUnknown(_NOT_WEB, url=re.sub(r"//[^/@]*@", "//", url))  # never echo a token


def new_file_url(remote: Remote, branch: str, path: str, content: str | None) -> str:
    """The web editor's "new file" page for `path` on `branch`, with `content` when given."""
    folder, _, name = path.rpartition("/")
    where = quote(branch, safe="") + ("/" + quote(folder, safe="/") if folder else "")
    if remote.forge == "github":
        url = f"{remote.web}/new/{where}?filename={quote(name, safe='')}"
        return url + (f"&value={quote(content, safe='')}" if content is not None else "")
    url = f"{remote.web}/-/new/{where}?file_name={quote(name, safe='')}"
    return url + (f"&content={quote(content, safe='')}" if content is not None else "")


def upload_url(remote: Remote, branch: str, folder: str) -> str:
    """The page where a file is uploaded into `folder` on `branch`: GitHub's "Upload files" page; on GitLab the
    folder's page, whose "+" menu holds "Upload file"."""
    where = quote(branch, safe="") + "/" + quote(folder, safe="/")
    if remote.forge == "github":
        return f"{remote.web}/upload/{where}"
    return f"{remote.web}/-/tree/{where}"


def compact(skeleton: str) -> str:
    """The skeleton without its help: whole-line YAML comments and HTML comment placeholders."""
    return "\n".join(line for line in skeleton.split("\n") if not _is_help(line))


def _is_help(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        return True
    # "# ..." is a YAML comment in the skeleton; a Markdown heading ("## 2.1. ...") never starts with "# ".
    return stripped == "#" or stripped.startswith("# ")


def link(remote: Remote, branch: str, path: str, skeleton: str, limit: int = MAX_URL) -> Link:
    """The shortest working link: the full skeleton, else without its help comments, else only the file name."""
    full = new_file_url(remote, branch, path, skeleton)
    if len(full) <= limit:
        return Link(full, True)
    shorter = new_file_url(remote, branch, path, compact(skeleton))
    if len(shorter) <= limit:
        return Link(shorter, True, compacted=True)
    return Link(new_file_url(remote, branch, path, None), False)
