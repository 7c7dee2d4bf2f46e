"""A directive's look-ups by id give what a scan in the directive's order gives."""

from __future__ import annotations

from datetime import date

from nq43.domain.records import (
    Directive,
    Indicator,
    Letter,
    ReportConfig,
    ReportingRule,
    Resolution,
    Signing,
    Task,
    Unit,
)


def directive(units: tuple[Unit, ...], tasks: tuple[Task, ...], indicators: tuple[Indicator, ...]) -> Directive:
    signing = Signing(("TRƯỞNG BAN",), "A")
    letter = Letter(
        "/BQL-VP", "Hải Phòng", "", 9, 2024, "UBND", "BQL", ("BQL",), "BQL", "V/v", "Các phòng", (), "", signing, ()
    )
    return Directive(
        letter,
        Resolution("43/NQ-HĐND", date(2024, 7, 19), "HĐND", "x"),
        (),
        ReportingRule(10, (3, 6, 9, 12), "", "vp", "UBND"),
        ReportConfig("BC-BQL", "HP", "UBND", signing, ()),
        units,
        tasks,
        indicators,
    )


def task(task_id: str, unit: str) -> Task:
    return Task(task_id, unit, f"Nhiệm vụ {task_id}", "", recurring=False)


def test_lookups_match_a_scan_in_order() -> None:
    units = (Unit("vp", 1, "Văn phòng"), Unit("qldt", 2, "Phòng QLĐT"), Unit("vp", 3, "trùng mã"))
    tasks = (task("1.1", "vp"), task("2.1", "qldt"), task("1.2", "vp"), task("2.1", "vp"))
    indicators = (
        Indicator("a", "A", "%", "qldt", "2.1"),
        Indicator("b", "B", "%", "qldt", "2.1"),
        Indicator("a", "trùng", "%", "vp", "1.1"),
    )
    d = directive(units, tasks, indicators)
    assert d.unit("vp") is units[0]
    assert d.unit("khong-co") is None
    assert d.task("2.1") is tasks[1]
    assert d.task("9.9") is None
    assert d.tasks_of("vp") == (tasks[0], tasks[2], tasks[3])
    assert d.tasks_of("khong-co") == ()
    assert d.indicator("a") is indicators[0]
    assert d.indicators_of("2.1") == indicators[:2]
    assert d.indicators_of("1.2") == ()


def test_the_index_is_not_part_of_equality() -> None:
    a = directive((Unit("vp", 1, "Văn phòng"),), (task("1.1", "vp"),), ())
    b = directive((Unit("vp", 1, "Văn phòng"),), (task("1.1", "vp"),), ())
    assert a.unit("vp") is not None
    assert a == b
