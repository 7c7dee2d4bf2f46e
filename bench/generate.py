"""Generate a synthetic nq43 repository at province scale: N units x 8 tasks x Q quarters of notes.

    python bench/generate.py OUT --units 300 --quarters 8 [--invalid 0.1] [--seed 43] [--last 2025Q1]

OUT receives `data/directive.yaml` (the shipped letter's frame with N generated units, 8 tasks each, and
their indicators), `data/units/<id>/unit.yaml` and one note per unit and quarter, ending with `--last`.
Notes are of realistic size (about 1.2 KB of Vietnamese Markdown per task: paragraphs, lists, bold text and
tables). Every note is valid for `nq43 validate --root OUT --today <today>`, where <today> is the last day of
the last quarter, unless `--invalid F` breaks a fraction F of them, each in one of several ways that nq43
must report with a known code.

`OUT/bench-manifest.json` records the parameters, the `today` to validate with, and every broken note with
the code that it must produce. The output depends only on the arguments (same seed, same bytes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SHIPPED_DIRECTIVE = HERE.parent / "data" / "directive.yaml"
TASKS_PER_UNIT = 8

# --------------------------------------------------------------------------------------------- vocabulary

KINDS = [
    ("Sở", "so", "sở, ban, ngành"),
    ("UBND quận", "ubnd-q", "Ủy ban nhân dân cấp huyện"),
    ("UBND huyện", "ubnd-h", "Ủy ban nhân dân cấp huyện"),
    ("UBND phường", "ubnd-p", "Ủy ban nhân dân cấp xã"),
    ("UBND xã", "ubnd-x", "Ủy ban nhân dân cấp xã"),
    ("Trung tâm Y tế", "ttyt", "đơn vị sự nghiệp"),
    ("Phòng Kinh tế", "pkt", "phòng chuyên môn"),
    ("Phòng Tài nguyên và Môi trường", "ptnmt", "phòng chuyên môn"),
    ("Ban Quản lý dự án", "bqlda", "ban quản lý"),
    ("Trung tâm Phát triển quỹ đất", "ttqd", "đơn vị sự nghiệp"),
    ("Chi cục Thuế khu vực", "cct", "cơ quan ngành dọc"),
    ("Trường Cao đẳng nghề", "cdn", "đơn vị sự nghiệp"),
]
SECTORS = [
    "Tài chính",
    "Xây dựng",
    "Công Thương",
    "Nông nghiệp và Môi trường",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Nội vụ",
    "Tư pháp",
    "Khoa học và Công nghệ",
    "Văn hóa, Thể thao và Du lịch",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
]
PLACES = [
    "Hồng Bàng",
    "Ngô Quyền",
    "Lê Chân",
    "Hải An",
    "Kiến An",
    "Đồ Sơn",
    "Dương Kinh",
    "An Dương",
    "Thủy Nguyên",
    "An Lão",
    "Kiến Thụy",
    "Tiên Lãng",
    "Vĩnh Bảo",
    "Cát Hải",
    "Bạch Long Vĩ",
    "Minh Đức",
    "Lưu Kiếm",
    "Tràng Cát",
    "Đông Hải",
    "Nam Sơn",
    "Hợp Đức",
    "Bàng La",
    "Tân Thành",
    "Đằng Lâm",
    "Quán Toan",
    "Hùng Vương",
    "Lạch Tray",
    "Cát Bi",
    "Đông Khê",
    "Vĩnh Niệm",
    "Trần Thành Ngọ",
    "Đại Bản",
    "Lê Lợi",
    "Quang Trung",
    "Tam Cường",
    "Vinh Quang",
    "Hòa Bình",
    "Cổ Am",
    "Đoàn Xá",
    "Ngũ Phúc",
]
PEOPLE_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lương"]
PEOPLE_MIDDLE = ["Thị", "Văn", "Minh", "Quốc", "Thu", "Đức", "Thanh", "Hải", "Ngọc", "Xuân", "Hữu"]
PEOPLE_GIVEN = [
    "Hương",
    "Thành",
    "Anh",
    "Dũng",
    "Lan",
    "Hùng",
    "Thảo",
    "Tuấn",
    "Hà",
    "Nam",
    "Linh",
    "Phương",
    "Quang",
    "Yến",
    "Khánh",
    "Trang",
    "Việt",
    "Hiền",
    "Long",
    "Nhung",
]

TASK_TITLES = [
    "Rà soát tiến độ các dự án đầu tư công trên địa bàn, đẩy nhanh giải ngân",
    "Phổ biến Nghị quyết số 43/NQ-HĐND tới cán bộ, công chức, viên chức, người lao động",
    "Hoàn thiện hạ tầng kỹ thuật khu, cụm công nghiệp; nâng cao tỷ lệ lấp đầy",
    "Giải phóng mặt bằng, bàn giao đất sạch cho nhà đầu tư thứ cấp",
    "Phát triển nhà ở xã hội, công trình tiện ích cho người lao động",
    "Thanh tra, kiểm tra việc chấp hành pháp luật về bảo vệ môi trường của doanh nghiệp",
    "Cải cách thủ tục hành chính, rút ngắn thời gian cấp giấy chứng nhận đầu tư",
    "Đào tạo, cung ứng lao động có tay nghề cho doanh nghiệp FDI",
    "Xúc tiến đầu tư, tổ chức hội nghị gặp gỡ nhà đầu tư trong và ngoài nước",
    "Giám sát, đánh giá hiệu quả đầu tư của các dự án sau cấp phép",
    "Chuyển đổi số trong quản lý hồ sơ doanh nghiệp, kết nối cơ sở dữ liệu dùng chung",
    "Tuyên truyền, phổ biến, giáo dục pháp luật lao động tại doanh nghiệp",
    "Xây dựng kế hoạch sử dụng đất, điều chỉnh quy hoạch phân khu",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ tại khu công nghiệp",
    "Phát triển tổ chức Đảng, Công đoàn trong doanh nghiệp ngoài nhà nước",
    "Xử lý các dự án chậm tiến độ, thu hồi dự án vi phạm",
    "Hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận vốn, mặt bằng sản xuất",
    "Quản lý chất thải rắn công nghiệp, nước thải tập trung",
    "Kiểm tra an toàn, vệ sinh lao động; phòng ngừa tai nạn lao động",
    "Rà soát, đề xuất sửa đổi cơ chế, chính sách ưu đãi đầu tư",
]
ACTIONS = [
    "tổ chức {n} cuộc kiểm tra tại hiện trường",
    "ban hành {n} văn bản hướng dẫn, đôn đốc",
    "làm việc trực tiếp với {n} doanh nghiệp",
    "tiếp nhận và giải quyết {n} hồ sơ đúng hạn",
    "phối hợp các sở, ngành tháo gỡ {n} kiến nghị",
    "tổ chức {n} hội nghị tập huấn cho cán bộ cơ sở",
    "cập nhật {n} hồ sơ lên hệ thống cơ sở dữ liệu dùng chung",
    "thẩm định {n} hồ sơ điều chỉnh dự án",
    "đăng {n} tin, bài trên Cổng Thông tin điện tử",
    "rà soát {n} dự án chậm tiến độ",
]
OBJECTS = [
    "khu công nghiệp",
    "cụm công nghiệp",
    "dự án đầu tư công",
    "doanh nghiệp FDI",
    "hộ dân bị ảnh hưởng",
    "hợp tác xã",
    "cơ sở sản xuất",
    "công trình nhà ở xã hội",
    "điểm tập kết chất thải",
    "lớp đào tạo nghề",
]
CONNECTORS = [
    "Trong quý, đơn vị đã",
    "Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, đơn vị đã",
    "Tiếp nối kết quả quý trước, đơn vị tiếp tục",
    "Căn cứ kế hoạch đã ban hành, đơn vị đã chủ động",
    "Phối hợp với các cơ quan liên quan, đơn vị đã",
]
RESULTS_TAIL = [
    "Kết quả cơ bản đạt yêu cầu đề ra, một số chỉ tiêu vượt kế hoạch quý.",
    "Các nội dung được triển khai đúng tiến độ, bảo đảm chất lượng và đúng quy định.",
    "Số liệu chi tiết được tổng hợp tại bảng dưới đây và gửi kèm báo cáo.",
    "Công tác phối hợp giữa các phòng, đơn vị được duy trì thường xuyên, hiệu quả.",
]
DIFFICULTIES = [
    "Một số doanh nghiệp chưa chủ động phối hợp cung cấp thông tin, số liệu báo cáo còn chậm so với yêu cầu.",
    "Công tác giải phóng mặt bằng gặp khó khăn do vướng mắc về nguồn gốc đất và đơn giá bồi thường.",
    "Biên chế được giao còn thiếu so với khối lượng công việc; cán bộ kiêm nhiệm nhiều nhiệm vụ.",
    "Hệ thống phần mềm quản lý chưa kết nối đồng bộ với cơ sở dữ liệu của các bộ, ngành Trung ương.",
    "Kinh phí bố trí cho nhiệm vụ trong năm chưa đáp ứng nhu cầu thực tế.",
    "Quy định pháp luật liên quan thay đổi trong quý nên một số hồ sơ phải điều chỉnh lại.",
]
PROPOSALS = [
    "Đề nghị Ủy ban nhân dân thành phố sớm phê duyệt điều chỉnh kế hoạch vốn để bảo đảm tiến độ.",
    "Đề nghị các sở, ngành liên quan cử cán bộ đầu mối phối hợp, trả lời kiến nghị trong thời hạn 10 ngày.",
    "Đề nghị bổ sung biên chế, kinh phí để thực hiện nhiệm vụ trong các quý tiếp theo.",
    "Đề nghị tổ chức hội nghị đối thoại định kỳ với doanh nghiệp để kịp thời tháo gỡ khó khăn.",
    "Đề nghị Sở Tài chính hướng dẫn thống nhất cách hạch toán, báo cáo số liệu giải ngân.",
]
NEXT_QUARTER = [
    "Hoàn thành các nhiệm vụ còn dở dang, bảo đảm tiến độ theo kế hoạch năm.",
    "Tiếp tục đôn đốc các doanh nghiệp, nhà đầu tư đẩy nhanh tiến độ thực hiện dự án.",
    "Tổng hợp số liệu, báo cáo kết quả thực hiện Nghị quyết **đúng hạn** về Văn phòng.",
    "Tổ chức kiểm tra, giám sát việc thực hiện các kiến nghị sau thanh tra, kiểm tra.",
    "Phối hợp các sở, ngành giải quyết dứt điểm các kiến nghị tồn đọng.",
]
INDICATOR_KINDS = [
    ("ty-le-giai-ngan", "Tỷ lệ giải ngân vốn đầu tư công của đơn vị", "%", 0.0, 100.0),
    ("so-ho-so", "Số hồ sơ giải quyết đúng hạn trong quý", "hồ sơ", 0.0, None),
    ("so-lao-dong", "Số lượt lao động được giới thiệu việc làm", "lượt người", 0.0, None),
    ("so-doanh-nghiep", "Số doanh nghiệp được kiểm tra, hỗ trợ", "doanh nghiệp", 0.0, None),
]


def slug(text: str) -> str:
    """ASCII, lower case, hyphenated: "Hồng Bàng" -> "hong-bang" (the same rule as nq43's ids)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------------------------- quarters


@dataclass(frozen=True, order=True)
class Q:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Q:
        match = re.fullmatch(r"(\d{4})Q([1-4])", text)
        if not match:
            raise argparse.ArgumentTypeError(f"not a quarter: {text!r} (expected YYYYQn)")
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    def previous(self) -> Q:
        return Q(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> date:
        following = date(self.year + 1, 1, 1) if self.number == 4 else date(self.year, 3 * self.number + 1, 1)
        return following - timedelta(days=1)

    def label(self) -> str:
        return f"quý {('I', 'II', 'III', 'IV')[self.number - 1]}/{self.year}"


def quarters_ending(last: Q, count: int) -> list[Q]:
    out = [last]
    while len(out) < count:
        out.append(out[-1].previous())
    return out[::-1]


# --------------------------------------------------------------------------------------------- the directive


@dataclass
class GenUnit:
    number: int
    id: str
    name: str
    short_name: str
    kind: str
    tasks: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return f"{rng.choice(PEOPLE_FAMILY)} {rng.choice(PEOPLE_MIDDLE)} {rng.choice(PEOPLE_GIVEN)}"


def make_units(count: int, rng: random.Random) -> list[GenUnit]:
    combos = [(k, s) for k in KINDS[:1] for s in SECTORS] + [(k, p) for k in KINDS[1:] for p in PLACES]
    rng.shuffle(combos)
    units: list[GenUnit] = []
    seen: set[str] = set()
    for index in range(count):
        (kind_name, kind_id, kind_label), place = combos[index % len(combos)]
        round_ = index // len(combos)
        name = f"{kind_name} {place}" + (f" (khu vực {round_ + 1})" if round_ else "")
        base = f"{kind_id}-{slug(place)}"[:26].rstrip("-")
        unit_id = base if round_ == 0 and base not in seen else f"{base}-{round_ + 1}"
        while unit_id in seen:
            unit_id += "x"
        seen.add(unit_id)
        number = index + 1
        unit = GenUnit(number, unit_id, name, name.replace("Ủy ban nhân dân", "UBND"), kind_label)
        titles = rng.sample(TASK_TITLES, TASKS_PER_UNIT)
        for k, title in enumerate(titles, start=1):
            recurring = rng.random() < 0.45
            task = {
                "id": f"{number}.{k}",
                "unit": unit_id,
                "title": title,
                "text": f"{title} theo chức năng, nhiệm vụ được giao.",
                "recurring": recurring,
            }
            if not recurring and rng.random() < 0.5:
                task["deadline"] = date(2025 + rng.randint(0, 2), rng.choice([6, 12]), 30).isoformat()
            if units and rng.random() < 0.2:
                task["coordinates_with"] = [units[rng.randrange(len(units))].id]
            unit.tasks.append(task)
        for j, (base_id, ind_name, measure, low, high) in enumerate(rng.sample(INDICATOR_KINDS, rng.randint(1, 2))):
            indicator = {
                "id": f"{base_id}-{number}",
                "name": ind_name,
                "measure": measure,
                "unit": unit_id,
                "task": f"{number}.{j + 1}",
                "minimum": low,
            }
            if high is not None:
                indicator["maximum"] = high
            unit.indicators.append(indicator)
        units.append(unit)
    return units


def directive_data(units: list[GenUnit]) -> dict:
    """The shipped letter's frame (letter, resolution, reporting, report) with the generated units and tasks."""
    shipped = yaml.safe_load(SHIPPED_DIRECTIVE.read_text(encoding="utf-8"))
    data = {key: shipped[key] for key in ("schema_version", "letter", "resolution", "reporting", "report")}
    data["resolution"]["date"] = str(data["resolution"]["date"])
    data["reporting"]["consolidated_by"] = units[0].id
    data["units"] = [{"id": u.id, "number": u.number, "name": u.name} for u in units]
    data["tasks"] = [t for u in units for t in u.tasks]
    data["indicators"] = [i for u in units for i in u.indicators]
    return data


def unit_yaml(unit: GenUnit, rng: random.Random) -> str:
    data = {
        "id": unit.id,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "sample": True,
        "submitters": [{"name": person(rng), "github": f"bench-{unit.id}"[:39]}],
    }
    return "# DỮ LIỆU TỔNG HỢP để đo hiệu năng (bench/generate.py), không phải đơn vị thật.\n" + dump(data)


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


# --------------------------------------------------------------------------------------------- notes


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=110, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 3)):
        action = rng.choice(ACTIONS).format(n=f"{rng.randint(2, 48):02d}")
        sentences.append(f"{rng.choice(CONNECTORS)} {action} đối với các {rng.choice(OBJECTS)} trên địa bàn.")
    sentences.append(rng.choice(RESULTS_TAIL))
    return wrap(" ".join(sentences))


def bullet_list(rng: random.Random, quarter: Q, submitted: date) -> str:
    items = []
    for _ in range(rng.randint(2, 4)):
        day = quarter.first_day + timedelta(days=rng.randint(0, (submitted - quarter.first_day).days))
        action = rng.choice(ACTIONS).format(n=f"**{rng.randint(1, 60):02d}**")
        extra = f", đạt {rng.randint(60, 100)}% kế hoạch" if rng.random() < 0.5 else ""
        items.append(
            wrap(
                f"- Ngày {day.day:02d}/{day.month:02d}/{day.year}, {action} "
                f"liên quan đến {rng.choice(OBJECTS)}{extra};",
                indent="  ",
            )
        )
    items[-1] = items[-1].rstrip(";") + "."
    return "\n".join(items)


def vn_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number: "." between thousands, "," before decimals ("1.234", "72,5")."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def table(rng: random.Random) -> str:
    rows = ["| Nội dung | Kế hoạch | Thực hiện | Tỷ lệ |", "| --- | ---: | ---: | ---: |"]
    for obj in rng.sample(OBJECTS, rng.randint(3, 5)):
        plan = rng.randint(10, 4000)
        done = rng.randint(plan // 3, plan)
        rows.append(
            f"| {obj.capitalize()} | {vn_number(plan)} | {vn_number(done)} | {vn_number(100 * done / plan, 1)}% |"
        )
    return "\n".join(rows)


@dataclass
class NoteParts:
    front: dict
    sections: list[list[str]]  # one list of lines per task section
    next_quarter: list[str]


def note_parts(unit: GenUnit, quarter: Q, rng: random.Random) -> NoteParts:
    submitted = date(quarter.year, 3 * quarter.number, rng.randint(1, 9))
    tasks: dict[str, dict] = {}
    sections: list[list[str]] = []
    own_indicators = {i["task"]: i for i in unit.indicators}
    for task in unit.tasks:
        if task["recurring"]:
            entry: dict = {"status": "thuong-xuyen"}
        else:
            roll = rng.random()
            if roll < 0.35:
                done = quarter.first_day + timedelta(days=rng.randint(0, (submitted - quarter.first_day).days))
                entry = {"status": "hoan-thanh", "progress": 100, "completed": done.isoformat()}
            elif roll < 0.85:
                entry = {"status": "dang-thuc-hien", "progress": rng.randint(5, 95)}
            else:
                entry = {"status": "chua-thuc-hien", "progress": 0}
        indicator = own_indicators.get(task["id"])
        if indicator is not None:
            high = indicator.get("maximum")
            value = round(rng.uniform(30, high), 1) if high is not None else rng.randint(0, 900)
            entry["indicators"] = {indicator["id"]: value}
        tasks[task["id"]] = entry
        lines = [
            f"## {task['id']}. {task['title']}",
            "",
            "### Kết quả",
            "",
            paragraph(rng),
            "",
            bullet_list(rng, quarter, submitted),
        ]
        if rng.random() < 0.35:
            lines += ["", f"Kết quả cụ thể trong {quarter.label()}:", "", table(rng)]
        if rng.random() < 0.6:
            lines += ["", "### Khó khăn, vướng mắc", "", wrap(" ".join(rng.sample(DIFFICULTIES, 2)))]
        if rng.random() < 0.5:
            lines += ["", "### Kiến nghị, đề xuất", "", wrap(rng.choice(PROPOSALS))]
        sections.append(lines)
    front = {
        "unit": unit.id,
        "quarter": str(quarter),
        "prepared_by": person(rng),
        "approved_by": person(rng),
        "submitted": submitted.isoformat(),
        "sample": True,
        "tasks": tasks,
    }
    next_quarter = [wrap(f"- {item}", indent="  ") for item in rng.sample(NEXT_QUARTER, 3)]
    return NoteParts(front, sections, next_quarter)


def render_front(front: dict) -> str:
    lines = ["---", "# DỮ LIỆU TỔNG HỢP để đo hiệu năng (bench/generate.py), không phải báo cáo thật."]
    for key in ("unit", "quarter", "prepared_by", "approved_by", "submitted", "sample"):
        if key in front:
            value = front[key]
            lines.append(f"{key}: {'true' if value is True else value}")
    lines.append("tasks:")
    for task_id, entry in front["tasks"].items():
        lines.append(f'  "{task_id}":')
        for key, value in entry.items():
            if key == "indicators":
                lines.append("    indicators:")
                lines += [f"      {name}: {number}" for name, number in value.items()]
            else:
                lines.append(f"    {key}: {value}")
    lines.append("---")
    return "\n".join(lines)


def render_note(parts: NoteParts) -> str:
    body = [line for section in parts.sections for line in ("", *section)]
    body += ["", "## Nhiệm vụ trọng tâm quý tới", "", *parts.next_quarter, ""]
    return render_front(parts.front) + "\n" + "\n".join(body)


# Each way of breaking a note, with the code `nq43 validate` must give for it.
BREAKS = [
    ("status-unknown", "NQ304"),
    ("progress-out-of-range", "NQ305"),
    ("missing-prepared-by", "NQ301"),
    ("impossible-date", "NQ306"),
    ("quarter-not-file-name", "NQ403"),
    ("foreign-task", "NQ404"),
    ("missing-section", "NQ501"),
    ("empty-results", "NQ504"),
    ("duplicate-key", "NQ205"),
    ("tab-indent", "NQ206"),
    ("unknown-unit", "NQ401"),
    ("no-front-matter", "NQ201"),
    ("unknown-indicator", "NQ406"),
    ("submitted-in-future", "NQ407"),
]


def break_note(kind: str, parts: NoteParts, quarter: Q, today: date, other_task: str) -> str:
    """The note's text broken in one known way."""
    front = parts.front
    first_task = next(iter(front["tasks"]))
    if kind == "status-unknown":
        front["tasks"][first_task]["status"] = "xong"
    elif kind == "progress-out-of-range":
        front["tasks"][first_task]["progress"] = 150
        front["tasks"][first_task]["status"] = "dang-thuc-hien"
    elif kind == "missing-prepared-by":
        del front["prepared_by"]
    elif kind == "impossible-date":
        front["submitted"] = f"{quarter.year}-{3 * quarter.number:02d}-32"
    elif kind == "quarter-not-file-name":
        front["quarter"] = str(quarter.previous())
    elif kind == "foreign-task":
        front["tasks"][other_task] = {"status": "thuong-xuyen"}
    elif kind == "missing-section":
        parts.sections.pop()
    elif kind == "empty-results":
        parts.sections[0] = [*parts.sections[0][:4], "<!-- chưa viết -->"]
    elif kind == "unknown-unit":
        front["unit"] = "don-vi-khong-co"
    elif kind == "unknown-indicator":
        front["tasks"][first_task]["indicators"] = {"chi-tieu-khong-co": 1}
    elif kind == "submitted-in-future":
        front["submitted"] = (today + timedelta(days=20)).isoformat()
    text = render_note(parts)
    if kind == "duplicate-key":
        text = text.replace("\nsubmitted:", "\nprepared_by: Nguyễn Văn Lặp\nsubmitted:", 1)
    elif kind == "tab-indent":
        text = text.replace("\n    status:", "\n\tstatus:", 1)
    elif kind == "no-front-matter":
        text = text.removeprefix("---\n")
    return text


# --------------------------------------------------------------------------------------------- main


def generate(out: Path, units_count: int, quarters_count: int, invalid: float, seed: int, last: Q) -> dict:
    rng = random.Random(seed)
    units = make_units(units_count, rng)
    quarters = quarters_ending(last, quarters_count)
    today = last.last_day
    if out.exists():
        if not (out / "bench-manifest.json").is_file() and any(out.iterdir()):
            raise SystemExit(f"{out} exists and was not made by this generator; refusing to delete it")
        shutil.rmtree(out)
    units_dir = out / "data" / "units"
    units_dir.mkdir(parents=True)
    (out / "data" / "directive.yaml").write_text(
        "# DỮ LIỆU TỔNG HỢP để đo hiệu năng (bench/generate.py): khung công văn thật, đơn vị và nhiệm vụ giả.\n"
        + dump(directive_data(units)),
        encoding="utf-8",
    )
    # A separate generator picks the notes to break, so that the broken variant is the valid one with
    # exactly round(invalid x notes) notes changed.
    total = units_count * quarters_count
    to_break = set(random.Random(seed + 1).sample(range(total), round(invalid * total)))
    broken: list[dict] = []
    total_bytes = 0
    notes = 0
    for unit in units:
        folder = units_dir / unit.id
        folder.mkdir()
        (folder / "unit.yaml").write_text(unit_yaml(unit, rng), encoding="utf-8")
        for quarter in quarters:
            parts = note_parts(unit, quarter, rng)
            if notes in to_break:
                kind, code = BREAKS[len(broken) % len(BREAKS)]
                other = units[unit.number % len(units)].tasks[0]["id"] if len(units) > 1 else "99.1"
                text = break_note(kind, parts, quarter, today, other)
                broken.append({"path": f"data/units/{unit.id}/{quarter}.md", "break": kind, "code": code})
            else:
                text = render_note(parts)
            data = text.encode("utf-8")
            (folder / f"{quarter}.md").write_bytes(data)
            total_bytes += len(data)
            notes += 1
    manifest = {
        "generator": "bench/generate.py",
        "units": units_count,
        "tasks_per_unit": TASKS_PER_UNIT,
        "quarters": [str(q) for q in quarters],
        "last_quarter": str(last),
        "today": today.isoformat(),
        "seed": seed,
        "invalid_fraction": invalid,
        "notes": notes,
        "note_bytes": total_bytes,
        "broken": broken,
    }
    (out / "bench-manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to create (replaced if it holds an earlier output)")
    parser.add_argument("--units", type=int, default=300, help="number of units (default 300)")
    parser.add_argument("--quarters", type=int, default=8, help="quarters of notes per unit (default 8)")
    parser.add_argument("--invalid", type=float, default=0.0, help="fraction of notes to break (e.g. 0.1)")
    parser.add_argument("--seed", type=int, default=43, help="random seed (default 43)")
    parser.add_argument("--last", type=Q.parse, default=Q(2025, 1), help="last quarter (default 2025Q1)")
    args = parser.parse_args(argv)
    if args.units < 1 or args.quarters < 1 or not 0 <= args.invalid <= 1:
        parser.error("--units and --quarters must be at least 1, --invalid between 0 and 1")
    manifest = generate(args.out, args.units, args.quarters, args.invalid, args.seed, args.last)
    sys.stdout.write(
        f"{args.out}: {manifest['units']} units, {manifest['notes']} notes "
        f"({manifest['note_bytes'] / 1e6:.1f} MB), {len(manifest['broken'])} broken; "
        f"check with: nq43 validate --root {args.out} --today {manifest['today']}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
