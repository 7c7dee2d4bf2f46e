from __future__ import annotations

from datetime import date

from nq43.check.history import history_quarters
from nq43.check.repository import gather
from nq43.domain.periods import Period, PeriodKind
from nq43.domain.records import Quarter
from nq43.domain.vocabulary import Standing, State, Status
from nq43.load.calendar import Calendar, Extension
from nq43.load.dates import NO_GIT
from nq43.tracking.status import failing, period_record, quarter_status, unit_history

Q1 = Quarter(2025, 1)


def _quarter(repo, today, calendar=None, quarter=Q1):
    inputs = gather(repo.root, today, [quarter], dates=NO_GIT)
    assert inputs.directive is not None and inputs.calendar is not None
    return quarter_status(
        inputs.directive, calendar or inputs.calendar, quarter, inputs.notes, inputs.submissions, today
    )


def _by_unit(view):
    return {u.unit.id: u for u in view.units}


def test_every_state_of_a_unit(repo):
    repo.note("vp", "2025Q1", "2025-03-09")  # on the nominal day: 1 day before the moved due date (10/3)
    repo.note("qldt", "2025Q1", "2025-03-10")  # on the due date itself
    repo.note("qhxd", "2025Q1", "2025-03-11")  # one day late
    repo.note("tnmt", "2025Q1", "2025-03-05", broken=True)  # submitted, invalid
    view = _quarter(repo, date(2025, 3, 12))
    units = _by_unit(view)
    assert (units["vp"].state, units["vp"].days) == (State.ON_TIME, 1)
    assert (units["qldt"].state, units["qldt"].days) == (State.ON_TIME, 0)
    assert (units["qhxd"].state, units["qhxd"].days) == (State.LATE, 1)
    assert (units["tnmt"].state, units["tnmt"].errors) == (State.INVALID, 1)
    assert (units["qlld"].state, units["qlld"].days) == (State.OVERDUE, 2)
    assert view.submitted == 4 and len(view.units) == 8
    assert view.count(State.OVERDUE) == 4
    assert view.days_left == -2
    assert failing(view)
    assert [u.unit.id for u in view.units] == ["vp", "qldt", "qhxd", "dngsdt", "qlld", "tnmt", "vpdd", "ttdvvl"]


def test_not_yet_due_counts_down_to_zero(repo):
    before = _quarter(repo, date(2025, 3, 1))
    assert {(u.state, u.days) for u in before.units} == {(State.NOT_DUE, 9)}
    on_the_day = _quarter(repo, date(2025, 3, 10))
    assert {(u.state, u.days) for u in on_the_day.units} == {(State.NOT_DUE, 0)}
    assert not failing(on_the_day)
    after = _quarter(repo, date(2025, 3, 11))
    assert {(u.state, u.days) for u in after.units} == {(State.OVERDUE, 1)}


def test_first_and_last_day_of_a_quarter(repo):
    first = _quarter(repo, date(2025, 4, 1), quarter=Quarter(2025, 2))
    assert {(u.state, u.days) for u in first.units} == {(State.NOT_DUE, 69)}  # due 9/6/2025
    last = _quarter(repo, date(2025, 6, 30), quarter=Quarter(2025, 2))
    assert {(u.state, u.days) for u in last.units} == {(State.OVERDUE, 21)}


def test_an_extension_makes_a_late_note_on_time(repo):
    repo.note("qldt", "2025Q1", "2025-03-14")
    calendar = Calendar(extensions=(Extension(Q1, "qldt", date(2025, 3, 17), "Chờ số liệu"),))
    units = _by_unit(_quarter(repo, date(2025, 3, 15), calendar))
    assert (units["qldt"].state, units["qldt"].days) == (State.ON_TIME, 3)
    assert units["qldt"].due.extension is not None
    assert (units["vp"].state, units["vp"].days) == (State.OVERDUE, 5)  # no extension: due 10/3


def test_task_standings_and_tally(repo):
    repo.note("vp", "2025Q1", "2025-03-08", {"1.1": ("hoan-thanh", 100), "1.2": ("dang-thuc-hien", 40)})
    repo.note("tnmt", "2025Q1", "2025-03-08", {"6.1": ("chua-thuc-hien", None)})
    repo.note("qldt", "2025Q1", "2025-03-08", broken=True)  # invalid: its tasks are not counted
    view = _quarter(repo, date(2025, 3, 12))
    standings = {line.task.id: line.standing for line in view.tasks}
    assert standings["1.1"] is Standing.COMPLETED_NO_DEADLINE  # the shipped letter sets no deadline
    assert standings["1.2"] is Standing.IN_PROGRESS_NO_DEADLINE
    assert standings["6.1"] is Standing.NOT_STARTED_NO_DEADLINE
    assert standings["2.1"] is Standing.NOT_REPORTED
    assert view.tally.total == 14
    assert view.tally.counts[Standing.NOT_REPORTED] == 11
    counts = _by_unit(view)["vp"].counts
    assert counts == {Status.COMPLETED: 1, Status.IN_PROGRESS: 1}
    assert view.tally.sentence().startswith(
        "Tổng số 14 nhiệm vụ: 3 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 1, đang thực hiện 1, "
        "chưa thực hiện 1;"
    )


def test_unit_history_and_a_stalled_task(repo):
    for quarter, submitted in (("2024Q4", "2024-12-05"), ("2025Q1", "2025-03-05"), ("2025Q2", "2025-06-05")):
        repo.note(
            "qldt",
            quarter,
            submitted,
            {"2.2": ("dang-thuc-hien", 30), "2.4": ("dang-thuc-hien", 10 * int(submitted[6]))},
        )
    inputs = gather(repo.root, date(2025, 7, 2), None, "qldt", dates=NO_GIT)
    assert inputs.directive is not None and inputs.calendar is not None
    unit = inputs.directive.unit("qldt")
    quarters = history_quarters(date(2025, 7, 2), inputs.quarters)
    assert quarters == [Quarter(2024, 4), Quarter(2025, 1), Quarter(2025, 2), Quarter(2025, 3)]
    view = unit_history(
        inputs.directive, inputs.calendar, unit, quarters, inputs.notes, inputs.submissions, date(2025, 7, 2)
    )
    tasks = {t.task.id: t for t in view.tasks}
    assert tasks["2.2"].stalled and tasks["2.2"].still == 3
    assert not tasks["2.4"].stalled  # progress moved each quarter
    assert not tasks["2.1"].stalled  # recurring
    assert [s.state for s in view.notes] == [State.ON_TIME, State.ON_TIME, State.ON_TIME, State.NOT_DUE]
    assert tasks["2.2"].reports[3] is None
    assert not failing(view)


def test_history_starts_with_the_repositorys_first_note(repo):
    repo.note("vp", "2024Q3", "2024-09-05")  # another unit's note: the repository was in use then
    inputs = gather(repo.root, date(2025, 3, 1), None, "qldt", dates=NO_GIT)
    assert list(inputs.notes) == [] and inputs.quarters == {Quarter(2024, 3)}
    assert history_quarters(date(2025, 3, 1), inputs.quarters) == [Quarter(2024, 3), Quarter(2024, 4), Quarter(2025, 1)]
    assert history_quarters(date(2025, 3, 1), []) == [Quarter(2025, 1)]
    assert history_quarters(date(2025, 3, 1), [], Quarter(2024, 4)) == [Quarter(2024, 4)]


def test_year_matrix(repo):
    repo.note("vp", "2025Q1", "2025-03-08")
    repo.note("vp", "2025Q2", "2025-06-12")
    inputs = gather(repo.root, date(2025, 7, 1), [Quarter(2025, n) for n in range(1, 5)], dates=NO_GIT)
    year = Period(PeriodKind.YEAR, 2025)
    view = period_record(inputs.directive, inputs.calendar, year, inputs.notes, inputs.submissions, date(2025, 7, 1))
    rows = {unit.id: row for unit, row in view.rows}
    assert [s.state for s in rows["vp"]] == [State.ON_TIME, State.LATE, State.NOT_DUE, State.NOT_DUE]
    assert [s.state for s in rows["qldt"]] == [State.OVERDUE, State.OVERDUE, State.NOT_DUE, State.NOT_DUE]
    assert rows["vp"][1].days == 3
    assert failing(view)


def test_gather_reads_only_the_quarters_asked_and_ignores_strays(repo):
    repo.note("vp", "2025Q1", "2025-03-08")
    repo.note("vp", "2025Q2", "2025-06-08")
    (repo.root / "data" / "units" / "vp" / "2025Q5.md").write_text("x", encoding="utf-8")
    inputs = gather(repo.root, date(2025, 7, 1), [Q1], dates=NO_GIT)
    assert list(inputs.notes) == [("vp", Q1)]


def test_gather_stops_on_a_broken_directive_or_calendar(repo):
    repo.calendar("schema_version: 1\ndays_off:\n  - {from: 2025-05-04, to: 2025-05-01, name: x}\n")
    inputs = gather(repo.root, date(2025, 3, 12), [Q1], dates=NO_GIT)
    assert inputs.calendar is None and [f.code for f in inputs.findings] == ["NQ701"]
    (repo.root / "data" / "directive.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    inputs = gather(repo.root, date(2025, 3, 12), [Q1], dates=NO_GIT)
    assert inputs.directive is None and inputs.findings


def test_calendar_without_the_year_gives_a_notice(repo):
    view = _quarter(repo, date(2026, 3, 12), quarter=Quarter(2026, 1))
    assert [n.code for n in view.notices] == ["NQ706"]
    repo.calendar()
    view = _quarter(repo, date(2025, 3, 12))
    assert [n.code for n in view.notices] == []


def test_git_dates_decide_lateness(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-07")
    repo.commit("nộp", "2025-03-12")
    inputs = gather(repo.root, date(2025, 3, 20), [Q1])
    view = quarter_status(inputs.directive, inputs.calendar, Q1, inputs.notes, inputs.submissions, date(2025, 3, 20))
    qldt = _by_unit(view)["qldt"]
    assert (qldt.state, qldt.days) == (State.LATE, 2)
    assert [n.code for n in view.notices] == ["NQ723", "NQ706"]
    # as of 11/3 the note had not landed yet: overdue by 1 day
    early = quarter_status(
        inputs.directive,
        inputs.calendar,
        Q1,
        inputs.notes,
        gather(repo.root, date(2025, 3, 11), [Q1]).submissions,
        date(2025, 3, 11),
    )
    assert (_by_unit(early)["qldt"].state, _by_unit(early)["qldt"].days) == (State.OVERDUE, 1)


def test_the_task_view_splits_only_tasks_with_a_deadline(repo):
    directive = repo.root / "data" / "directive.yaml"
    text = directive.read_text(encoding="utf-8")
    for task, deadline in (("1.1", "2025-02-28"), ("1.2", "2025-03-31")):
        text = text.replace(f'  - id: "{task}"\n', f'  - id: "{task}"\n    deadline: {deadline}\n')
    directive.write_text(text, encoding="utf-8")
    repo.note("vp", "2025Q1", "2025-03-08", {"1.1": ("hoan-thanh", 100), "1.2": ("dang-thuc-hien", 40)})
    repo.note("tnmt", "2025Q1", "2025-03-08", {"6.1": ("dang-thuc-hien", 30)})
    view = _quarter(repo, date(2025, 3, 12))
    standings = {line.task.id: line.standing for line in view.tasks}
    assert standings["1.1"] is Standing.COMPLETED_LATE  # submitted 8/3, after its deadline 28/2
    assert standings["1.2"] is Standing.IN_PROGRESS
    assert standings["6.1"] is Standing.IN_PROGRESS_NO_DEADLINE
    assert view.tally.sentence() == (
        "Tổng số 14 nhiệm vụ: 2 nhiệm vụ có thời hạn, trong đó đã hoàn thành 1 (đúng hạn 0, quá hạn 1), "
        "chưa hoàn thành 1 (trong hạn 1, quá hạn 0); 1 nhiệm vụ không quy định thời hạn, trong đó đã hoàn thành 0, "
        "đang thực hiện 1, chưa thực hiện 0; 11 nhiệm vụ chưa có báo cáo (số liệu tính đến ngày 12/3/2025)."
    )
