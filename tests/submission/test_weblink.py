"""Links that open the web editor of GitHub or GitLab on a new note."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from nq43.submission.weblink import Forge, Remote, compact, link, new_file_url, parse_remote
from nq43.support.errors import RemoteUnknown


@pytest.mark.parametrize(
    ("url", "web", "forge"),
    [
        ("git@github.com:bql-hp/nq43.git", "https://github.com/bql-hp/nq43", "github"),
        ("https://github.com/bql-hp/nq43", "https://github.com/bql-hp/nq43", "github"),
        ("https://x-access-token:ghs_SECRET@github.com/bql-hp/nq43.git", "https://github.com/bql-hp/nq43", "github"),
        (
            "ssh://git@gitlab.haiphong.gov.vn:2222/bql/van-phong/nq43.git",
            "https://gitlab.haiphong.gov.vn/bql/van-phong/nq43",
            "gitlab",
        ),
        (
            "https://gitlab-ci-token:SECRET@gitlab.example.org:8443/bql/nq43.git",
            "https://gitlab.example.org:8443/bql/nq43",
            "gitlab",
        ),
        ("http://gitlab.local/bql/nq43.git/", "http://gitlab.local/bql/nq43", "gitlab"),
    ],
)
def test_remote_urls_become_web_addresses(url: str, web: str, forge: Forge) -> None:
    assert parse_remote(url) == Remote(web, forge)


def test_an_unknown_host_needs_forge() -> None:
    with pytest.raises(RemoteUnknown, match="--forge github hoặc --forge gitlab"):
        parse_remote("https://git.bql.gov.vn/bql/nq43.git")
    expected = Remote("https://git.bql.gov.vn/bql/nq43", "gitlab")
    assert parse_remote("https://git.bql.gov.vn/bql/nq43.git", "gitlab") == expected


@pytest.mark.parametrize(
    "url",
    [
        "/srv/git/nq43.git",
        "file:///srv/git/nq43.git",
        "https://github.com/only-owner",
        "https://user:TOKEN@example.org",
    ],
)
def test_local_remotes_are_refused_without_echoing_secrets(url: str) -> None:
    with pytest.raises(RemoteUnknown, match="--repo-url") as raised:
        parse_remote(url)
    assert "TOKEN" not in raised.value.message("vi")


def test_github_new_file_url() -> None:
    remote = Remote("https://github.com/bql-hp/nq43", "github")
    url = new_file_url(remote, "main", "data/units/qldt/2025Q1.md", "---\nunit: qldt\n# ghi chú & 100%\n")
    assert url == (
        "https://github.com/bql-hp/nq43/new/main/data/units/qldt?filename=2025Q1.md"
        "&value=---%0Aunit%3A%20qldt%0A%23%20ghi%20ch%C3%BA%20%26%20100%25%0A"
    )
    assert parse_qs(urlsplit(url).query)["value"] == ["---\nunit: qldt\n# ghi chú & 100%\n"]


def test_gitlab_new_file_url() -> None:
    remote = Remote("https://gitlab.haiphong.gov.vn/bql/nq43", "gitlab")
    url = new_file_url(remote, "release/2025", "data/units/vp/2025Q2.md", "Đạt")
    assert url == (
        "https://gitlab.haiphong.gov.vn/bql/nq43/-/new/release%2F2025/data/units/vp?file_name=2025Q2.md"
        "&content=%C4%90%E1%BA%A1t"
    )
    assert (
        new_file_url(remote, "main", "2025Q2.md", None)
        == "https://gitlab.haiphong.gov.vn/bql/nq43/-/new/main?file_name=2025Q2.md"
    )


SKELETON = """---
# Ghi chú quý: điền các trường.
unit: qldt
tasks:
  "2.1":
    status: thuong-xuyen  # hoan-thanh | dang-thuc-hien
    # indicators:
    #   ty-le-lap-day: 0
---

## 2.1. Rà soát

### Kết quả

<!-- Kết quả thực hiện trong quý. -->
"""


def test_compact_drops_only_the_help() -> None:
    assert (
        compact(SKELETON)
        == """---
unit: qldt
tasks:
  "2.1":
    status: thuong-xuyen  # hoan-thanh | dang-thuc-hien
---

## 2.1. Rà soát

### Kết quả

"""
    )


def test_a_link_shrinks_to_fit_the_limit_and_says_so() -> None:
    remote = Remote("https://github.com/bql-hp/nq43", "github")
    full = link(remote, "main", "data/units/qldt/2025Q1.md", SKELETON)
    assert full.complete and not full.compacted
    assert parse_qs(urlsplit(full.url).query)["value"] == [SKELETON]
    limit = len(full.url) - 1
    shorter = link(remote, "main", "data/units/qldt/2025Q1.md", SKELETON, limit=limit)
    assert shorter.complete and shorter.compacted and len(shorter.url) <= limit
    bare = link(remote, "main", "data/units/qldt/2025Q1.md", SKELETON, limit=100)
    assert not bare.complete
    assert bare.url == "https://github.com/bql-hp/nq43/new/main/data/units/qldt?filename=2025Q1.md"
