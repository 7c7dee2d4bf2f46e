from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest

from nq43.cli.app import main
from nq43.load.dates import NO_GIT, DateSource, GitDates, git_dates, parse_log, submission
from nq43.load.notes import read_note

QLDT = "data/units/qldt/2025Q1.md"
VP = "data/units/vp/2025Q1.md"
SPECS = [":(glob)data/units/*/2025Q1.md"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")


def _note(repo, path):
    return read_note(repo.root / path, path).note


def _codes(sub):
    return [f.code for f in sub.notices]


def test_parse_log_keeps_the_first_add_and_marks_the_graft():
    log = (
        "\x01aaa 2025-03-01\n\nA\tdata/units/vp/2025Q1.md\n"
        "\x01bbb 2025-03-05\n\nA\tdata/units/qldt/2025Q1.md\nA\tdata/units/vp/2025Q1.md\n"
        "\x01ccc not-a-date\n\nA\tdata/units/tnmt/2025Q1.md\n"
    )
    landed, beyond, changed = parse_log(log, grafts=["aaa"])
    assert landed == {VP: date(2025, 3, 1), QLDT: date(2025, 3, 5)}
    assert beyond == {VP}
    assert changed == {VP: (date(2025, 3, 5),)}  # added again later: a change, the first day stays


def test_outside_git_the_submitted_date_counts_silently(repo):
    repo.note("qldt", "2025Q1", "2025-03-08")
    assert git_dates(repo.root, SPECS) is NO_GIT
    sub = submission(QLDT, _note(repo, QLDT), NO_GIT, date(2025, 3, 12))
    assert (sub.day, sub.source, sub.notices) == (date(2025, 3, 8), DateSource.SUBMITTED, ())


def test_the_commit_date_counts_in_git(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("Phòng QLĐT nộp ghi chú quý I", "2025-03-08")
    dates = git_dates(repo.root, SPECS)
    assert dates.in_git and not dates.shallow
    assert dict(dates.landed) == {QLDT: date(2025, 3, 8)}
    sub = submission(QLDT, _note(repo, QLDT), dates, date(2025, 3, 12))
    assert (sub.day, sub.source, sub.disagree, sub.notices) == (date(2025, 3, 8), DateSource.GIT, False, ())


def test_a_day_apart_is_not_a_disagreement(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("nộp", "2025-03-09")
    sub = submission(QLDT, _note(repo, QLDT), git_dates(repo.root, SPECS), date(2025, 3, 12))
    assert sub.day == date(2025, 3, 9) and not sub.disagree and sub.notices == ()


def test_git_and_submitted_disagree_both_are_kept(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-05")
    repo.commit("nộp muộn", "2025-03-12")
    sub = submission(QLDT, _note(repo, QLDT), git_dates(repo.root, SPECS), date(2025, 3, 20))
    assert (sub.day, sub.landed, sub.declared, sub.disagree) == (
        date(2025, 3, 12),
        date(2025, 3, 12),
        date(2025, 3, 5),
        True,
    )
    assert _codes(sub) == ["NQ723"]
    assert sub.notices[0].message() == (
        'Ngày đưa vào git (12/3/2025) khác ngày "submitted" (5/3/2025) 7 ngày; tính theo ngày git.'
    )


def test_later_edits_and_a_re_add_keep_the_first_landing(repo):
    repo.init()
    path = repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("nộp", "2025-03-08")
    path.write_text(path.read_text(encoding="utf-8") + "\nSửa thêm.\n", encoding="utf-8")
    repo.commit("sửa", "2025-03-15")
    path.unlink()
    repo.commit("xoá nhầm", "2025-03-16")
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("nộp lại", "2025-03-17")
    assert git_dates(repo.root, SPECS).landed[QLDT] == date(2025, 3, 8)


def _unit_branch(repo, author_day="2025-09-05", committer_day="2025-09-05"):
    """A unit's late note on its own branch, with whatever dates the unit's git puts into its commits."""
    repo.init("2025-06-01")
    repo.git("checkout", "-q", "-b", "qldt-2025q3")
    repo.note("qldt", "2025Q1", "2025-03-07")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Phòng QLĐT nộp", day=committer_day)
    repo.git("commit", "-q", "--amend", "--no-edit", f"--date={author_day}T09:00:00+07:00", day=committer_day)
    repo.git("checkout", "-q", "main")


def _merge(repo, method, day="2025-09-15"):
    """The forge merges the branch as it does: a merge commit, a squash commit or rebased commits, each with
    the forge's committer date."""
    if method == "merge":
        repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "qldt-2025q3", day=day)
    elif method == "squash":
        repo.git("merge", "-q", "--squash", "qldt-2025q3", day=day)
        repo.git("commit", "-q", "-m", "Phòng QLĐT nộp (#1)", day=day)
    else:
        repo.git("rebase", "-q", "--force-rebase", "main", "qldt-2025q3", day=day)  # the forge's new commits
        repo.git("checkout", "-q", "main")
        repo.git("merge", "-q", "--ff-only", "qldt-2025q3", day=day)


@pytest.mark.parametrize("method", ["merge", "squash", "rebase"])
def test_merge_squash_and_rebase_give_the_day_the_note_reached_main(repo, method):
    _unit_branch(repo)
    _merge(repo, method)
    assert git_dates(repo.root, SPECS).landed[QLDT] == date(2025, 9, 15)


@pytest.mark.parametrize("method", ["merge", "squash", "rebase"])
@pytest.mark.parametrize(("author_day", "committer_day"), [("2025-09-01", "2025-09-14"), ("2025-09-01", "2025-09-01")])
def test_dates_the_unit_put_into_its_commits_do_not_count(repo, method, author_day, committer_day):
    """Backdated author date, and backdated committer date (GIT_COMMITTER_DATE on the branch): the forge's day."""
    _unit_branch(repo, author_day, committer_day)
    _merge(repo, method)
    dates = git_dates(repo.root, SPECS)
    assert dates.landed[QLDT] == date(2025, 9, 15)
    sub = submission(QLDT, _note(repo, QLDT), dates, date(2025, 9, 30))
    assert (sub.day, sub.source) == (date(2025, 9, 15), DateSource.GIT)


def test_a_later_change_keeps_the_first_day_and_is_listed_with_its_own(repo):
    _unit_branch(repo)
    _merge(repo, "squash")
    path = repo.root / QLDT
    path.write_text(path.read_text(encoding="utf-8") + "\nĐính chính số liệu.\n", encoding="utf-8")
    repo.commit("Đính chính (#2)", "2025-09-20")
    dates = git_dates(repo.root, SPECS)
    assert dates.landed[QLDT] == date(2025, 9, 15)
    assert dates.changed[QLDT] == (date(2025, 9, 20),)
    sub = submission(QLDT, _note(repo, QLDT), dates, date(2025, 9, 30))
    assert (sub.day, sub.changes) == (date(2025, 9, 15), (date(2025, 9, 20),))
    assert submission(QLDT, _note(repo, QLDT), dates, date(2025, 9, 18)).changes == ()  # not yet, on that day


def test_an_uncommitted_note_uses_submitted_with_a_notice(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-08")
    sub = submission(QLDT, _note(repo, QLDT), git_dates(repo.root, SPECS), date(2025, 3, 12))
    assert (sub.day, sub.source) == (date(2025, 3, 8), DateSource.SUBMITTED)
    assert _codes(sub) == ["NQ722"]


def test_a_repository_without_commits(repo):
    repo.git("init", "-q", "-b", "main")
    repo.note("qldt", "2025Q1", "2025-03-08")
    dates = git_dates(repo.root, SPECS)
    assert dates.in_git and dict(dates.landed) == {}
    assert _codes(submission(QLDT, _note(repo, QLDT), dates, date(2025, 3, 12))) == ["NQ722"]


def test_sample_notes_count_their_submitted_date(repo):
    repo.init()
    repo.note("vp", "2025Q1", "2025-03-03", sample=True)
    repo.commit("dữ liệu mẫu", "2026-11-01")
    sub = submission(VP, _note(repo, VP), git_dates(repo.root, SPECS), date(2025, 3, 12))
    assert (sub.day, sub.source, sub.landed) == (date(2025, 3, 3), DateSource.SUBMITTED, date(2026, 11, 1))
    assert _codes(sub) == ["NQ721"]
    assert "3/3/2025" in sub.notices[0].message() and "1/11/2026" in sub.notices[0].message()
    assert not sub.pending


def test_a_note_that_landed_after_the_day_in_view_is_pending(repo):
    repo.init()
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("nộp", "2025-03-08")
    sub = submission(QLDT, _note(repo, QLDT), git_dates(repo.root, SPECS), date(2025, 3, 5))
    assert sub.pending and _codes(sub) == ["NQ724"]


def test_shallow_clone_falls_back_beyond_the_graft(repo, tmp_path):
    repo.init()
    repo.note("vp", "2025Q1", "2025-03-03")
    repo.commit("VP nộp", "2025-03-03")
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.commit("QLĐT nộp", "2025-03-09")
    clone = tmp_path / "ban-sao"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    dates = git_dates(clone, SPECS)
    assert dates.shallow
    assert dates.beyond_graft == {VP, QLDT}  # the only commit is the graft: it "adds" everything
    sub = submission(VP, read_note(clone / VP, VP).note, dates, date(2025, 3, 12))
    assert (sub.day, sub.source, _codes(sub)) == (date(2025, 3, 3), DateSource.SUBMITTED, ["NQ720"])
    assert sub.landed is None

    deeper = tmp_path / "ban-sao-2"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(deeper)], check=True)
    dates = git_dates(deeper, SPECS)
    assert dates.landed[QLDT] == date(2025, 3, 9) and QLDT not in dates.beyond_graft
    assert VP in dates.beyond_graft


def test_data_in_a_subfolder_of_the_git_repository(repo, tmp_path):
    outer = repo.root.parent
    repo.git("init", "-q", "-b", "main", cwd=outer)
    repo.note("qldt", "2025Q1", "2025-03-08")
    repo.git("add", "-A", cwd=outer)
    repo.git("commit", "-q", "-m", "nộp", day="2025-03-08", cwd=outer)
    assert git_dates(repo.root, SPECS).landed == {QLDT: date(2025, 3, 8)}


def test_git_dates_are_plain_data():
    assert GitDates().landed == {} and not GitDates().in_git


def test_status_json_shows_the_first_day_and_the_later_changes(repo, capsys):
    _unit_branch(repo)
    _merge(repo, "merge")
    path = repo.root / QLDT
    path.write_text(path.read_text(encoding="utf-8") + "\nĐính chính số liệu.\n", encoding="utf-8")
    repo.commit("Đính chính (#2)", "2025-09-20")
    args = ["status", "--unit", "qldt", "--year", "2025", "--format", "json", "--today", "2025-09-30"]
    main([*args, "--root", str(repo.root)])
    (note,) = [n for n in json.loads(capsys.readouterr().out)["notes"] if n["quarter"] == "2025Q1"]
    assert (note["landed"], note["declared"], note["changes"]) == ("2025-09-15", "2025-03-07", ["2025-09-20"])
    assert note["dates_disagree"] is True
