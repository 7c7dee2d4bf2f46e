"""Measure nq43 against the general tools a team would use instead, and check the performance targets.

    python bench/run.py [--runs 5] [--only startup,validate,report,history,growth] [--no-large]

Run it with the Python of the environment where nq43 is installed with its bench extra
(`pip install -e ".[bench]"`): the `nq43` command beside that Python is measured, and that same Python
runs the `import yaml, rich` baseline. Synthetic repositories are generated once under bench/out/data/
(bench/generate.py; regenerated when the generator changes), front matter is extracted for check-jsonschema
under bench/out/frontmatter/, and the figures go to bench/out/results.json as well as to the terminal.

Every figure is the median of --runs runs (at least 5) of a whole process, each a fresh child; its peak
memory is the child's maximum resident set size from wait4(2). The two sides of a comparison run
alternately (A, B, A, B, ...) so that a slow moment of the machine hits both. A command that does not exist
yet in this nq43 (`nq43 status`, `nq43 report` while they are being built) is skipped with a line that says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
DATA = OUT / "data"
FRONT = OUT / "frontmatter"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/ is not a package)

# name: (units, quarters, invalid fraction). Validation sets cover ten years (40 quarters); report sets a
# year (4 quarters: the report's quarter and the ones before it, for the indicators' comparison).
DATASETS = {
    "notes-2k": (50, 40, 0.0),
    "notes-4k": (100, 40, 0.0),
    "notes-20k": (500, 40, 0.0),
    "notes-2k-invalid": (50, 40, 0.1),
    "units-8": (8, 4, 0.0),
    "units-60": (60, 4, 0.0),
    "units-300": (300, 4, 0.0),
    "units-600": (600, 4, 0.0),
    # ten years of notes from 300 units, committed to git one quarter at a time: status over a long history
    "history-300": (300, 40, 0.0),
}
HISTORY = ("history-300",)
SEED = 43
LAST = generate.Q(2025, 1)


# --------------------------------------------------------------------------------------------- running


@dataclass
class Sample:
    seconds: float  # wall clock
    cpu: float  # user + system time of the command and its children
    peak_kb: int
    code: int


@dataclass
class Measure:
    name: str
    command: list[str]
    runs: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(s.peak_kb for s in self.runs) / 1024

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "command": " ".join(self.command),
            "median_s": round(self.seconds, 4),
            "min_s": round(min(s.seconds for s in self.runs), 4),
            "max_s": round(max(s.seconds for s in self.runs), 4),
            "median_cpu_s": round(self.cpu, 4),
            "peak_rss_mb": round(self.peak_mb, 1),
            "runs": [asdict(s) for s in self.runs],
            "note": self.note,
        }


class CommandFailed(Exception):
    pass


TIME = Path("/usr/bin/time")


def run_once(command: list[str], cwd: Path | None, expect: int, env: dict[str, str]) -> Sample:
    """One fresh child. Wall time: from start to reaping. Peak RSS: the child's maximum resident set.

    The peak is read by GNU time (`%M`), which starts the command from its own small process: a child forked
    from this Python would carry this process's resident size into its maximum, since Linux keeps the
    high-water mark across exec. Without /usr/bin/time, wait4's figure is used and is that much too high.
    """
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        argv = [str(TIME), "-f", "%M", "-o", str(peak_file), *command] if TIME.exists() else command
        with open(Path(scratch) / "err", "w+b") as err:
            start = time.perf_counter()
            child = subprocess.Popen(
                argv,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env=env,
                start_new_session=True,
            )
            try:
                _, status, usage = os.wait4(child.pid, 0)
            except BaseException:  # interrupted: leave no measured command running behind
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                raise
            elapsed = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != expect:
                err.seek(0)
                tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
                raise CommandFailed(
                    f"`{' '.join(command)}` exited {child.returncode} (expected {expect}): {' / '.join(tail)}"
                )
        peak = int(peak_file.read_text().split()[-1]) if TIME.exists() else int(usage.ru_maxrss)
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(round(elapsed, 4), round(cpu, 4), peak, child.returncode)


@dataclass
class Case:
    name: str
    command: list[str]
    cwd: Path | None = None
    expect: int = 0
    note: str = ""
    env: dict[str, str] = field(default_factory=dict)  # set for this case only


def measure(cases: list[Case], runs: int, warmup: bool = True) -> list[Measure]:
    """Run the cases alternately, `runs` times each (after one unrecorded warm-up run when asked)."""
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100", PYTHONDONTWRITEBYTECODE="")
    env.pop("NQ43_ROOT", None)
    results = [Measure(c.name, c.command, note=c.note) for c in cases]
    if warmup:
        for case in cases:
            run_once(case.command, case.cwd, case.expect, {**env, **case.env})
    for _ in range(runs):
        for case, result in zip(cases, results, strict=True):
            result.runs.append(run_once(case.command, case.cwd, case.expect, {**env, **case.env}))
    # start-up figures are a tenth of a second and the machine's noise is of that order: take more of them
    if max(r.seconds for r in results) < 1.0:
        for _ in range(2 * runs):
            for case, result in zip(cases, results, strict=True):
                result.runs.append(run_once(case.command, case.cwd, case.expect, {**env, **case.env}))
    for result in results:
        print(
            f"  {result.name:<46} {result.seconds:8.3f} s  {result.cpu:8.3f} s cpu  {result.peak_mb:7.1f} MB",
            flush=True,
        )
    return results


# --------------------------------------------------------------------------------------------- data


def generator_stamp() -> str:
    """The generator and the shipped directive whose frame it copies: data made from others is made again."""
    digest = hashlib.sha256((HERE / "generate.py").read_bytes())
    digest.update(generate.SHIPPED_DIRECTIVE.read_bytes())
    return digest.hexdigest()[:16]


def dataset(name: str) -> tuple[Path, dict]:
    """The generated repository `name` (made now if missing or made by another version of the generator)."""
    units, quarters, invalid = DATASETS[name]
    folder = DATA / name
    stamp = folder / ".stamp"
    wanted = f"{generator_stamp()} {units} {quarters} {invalid} {SEED} {LAST}"
    if not stamp.is_file() or stamp.read_text() != wanted:
        print(
            f"  generating {name}: {units} units x {quarters} quarters"
            + (f", {invalid:.0%} invalid" if invalid else ""),
            flush=True,
        )
        generate.generate(folder, units, quarters, invalid, SEED, LAST)
        if name in HISTORY:
            commit_quarter_by_quarter(folder, generate.quarters_ending(LAST, quarters))
        stamp.write_text(wanted)
    return folder, json.loads((folder / "bench-manifest.json").read_text(encoding="utf-8"))


def commit_quarter_by_quarter(folder: Path, quarters: list[generate.Q]) -> None:
    """Make the generated repository a git repository whose main branch brings each quarter's notes in one
    commit, dated the last day of the quarter: the history `nq43 status` reads submission dates from."""

    def git(*args: str, day: str | None = None) -> None:
        env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid")
        env.update(GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
        if day:
            env.update(GIT_AUTHOR_DATE=f"{day}T10:00:00+07:00", GIT_COMMITTER_DATE=f"{day}T10:00:00+07:00")
        subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "data/directive.yaml", "data/units/*/unit.yaml", "bench-manifest.json")
    git("commit", "-q", "-m", "directive and units", day=str(quarters[0].first_day))
    for quarter in quarters:
        git("add", f"data/units/*/{quarter}.md")
        git("commit", "-q", "-m", f"notes of {quarter}", day=str(quarter.last_day))


def front_matter_files(name: str, root: Path) -> Path:
    """Each note's front matter as a plain .yaml file (the input check-jsonschema takes), in one folder."""
    folder = FRONT / name
    stamp = folder / ".stamp"
    wanted = (root / ".stamp").read_text()
    if stamp.is_file() and stamp.read_text() == wanted:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for note in sorted((root / "data" / "units").glob("*/*.md")):
        lines = note.read_text(encoding="utf-8").split("\n")
        if lines[0] != "---":
            continue  # a broken note without front matter has nothing to check
        end = lines.index("---", 1)
        (folder / f"{note.parent.name}__{note.stem}.yaml").write_text("\n".join(lines[1:end]) + "\n", encoding="utf-8")
    stamp.write_text(wanted)
    return folder


# --------------------------------------------------------------------------------------------- tools


def nq43_command() -> list[str]:
    beside = Path(sys.executable).parent / "nq43"
    found = str(beside) if beside.exists() else shutil.which("nq43")
    if not found:
        sys.exit("nq43 is not installed beside this Python; run: pip install -e '.[bench]'")
    return [found]


def has_command(nq43: list[str], name: str) -> bool:
    done = subprocess.run([*nq43, name, "--help"], capture_output=True, text=True, check=False)
    return done.returncode == 0


def pandoc_binary() -> str | None:
    try:
        import pypandoc
    except ImportError:
        return None
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        return None


def check_jsonschema_command() -> list[str] | None:
    beside = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    return [found] if found else None


def version_of(command: list[str], flag: str = "--version") -> str:
    try:
        done = subprocess.run([*command, flag], capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else "?"


def machine() -> dict[str, object]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": ram,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


# --------------------------------------------------------------------------------------------- the suites


class Bench:
    def __init__(self, runs: int, large: bool) -> None:
        self.runs = runs
        self.large = large
        self.nq43 = nq43_command()
        self.python = sys.executable
        self.measures: dict[str, Measure] = {}
        self.skipped: list[str] = []
        self.checks: list[str] = []
        self.has_status = has_command(self.nq43, "status")
        self.has_report = has_command(self.nq43, "report")

    def skip(self, text: str) -> None:
        self.skipped.append(text)
        print(f"  SKIP {text}", flush=True)

    def keep(self, results: list[Measure]) -> None:
        for result in results:
            self.measures[result.name] = result

    def startup(self) -> None:
        print("start-up (shipped data)", flush=True)
        today = ["--today", "2025-03-31"]
        cases = [
            Case("python -c pass", [self.python, "-c", "pass"], note="the interpreter alone, for reference"),
            Case("python -c 'import yaml, rich'", [self.python, "-c", "import yaml, rich"]),
            Case("nq43 --help", [*self.nq43, "--help"], cwd=REPO),
        ]
        if self.has_status:
            status = [*self.nq43, "status", *today]
            cases.append(Case("nq43 status", status, cwd=REPO, note="reads and checks everything, every call"))
        else:
            self.skip("nq43 status: this nq43 has no `status` command yet")
        self.keep(measure(cases, self.runs))

    def validate_cases(self, name: str) -> list[Case]:
        root, manifest = dataset(name)
        schema_file = OUT / "note.schema.json"
        schema_file.write_text(
            subprocess.run([*self.nq43, "schema", "note"], capture_output=True, text=True, check=True).stdout,
            encoding="utf-8",
        )
        notes = manifest["notes"]
        cases = [
            Case(
                f"nq43 validate ({notes:,} notes)",
                [*self.nq43, "validate", "--root", str(root), "--today", manifest["today"]],
                expect=1 if manifest["broken"] else 0,
            )
        ]
        checker = check_jsonschema_command()
        if checker is None:
            self.skip(f"check-jsonschema ({notes:,} notes): not installed (pip install -e '.[bench]')")
            return cases
        folder = front_matter_files(name, root)
        files = sorted(p.name for p in folder.glob("*.yaml"))
        cases.append(
            Case(
                f"check-jsonschema ({len(files):,} front matters)",
                [*checker, "--schemafile", str(schema_file), *files],
                cwd=folder,
                expect=1 if manifest["broken"] else 0,
            )
        )
        return cases

    def validate(self) -> None:
        print("validate vs check-jsonschema", flush=True)
        self.check_generated()
        for name in ("notes-2k", "notes-20k") if self.large else ("notes-2k",):
            self.keep(measure(self.validate_cases(name), self.runs, warmup=name == "notes-2k"))
        if not self.large:
            self.skip("validate on 20,000 notes: --no-large")

    def check_generated(self) -> None:
        """The benchmark's own data is right: valid sets pass, each broken note gives its code."""
        for name in ("notes-2k", "notes-2k-invalid"):
            root, manifest = dataset(name)
            done = subprocess.run(
                [*self.nq43, "validate", "--root", str(root), "--today", manifest["today"], "--format", "json"],
                capture_output=True,
                text=True,
                check=False,
            )
            found: dict[str, set[str]] = {}
            for item in json.loads(done.stdout)["findings"]:
                found.setdefault(item["path"], set()).add(item["code"])
            expected = {b["path"]: b["code"] for b in manifest["broken"]}
            wrong = [p for p, code in expected.items() if code not in found.get(p, set())]
            extra = [p for p in found if p not in expected]
            ok = done.returncode == (1 if expected else 0) and not wrong and not extra
            line = (
                f"{name}: exit {done.returncode}, {len(expected)} broken notes, "
                f"{len(expected) - len(wrong)} reported with their code, {len(extra)} unexpected files with findings"
            )
            self.checks.append(("ok   " if ok else "FAIL ") + line)
            print(f"  {'ok' if ok else 'FAIL'} {line}", flush=True)

    def report_cases(self, name: str, out: Path) -> tuple[list[Case], Path | None]:
        root, manifest = dataset(name)
        units = DATASETS[name][0]
        target = out / name
        command = [
            *self.nq43,
            "report",
            "--root",
            str(root),
            "--today",
            manifest["today"],
            "--quarter",
            manifest["last_quarter"],
            "--out",
            str(target),
        ]
        # one run first: it makes the Markdown that pandoc converts, and shows a failure clearly
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            self.skip(f"nq43 report ({units} units): `{' '.join(command)}` exited {done.returncode}: {tail}")
            return [], None
        cases = [Case(f"nq43 report ({units} units)", command)]
        markdown = sorted(target.rglob("*.md"))
        pandoc = pandoc_binary()
        if not markdown:
            self.skip(f"pandoc ({units} units): nq43 report wrote no Markdown under {target}")
        elif pandoc is None:
            self.skip(f"pandoc ({units} units): pypandoc-binary is not installed (pip install -e '.[bench]')")
        else:
            cases.append(
                Case(
                    f"pandoc md->docx ({units} units)",
                    [pandoc, str(markdown[0]), "-f", "markdown", "-t", "docx", "-o", str(out / f"{name}-pandoc.docx")],
                )
            )
        return cases, markdown[0] if markdown else None

    def report(self) -> None:
        print("report vs pandoc", flush=True)
        if not self.has_report:
            self.skip("nq43 report (8, 60, 300 units) and pandoc: this nq43 has no `report` command yet")
            return
        out = OUT / "reports"
        for name in ("units-8", "units-60", "units-300"):
            cases, _ = self.report_cases(name, out)
            if cases:
                self.keep(measure(cases, self.runs))

    def history(self) -> None:
        """Status over ten years of notes from 300 units, with submission dates read from git history."""
        print("status over a long history", flush=True)
        if not self.has_status:
            self.skip("status over a long history: no `status` command yet")
            return
        root, manifest = dataset("history-300")
        common = ["--root", str(root), "--today", manifest["today"]]
        unit = sorted(p.name for p in (root / "data" / "units").iterdir() if p.is_dir())[0]
        cases = [
            Case(
                "nq43 status (300 units, 40 quarters)",
                [*self.nq43, "status", *common, "--quarter", manifest["last_quarter"]],
            ),
            Case("nq43 status --unit (40 quarters)", [*self.nq43, "status", *common, "--unit", unit]),
        ]
        self.keep(measure(cases, self.runs))

    def growth(self) -> None:
        """Each command at N and 2N, the two sizes run alternately (named "growth: ..." to stand apart)."""
        print("growth: N and 2N", flush=True)
        cases = []
        for name in ("notes-2k", "notes-4k"):
            root, manifest = dataset(name)
            cases.append(
                Case(
                    f"growth: nq43 validate ({manifest['notes']:,} notes)",
                    [*self.nq43, "validate", "--root", str(root), "--today", manifest["today"]],
                )
            )
        if self.has_status:
            for name in ("units-300", "units-600"):
                root, manifest = dataset(name)
                command = [
                    *self.nq43,
                    "status",
                    "--root",
                    str(root),
                    "--today",
                    manifest["today"],
                    "--quarter",
                    manifest["last_quarter"],
                ]
                units = DATASETS[name][0]
                cases.append(Case(f"growth: nq43 status ({units} units)", command))
        else:
            self.skip("growth of nq43 status: no `status` command yet")
        if self.has_report:
            for name in ("units-300", "units-600"):
                report_cases, _ = self.report_cases(name, OUT / "reports")
                if report_cases:
                    cases.append(Case(f"growth: {report_cases[0].name}", report_cases[0].command))
        else:
            self.skip("growth of nq43 report: no `report` command yet")
        self.keep(measure(cases, self.runs, warmup=False))

    # ----------------------------------------------------------------------------------------- targets

    def ratio(self, a: str, b: str, cpu: bool = False) -> float | None:
        if a in self.measures and b in self.measures:
            first, second = self.measures[a], self.measures[b]
            return first.cpu / second.cpu if cpu else first.seconds / second.seconds
        return None

    def targets(self) -> list[dict[str, object]]:
        base = "python -c 'import yaml, rich'"
        rows: list[tuple[str, str, str, float]] = [
            ("nq43 status <= 3 x import yaml, rich", "nq43 status", base, 3.0),
            (
                "validate (2,000 notes) <= 1/4 x check-jsonschema",
                "nq43 validate (2,000 notes)",
                "check-jsonschema (2,000 front matters)",
                0.25,
            ),
            (
                "validate (20,000 notes) <= 1/4 x check-jsonschema",
                "nq43 validate (20,000 notes)",
                "check-jsonschema (20,000 front matters)",
                0.25,
            ),
            ("report (300 units) <= 1/3 x pandoc", "nq43 report (300 units)", "pandoc md->docx (300 units)", 1 / 3),
            (
                "validate 4,000 / 2,000 notes <= 2.2",
                "growth: nq43 validate (4,000 notes)",
                "growth: nq43 validate (2,000 notes)",
                2.2,
            ),
            (
                "status 600 / 300 units <= 2.2",
                "growth: nq43 status (600 units)",
                "growth: nq43 status (300 units)",
                2.2,
            ),
            (
                "report 600 / 300 units <= 2.2",
                "growth: nq43 report (600 units)",
                "growth: nq43 report (300 units)",
                2.2,
            ),
        ]
        out = []
        for label, a, b, limit in rows:
            value = self.ratio(a, b)
            cpu = self.ratio(a, b, cpu=True)
            verdict = "SKIP" if value is None else "PASS" if value <= limit else "MISS"
            out.append(
                {
                    "target": label,
                    "ratio": None if value is None else round(value, 3),
                    "cpu_ratio": None if cpu is None else round(cpu, 3),
                    "limit": round(limit, 3),
                    "verdict": verdict,
                }
            )
        ceilings = [
            ("validate (2,000 notes) peak memory < 150 MB", "nq43 validate (2,000 notes)", "peak_mb", 150.0),
            ("validate (20,000 notes) peak memory < 150 MB", "nq43 validate (20,000 notes)", "peak_mb", 150.0),
            ("report (300 units) peak memory < 200 MB", "nq43 report (300 units)", "peak_mb", 200.0),
            (
                "status, 300 units x 40 quarters of history < 2 s",
                "nq43 status (300 units, 40 quarters)",
                "seconds",
                2.0,
            ),
            ("status --unit, 40 quarters of history < 2 s", "nq43 status --unit (40 quarters)", "seconds", 2.0),
        ]
        for label, name, figure, limit in ceilings:
            measured = self.measures.get(name)
            value = None if measured is None else float(getattr(measured, figure))
            out.append(
                {
                    "target": label,
                    "ratio": None if value is None else round(value, 3),
                    "cpu_ratio": None,
                    "limit": limit,
                    "verdict": "SKIP" if value is None else "PASS" if value < limit else "MISS",
                }
            )
        return out


def print_table(bench: Bench, targets: list[dict[str, object]]) -> None:
    print()
    print(f"{'measurement':<48} {'median s':>9} {'min s':>8} {'max s':>8} {'cpu s':>8} {'peak MB':>8}")
    print("-" * 94)
    for m in bench.measures.values():
        print(
            f"{m.name:<48} {m.seconds:9.3f} {min(s.seconds for s in m.runs):8.3f} "
            f"{max(s.seconds for s in m.runs):8.3f} {m.cpu:8.3f} {m.peak_mb:8.1f}"
        )
    print()
    for t in targets:
        ratio = "-" if t["ratio"] is None else f"{t['ratio']:.3g}"
        cpu = "" if t.get("cpu_ratio") is None else f"  cpu {t['cpu_ratio']:.3g}"
        print(f"{t['verdict']:<5} {t['target']:<52} measured {ratio:>7}  (limit {t['limit']:.3g}){cpu}")
    for line in bench.skipped:
        print(f"SKIP  {line}")
    for line in bench.checks:
        print(f"data  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement, median taken (at least 5)")
    parser.add_argument(
        "--only",
        default="startup,validate,report,history,growth",
        help="comma-separated suites: startup, validate, report, history, growth",
    )
    parser.add_argument("--no-large", action="store_true", help="leave out validate on 20,000 notes (the slowest)")
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error("--runs must be at least 5: a median of fewer runs says little")
    suites = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(suites) - {"startup", "validate", "report", "history", "growth"}
    if unknown:
        parser.error(f"unknown suite(s): {', '.join(sorted(unknown))}")
    OUT.mkdir(exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `kill` ends the measured command too
    bench = Bench(args.runs, large=not args.no_large)
    info = machine()
    print(
        f"machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']}, Python {info['python']}; "
        f"commit {info['commit']}"
    )
    try:
        for suite in suites:
            getattr(bench, suite)()
    except CommandFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    targets = bench.targets()
    print_table(bench, targets)
    checker = check_jsonschema_command()
    pandoc = pandoc_binary()
    results = {
        "machine": info,
        "tools": {
            "nq43": version_of(bench.nq43, "version"),
            "check-jsonschema": version_of(checker) if checker else None,
            "pandoc": version_of([pandoc]) if pandoc else None,
        },
        "runs": args.runs,
        "datasets": {
            name: {"units": u, "quarters": q, "invalid": i, "tasks_per_unit": generate.TASKS_PER_UNIT}
            for name, (u, q, i) in DATASETS.items()
        },
        "measurements": [m.as_dict() for m in bench.measures.values()],
        "targets": targets,
        "skipped": bench.skipped,
        "data_checks": bench.checks,
    }
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {(OUT / 'results.json').relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
