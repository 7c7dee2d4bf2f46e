"""A quarter as the Office lives it, with real git: two units report, the report is issued, a unit amends its
note, a plain regenerate is refused, the issued report is rebuilt byte for byte, the amendment is issued as its
own document and added to the chain, and the whole chain (the report and its amendment) rebuilds byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gitdata import commit_all, git
from nq43.cli.app import main
from reportdata import make_repo, note

QUARTER = "2025Q2"
FOLDER = Path("reports") / QUARTER
QLDT = f"data/units/qldt/{QUARTER}.md"
VP = f"data/units/vp/{QUARTER}.md"
REASON = "Sửa tiến độ nhiệm vụ 2.2 theo số liệu rà soát ngày 18/6"


class Office:
    """The Office at its terminal: runs `nq43 report` for the quarter in the repository on a given day."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys
        self.said = ""  # what the last command printed on stderr

    def report(self, today: str, *args: str) -> int:
        self.capsys.readouterr()
        code = main(["report", "--quarter", QUARTER, "--root", str(self.root), "--today", today, *args])
        self.said = self.capsys.readouterr().err
        return code

    def files(self) -> dict[str, bytes]:
        folder = self.root / FOLDER
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}

    def record(self) -> dict[str, object]:
        data = yaml.safe_load((self.root / FOLDER / "issued.yaml").read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data


def test_a_quarter_is_issued_amended_and_stays_as_issued(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 1. Two units send their notes for the quarter; the Office merges them.
    root = make_repo(
        tmp_path,
        {QLDT: note("qldt", QUARTER, submitted="2025-06-05"), VP: note("vp", QUARTER, submitted="2025-06-06")},
        signed=True,
    )
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Ghi chú quý II của Phòng QLĐT và Văn phòng")
    office = Office(root, capsys)

    # 2. The Office issues report số 112 ngày 13/6/2025 and commits it.
    assert office.report("2025-06-13", "--number", "112", "--date", "2025-06-13", "--issue") == 0
    assert "Đã ghi nhận ban hành: số 112, 2 ghi chú." in office.said
    commit_all(root, "Ban hành báo cáo quý II số 112")
    issued = office.files()
    assert sorted(issued) == ["bao-cao-2025Q2.docx", "bao-cao-2025Q2.md", "issued.yaml"]

    # 3. qldt corrects its progress after issue, with an `amends:` entry, through a merged pull request.
    text = (root / QLDT).read_text(encoding="utf-8")
    text = text.replace("tasks:\n", f'amends:\n  - date: 2025-06-20\n    reason: "{REASON}"\ntasks:\n', 1)
    (root / QLDT).write_text(text.replace("progress: 65", "progress: 70", 1), encoding="utf-8")
    commit_all(root, "Phòng QLĐT đính chính ghi chú quý II")

    # 4. A plain regenerate, with or without a number and a date, is refused and leaves the files byte-identical.
    assert office.report("2025-06-25") == 1
    assert office.said.startswith("Báo cáo 2025Q2 đã ban hành: số 112, ngày 13/06/2025")
    assert "nq43 report --quarter 2025Q2 --as-issued" in office.said
    assert office.report("2025-06-25", "--number", "130", "--date", "2025-06-25") == 1
    assert office.files() == issued

    # 5. --as-issued rebuilds the issued report from the recorded commit and note hashes, byte for byte.
    assert office.report("2025-06-25", "--as-issued") == 0
    assert "reports/2025Q2/bao-cao-2025Q2.docx: khớp từng byte với bản đã ban hành." in office.said
    assert "reports/2025Q2/bao-cao-2025Q2.md: khớp từng byte với bản đã ban hành." in office.said
    assert office.files() == issued

    # 6. The change is issued as its own document, báo cáo đính chính số 130, added to the chain in issued.yaml.
    assert office.report("2025-06-25", "--amend", "--number", "130", "--date", "2025-06-25", "--issue") == 0
    assert "Đã lập báo cáo đính chính 2025Q2 lần 1 (dẫn Báo cáo số 112/BC-BQL): 1 đơn vị" in office.said
    amendment = (root / FOLDER / "bao-cao-dinh-chinh-2025Q2-01.md").read_text(encoding="utf-8")
    assert "Số: 130/BC-BQL" in amendment
    assert "**Đính chính Báo cáo số 112/BC-BQL ngày 13/6/2025 về kết quả thực hiện" in amendment
    assert f"*Lý do (ngày 20/6/2025): {REASON}.*" in amendment
    assert 'Tiến độ: đã báo cáo "65%", nay là "70%".' in amendment
    assert (root / FOLDER / "bao-cao-dinh-chinh-2025Q2-01.docx").is_file()
    record = office.record()
    amendments = record["amendments"]
    assert isinstance(amendments, list) and len(amendments) == 1
    link = amendments[0]
    assert (link["number"], link["issued_on"], link["kind"]) == ("130", "2025-06-25", "dinh-chinh")
    assert record["number"] == "112" and record["notes"] == yaml.safe_load(issued["issued.yaml"])["notes"]
    commit_all(root, "Ban hành báo cáo đính chính số 130")

    # 7. --as-issued proves the whole chain: the original and the amendment, each rebuilt from its own record,
    # byte for byte; nothing is left to amend; a plain run is still refused.
    chain = office.files()
    assert office.report("2025-06-26", "--as-issued") == 0
    for name in ("bao-cao-2025Q2", "bao-cao-dinh-chinh-2025Q2-01"):
        for suffix in (".docx", ".md"):
            assert f"reports/2025Q2/{name}{suffix}: khớp từng byte với bản đã ban hành." in office.said
    assert "Dựng lại báo cáo đính chính 2025Q2 lần 1 (số 130, ngày 25/06/2025) từ commit" in office.said
    assert "Báo cáo đã ban hành và 1 báo cáo bổ sung/đính chính đúng như bản ghi: khớp từng byte." in office.said
    assert office.files() == chain
    assert {k: v for k, v in chain.items() if k.startswith("bao-cao-2025Q2")} == {
        k: v for k, v in issued.items() if k.startswith("bao-cao-2025Q2")
    }
    assert office.report("2025-06-26", "--amend", "--number", "131", "--date", "2025-06-26", "--issue") == 1
    assert "Không có gì để bổ sung, đính chính" in office.said and "báo cáo đính chính số 130" in office.said
    assert office.report("2025-06-26") == 1
    assert "đã có 1 báo cáo bổ sung/đính chính, gần nhất số 130 ngày 25/06/2025" in office.said
