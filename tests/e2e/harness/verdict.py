"""The verdict on one case: both phases, the migration, and the failure report.

Shared by test_corpus.py (corpus cases) and test_fixture_flows.py (golden fixtures that are
complete flows). ``run_case`` returns the migrated copy when the case keeps its promise
(``expect``) and raises ``CaseFailure`` carrying the whole report otherwise.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from .runner import (
    NO_CHANGE,
    Case,
    PhaseResult,
    check_marked_failure,
    copy_project,
    migrate,
    project_diff,
    run_phase,
)
from .server import StandIns

# A stand-in problem and the words a marker that announces it must contain.
PROBLEM_MARKERS = {
    "no context": "context",
    # A start call the tool leaves in place after the bridge started the session.
    "POST /v1/sessions/start": "second start call",
}


class CaseFailure(Exception):
    """The case did not keep its promise; ``str()`` is the report (why first, then evidence)."""

    def __init__(self, case: Case, *parts: str) -> None:
        header = f"case {case.name} ({case.style}), expect = {case.expect!r}"
        super().__init__("\n\n".join([header, *parts]))


def in_liveavatar_order(trace: list[str]) -> list[str]:
    """A HeyGen trace in the order LiveAvatar can follow: a viewer joining a session's room
    between ``streaming.new`` and ``streaming.start`` joins right after the start, since
    LiveAvatar hands out the room only from POST /v1/sessions/start."""
    lines = list(trace)
    moved = True
    while moved:
        moved = False
        for index, line in enumerate(lines):
            words = line.split(" ")
            start = f"session.start {words[-1]}"
            if words[0] == "viewer.join" and len(words) == 2 and start in lines[index + 1 :]:
                del lines[index]
                lines.insert(lines.index(start, index) + 1, line)
                moved = True
                break
    return lines


def trace_diff(original: PhaseResult, migrated: PhaseResult) -> str:
    lines = difflib.unified_diff(
        in_liveavatar_order(original.trace),
        migrated.trace,
        "HeyGen phase",
        "LiveAvatar phase",
        lineterm="",
    )
    return "trace difference:\n" + "\n".join(lines)


def run_case(case: Case, standins: StandIns, work: Path) -> Path:
    """Run ``case`` in ``work`` (an empty directory); return the migrated project copy."""
    original_copy = copy_project(case, work / "original" / "project")
    original = run_phase(standins, case, original_copy, "heygen")
    if not original.ok or original.problems or not original.trace:
        raise CaseFailure(case, "the ORIGINAL program or its driver is wrong", original.describe())

    migrated_copy = copy_project(case, work / "migrated" / "project")
    migration = migrate(migrated_copy, standins)
    diff = project_diff(original_copy, migrated_copy)
    if migration.returncode not in (0, 1):
        raise CaseFailure(
            case,
            f"heygen2liveavatar migrate exited {migration.returncode}",
            migration.stdout[-4000:],
            migration.stderr[-4000:],
            diff,
        )
    # A second run changes nothing (the contract): migrate a copy of the migrated project again.
    again = work / "again" / "project"
    shutil.copytree(migrated_copy, again)
    migrate(again, standins)
    rerun = project_diff(migrated_copy, again)
    if rerun != NO_CHANGE:
        raise CaseFailure(case, "a second migration changed the migrated project", rerun)
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
                raise CaseFailure(
                    case, "problems no TODO marker names:\n" + "\n".join(unmarked), *everything
                )
            return migrated_copy
        why = check_marked_failure(migrated, migrated_copy)
        if why is not None:
            raise CaseFailure(case, why, *everything)
        return migrated_copy
    if not migrated.ok:
        raise CaseFailure(case, f"the MIGRATED program failed: {migrated.exception}", *everything)
    if migrated.problems:
        problems = "\n".join(f"  {p}" for p in migrated.problems)
        raise CaseFailure(
            case, f"the LiveAvatar stand-in rejected the migrated program:\n{problems}", *everything
        )
    if migrated.trace != in_liveavatar_order(original.trace):
        raise CaseFailure(case, trace_diff(original, migrated), *everything)
    return migrated_copy


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
