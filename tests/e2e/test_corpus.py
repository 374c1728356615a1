"""Every corpus case runs before migration and, migrated, does the same (tests/e2e/README.md)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from harness import (
    NO_CHANGE,
    Case,
    PhaseResult,
    StandIns,
    check_marked_failure,
    copy_project,
    migrate,
    project_diff,
    run_phase,
)

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.parent for p in CORPUS.glob("*/case.toml"))

pytestmark = pytest.mark.e2e


def fail(case: Case, *parts: str) -> NoReturn:
    header = f"case {case.name} ({case.style}), expect = {case.expect!r}"
    # pytrace=False: the report is the useful part, not this module's assert lines.
    pytest.fail("\n\n".join([header, *parts]), pytrace=False)


def trace_diff(original: PhaseResult, migrated: PhaseResult) -> str:
    lines = difflib.unified_diff(
        original.trace, migrated.trace, "HeyGen phase", "LiveAvatar phase", lineterm=""
    )
    return "trace difference:\n" + "\n".join(lines)


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_case(
    case_dir: Path, standins: StandIns, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    case = Case.load(case_dir)
    if case.known_failure:
        request.applymarker(pytest.mark.xfail(reason=case.known_failure, strict=True))
    original_copy = copy_project(case, tmp_path / "original" / "project")
    original = run_phase(standins, case, original_copy, "heygen")
    if not original.ok or original.problems or not original.trace:
        fail(case, "the ORIGINAL program or its driver is wrong", original.describe())

    migrated_copy = copy_project(case, tmp_path / "migrated" / "project")
    migration = migrate(migrated_copy)
    diff = project_diff(original_copy, migrated_copy)
    if migration.returncode not in (0, 1):
        fail(
            case,
            f"heygen2liveavatar migrate exited {migration.returncode}",
            migration.stdout[-4000:],
            migration.stderr[-4000:],
            diff,
        )
    # A second run changes nothing (the contract): migrate a copy of the migrated project again.
    again = tmp_path / "again" / "project"
    shutil.copytree(migrated_copy, again)
    migrate(again)
    rerun = project_diff(migrated_copy, again)
    if rerun != NO_CHANGE:
        fail(case, "a second migration changed the migrated project", rerun)
    migrated = run_phase(standins, case, migrated_copy, "liveavatar")
    everything = [
        "migration diff:\n" + diff,
        "migrate output:\n" + migration.stdout[-3000:],
        original.describe(),
        migrated.describe(),
    ]

    if case.expect == "marked-failure":
        if migrated.ok and migrated.problems:
            # The program ran, but LiveAvatar refused or ignored something (a FULL avatar
            # without a context stays silent): each such problem must be one a marker names.
            unmarked = unmarked_problems(migrated.problems, migrated_copy)
            if unmarked:
                fail(case, "problems no TODO marker names:\n" + "\n".join(unmarked), *everything)
            return
        why = check_marked_failure(migrated, migrated_copy)
        if why is not None:
            fail(case, why, *everything)
        return
    if not migrated.ok:
        fail(case, f"the MIGRATED program failed: {migrated.exception}", *everything)
    if migrated.problems:
        problems = "\n".join(f"  {p}" for p in migrated.problems)
        fail(
            case, f"the LiveAvatar stand-in rejected the migrated program:\n{problems}", *everything
        )
    if migrated.trace != original.trace:
        fail(case, trace_diff(original, migrated), *everything)


# A stand-in problem and the words a marker that announces it must contain.
PROBLEM_MARKERS = {"no context": "context"}


def unmarked_problems(problems: list[str], project: Path) -> list[str]:
    markers = [
        line
        for path in project.rglob("*")
        if path.suffix in (".py", ".ipynb")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if "TODO(heygen2liveavatar)" in line
    ]
    unmarked = []
    for problem in problems:
        words = [word for key, word in PROBLEM_MARKERS.items() if key in problem]
        if not words or not any(w in marker for w in words for marker in markers):
            unmarked.append(problem)
    return unmarked
