"""The directive as data: the shipped letter loads whole and verbatim; a broken directive is reported, not used."""

from __future__ import annotations

import importlib.util
import random
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from notekit import SHIPPED, make_repo
from nq43.domain.records import Directive
from nq43.load.directive import load_directive
from nq43.load.limits import LIMITS

# Spot checks copied verbatim from the letter (cong-van-nq43.txt), slips included.
TASK_1_1 = (
    "Phổ biến Nghị quyết số 43/NQ-HĐND ngày 19/7/2024 của Hội đồng nhân dân thành phố về kết quả giám sát việc thực "
    "hiện các quy định, cơ chế, chính sách trong quản lý, phát triển công nghiệp trên địa bàn thành phố Hải Phòng tới "
    "toàn thể cán bộ, công chức, viên chức, người lao động cơ quan theo ý kiến chỉ đạo của Ủy ban nhân dân thành phố."
)
TASK_4_1 = (
    "Chủ động tăng cường công tác giám sát, đấu giá hiệu quả đầu tư của các dự án; phối hợp Cục Thuế thành phố, các "
    "sở, ban, ngành, đơn vị liên quan tăng cường quản lý hoạt động đầu tư trong các khu công nghiệp, khu kinh tế."
)
TASK_6_1 = (
    "Tăng cường phối hợp thực hiện chuyển đổi 02 khu công nghiệp thành khu công nghiệp sinh thái; triển khai thực "
    "hiện Quyết định số 211/QĐ-UBND ngày 20/01/2021 của UBND thành phố về kiểm tra việc thuê đất, cấp Giấy chứng "
    "nhận quyền sử dụng đất và thực hiện các nghĩa vụ tài chính tại các KCN, KKT."
)
TASK_8_3_END = (
    "đẩy mạnh thực hiện Kế hoạch 3156/KH-BQL ngày 07/12/2018 của Ban Quản lý về Kế hoạch đẩy mạnh hợp tác giáo dục "
    "nghề nghiệp với doanh nghiệp tại địa bàn khu kinh tế Đình Vũ- Cát Hải (2018-2030)."
)
SUBJECT = "V/v thực hiện Nghị quyết số 43/NQ-HĐND ngày 19/7/2021 của Hội đồng nhân dân thành phố"
RECIPIENTS = [
    "TT HĐND TP (để b/c);",
    "UBND TP (để b/c);",
    "Ban KTNS- HĐND TP;",
    "VP HĐND TP;",
    "VP UBND TP;",
    "Các Sở: CT, KHĐT;",
    "Như trên;",
    "Lãnh đạo Ban (để b/c);",
    "Công TTĐT BQL (để đăng tải);",
    "Lưu: VP/BQL.",
]
UNIT_NAMES = [
    "Văn phòng Ban Quản lý",
    "Phòng Quản lý Đầu tư",
    "Phòng Quy hoạch và Xây dựng",
    "Phòng Doanh nghiệp và Giám sát đầu tư",
    "Phòng Quản lý Lao động",
    "Phòng Tài nguyên và Môi trường",
    "Văn phòng đại diện BQL tại KCN, KKT",
    "Trung tâm Dịch vụ việc làm- Đào tạo- Xúc tiến đầu tư",
]


@pytest.fixture(scope="module")
def directive() -> Directive:
    loaded, findings = load_directive(SHIPPED)
    assert findings == []
    assert loaded is not None
    return loaded


def test_units_in_the_letters_order(directive: Directive) -> None:
    assert [u.id for u in directive.units] == ["vp", "qldt", "qhxd", "dngsdt", "qlld", "tnmt", "vpdd", "ttdvvl"]
    assert [u.number for u in directive.units] == list(range(1, 9))
    assert [u.name for u in directive.units] == UNIT_NAMES
    assert all(u.short_name and u.submitters for u in directive.units)


def test_fourteen_tasks_numbered_as_in_the_letter(directive: Directive) -> None:
    assert [t.id for t in directive.tasks] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "3.1",
        "4.1",
        "5.1",
        "6.1",
        "7.1",
        "8.1",
        "8.2",
        "8.3",
    ]
    for task in directive.tasks:
        unit = directive.unit(task.unit)
        assert unit is not None
        assert task.id.split(".")[0] == str(unit.number)
        assert task.title and task.text


def test_task_texts_are_verbatim(directive: Directive) -> None:
    texts = {t.id: t.text for t in directive.tasks}
    assert texts["1.1"] == TASK_1_1
    assert texts["4.1"] == TASK_4_1
    assert texts["6.1"] == TASK_6_1
    assert texts["8.3"].endswith(TASK_8_3_END)
    assert texts["2.4"].endswith("các dự án sử dụng năng lượng tái tạo...")


def test_coordination_and_recurrence(directive: Directive) -> None:
    task = directive.task("1.2")
    assert task is not None
    assert task.coordinates_with == ("ttdvvl",)
    task = directive.task("8.1")
    assert task is not None
    assert task.coordinates_with == ("qldt",)
    task = directive.task("3.1")
    assert task is not None
    assert task.partners == ("Sở Xây dựng",)
    assert {t.id for t in directive.tasks if not t.recurring} == {"1.1", "1.2", "2.2", "2.4", "6.1"}
    assert all(t.deadline is None for t in directive.tasks)  # the letter sets no deadline


def test_letter_resolution_and_signing(directive: Directive) -> None:
    letter = directive.letter
    assert letter.number == "/BQL-VP"
    assert (letter.place, letter.month, letter.year) == ("Hải Phòng", 9, 2024)
    assert letter.parent_agency == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert letter.issuing_agency == "BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG"
    assert letter.subject == SUBJECT  # the slip "19/7/2021" is kept as written
    assert letter.signing.authority == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    assert letter.signing.name == "Bùi Ngọc Hải"
    assert list(letter.recipients) == RECIPIENTS
    assert letter.closing.startswith("Các phòng chuyên môn, đơn vị sự nghiệp định kỳ hằng quý báo cáo kết quả")
    assert letter.closing.endswith("báo cáo Ủy ban nhân dân theo quy định./.")
    assert directive.resolution.number == "43/NQ-HĐND"
    assert directive.resolution.date == date(2024, 7, 19)


def test_reporting_rule(directive: Directive) -> None:
    rule = directive.reporting
    assert (rule.due_before_day, rule.due_months) == (10, (3, 6, 9, 12))
    assert rule.consolidated_by == "vp"
    assert rule.merged_with == "báo cáo thực hiện nhiệm vụ kinh tế- xã hội hằng quý"


def test_slips_are_recorded_not_corrected(directive: Directive) -> None:
    slips = {s.text: s for s in directive.slips}
    assert slips["ngày 19/7/2021"].intended == "ngày 19/7/2024"
    assert slips["đấu giá hiệu quả đầu tư"].intended == "đánh giá hiệu quả đầu tư"
    assert slips["Công TTĐT BQL"].intended == "Cổng TTĐT BQL"
    for slip in directive.slips:
        assert slip.note


def test_indicators_belong_to_existing_tasks(directive: Directive) -> None:
    assert directive.indicators
    for indicator in directive.indicators:
        task = directive.task(indicator.task)
        assert task is not None
        assert task.unit == indicator.unit
    rate = directive.indicator("ty-le-lap-day")
    assert rate is not None
    assert (rate.measure, rate.minimum, rate.maximum) == ("%", 0, 100)


# --- a broken directive is reported precisely and not used ---


def broken(tmp_path: Path, old: str, new: str) -> tuple[Directive | None, list[tuple[str, str, int]]]:
    root = make_repo(tmp_path)
    file = root / "data" / "directive.yaml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    loaded, findings = load_directive(root)
    return loaded, [(f.path, f.code, f.line) for f in findings]


def line_of(text: str) -> int:
    lines = (SHIPPED / "data" / "directive.yaml").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def test_missing_directive(tmp_path: Path) -> None:
    loaded, findings = load_directive(tmp_path)
    assert loaded is None
    assert [(f.path, f.code, f.line) for f in findings] == [("data/directive.yaml", "NQ606", 1)]


def test_duplicate_task_id(tmp_path: Path) -> None:
    loaded, findings = broken(tmp_path, '  - id: "2.2"', '  - id: "2.1"')
    assert loaded is None
    assert findings == [("data/directive.yaml", "NQ601", line_of('  - id: "2.2"'))]


def test_reference_to_an_unknown_unit(tmp_path: Path) -> None:
    loaded, findings = broken(tmp_path, "coordinates_with: [ttdvvl]", "coordinates_with: [ttdv]")
    assert loaded is None
    assert findings == [("data/directive.yaml", "NQ602", line_of("    coordinates_with: [ttdvvl]"))]


def test_directive_schema_error(tmp_path: Path) -> None:
    loaded, findings = broken(tmp_path, "    recurring: false\n", "    recurring: maybe\n")
    assert loaded is None
    assert [code for _, code, _ in findings] == ["NQ302"]


def test_unit_files(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    units = root / "data" / "units"
    (units / "qlld" / "unit.yaml").unlink()
    text = (units / "tnmt" / "unit.yaml").read_text(encoding="utf-8")
    (units / "tnmt" / "unit.yaml").write_text(text.replace("id: tnmt", "id: tnm"), encoding="utf-8")
    (units / "phong-moi").mkdir()
    loaded, findings = load_directive(root)
    assert loaded is not None  # the letter itself is sound: notes can still be checked
    assert [(f.path, f.code, f.line) for f in findings] == [
        ("data/units/qlld/unit.yaml", "NQ603", 1),
        ("data/units/tnmt/unit.yaml", "NQ605", 2),
        ("data/units/phong-moi", "NQ604", 1),
    ]


def test_unit_file_with_yaml_error_is_skipped(tmp_path: Path) -> None:
    root = make_repo(tmp_path)
    shutil.copy(SHIPPED / "data" / "units" / "vp" / "unit.yaml", root / "data" / "units" / "vp" / "unit.yaml")
    (root / "data" / "units" / "vp" / "unit.yaml").write_text("id: vp\nname: [\n", encoding="utf-8")
    loaded, findings = load_directive(root)
    assert loaded is not None
    assert [(f.path, f.code) for f in findings] == [("data/units/vp/unit.yaml", "NQ204")]
    unit = loaded.unit("vp")
    assert unit is not None
    assert unit.short_name == unit.name  # falls back to the letter's name


def test_a_directive_may_list_thousands_of_tasks(tmp_path: Path) -> None:
    # the note's line and value limits guard against what units submit; the Office's letter has its own (limits.py)
    root = make_repo(tmp_path)
    file = root / "data" / "directive.yaml"
    extra = "".join(
        f'  - id: "1.{n}"\n    unit: vp\n    title: Nhiệm vụ {n}\n    text: "Nội dung nhiệm vụ {n}."\n'
        f"    recurring: true\n"
        for n in range(3, 6003)
    )
    text = file.read_text(encoding="utf-8").replace("\n# Chỉ tiêu định lượng", "\n" + extra + "\n# Chỉ tiêu định lượng")
    file.write_text(text, encoding="utf-8")
    assert text.count("\n") > 30_000
    loaded, findings = load_directive(root)
    assert findings == []
    assert loaded is not None
    assert len(loaded.tasks) == 14 + 6000


def _bench_generator() -> Any:
    """bench/generate.py as a module (bench/ is no package); its dataclasses need it in sys.modules."""
    file = SHIPPED / "bench" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_a_directive_of_a_thousand_units_loads(tmp_path: Path) -> None:
    """bench/generate.py's province: 1,000 units and 8,000 tasks, about 2.9 MB, within the directive's limits."""
    generate = _bench_generator()
    units = generate.make_units(1000, random.Random(43))
    units_dir = tmp_path / "data" / "units"
    # libyaml's dumper: the generator's pure-Python one takes seconds for this much
    text = yaml.dump(
        generate.directive_data(units),
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
    )
    units_dir.mkdir(parents=True)
    (tmp_path / "data" / "directive.yaml").write_text(text, encoding="utf-8")
    rng = random.Random(44)
    for unit in units:
        (units_dir / unit.id).mkdir()
        (units_dir / unit.id / "unit.yaml").write_text(generate.unit_yaml(unit, rng), encoding="utf-8")
    size = len(text.encode("utf-8"))
    assert size > LIMITS["note"].size  # what the note's limit refused before the limits were per kind of file
    loaded, findings = load_directive(tmp_path)
    assert findings == []
    assert loaded is not None
    assert (len(loaded.units), len(loaded.tasks)) == (1000, 8000)
