"""The golden fixture suite: every ``tests/fixtures/<area>/<case>/`` is one test.

Each case has ``input.py`` and ``expected.py`` (and optionally ``expected-findings.json``).
Besides matching, every expected output must parse, be pyflakes-clean, and migrate to
itself; outcomes are tallied per rule as validated, noisy (changed what should stay) or
missing (left what should change).
"""

from __future__ import annotations

import ast
import difflib
import json
from pathlib import Path

import pytest
from golden_outcomes import GOLDEN_OUTCOMES
from pyflakes.api import check as pyflakes_check
from pyflakes.reporter import Reporter

from heygen2liveavatar import migrate_source

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.parent for p in FIXTURES.glob("*/*/input.py"))


def _case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def pyflakes_messages(source: str, filename: str) -> list[str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    pyflakes_check(source, filename, Reporter(out, err))
    return [line for line in (out.getvalue() + err.getvalue()).splitlines() if line.strip()]


def classify(source: str, expected: str, actual: str) -> tuple[bool, bool]:
    """(noisy, missing): lines actual changed that expected kept, and the reverse."""

    def changed_lines(new: str) -> set[int]:
        lines: set[int] = set()
        matcher = difflib.SequenceMatcher(
            None, source.splitlines(), new.splitlines(), autojunk=False
        )
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal":
                lines.update(range(i1, max(i2, i1 + 1)))
        return lines

    expected_changes = changed_lines(expected)
    actual_changes = changed_lines(actual)
    noisy = bool(actual_changes - expected_changes)
    missing = bool(expected_changes - actual_changes)
    if not noisy and not missing and actual != expected:
        noisy = missing = True  # same lines touched, different result
    return noisy, missing


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_golden_case(case: Path, update_goldens: bool) -> None:
    source = (case / "input.py").read_text(encoding="utf-8")
    expected_path = case / "expected.py"
    findings_path = case / "expected-findings.json"
    result = migrate_source(source, filename=f"{case.name}/input.py")
    findings = [f.to_json() for f in result.findings]
    area = case.parent.name
    if update_goldens:
        expected_path.write_text(result.code, encoding="utf-8")
        if findings_path.exists() or findings:
            findings_path.write_text(json.dumps(findings, indent=2) + "\n", encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if result.code == expected:
        GOLDEN_OUTCOMES[area]["validated"] += 1
    else:
        noisy, missing = classify(source, expected, result.code)
        GOLDEN_OUTCOMES[area]["noisy"] += int(noisy)
        GOLDEN_OUTCOMES[area]["missing"] += int(missing)
    assert result.code == expected, "migrated output differs from expected.py"
    if findings_path.exists():
        assert findings == json.loads(findings_path.read_text(encoding="utf-8"))

    # The expected output itself: parses, no pyflakes complaints, and is a fixed point.
    ast.parse(expected)
    assert pyflakes_messages(expected, "expected.py") == []
    again = migrate_source(expected, filename=f"{case.name}/expected.py")
    assert again.code == expected, "a second run changed the output"
    assert not [f for f in again.findings if f.kind == "fix"], "a second run still finds fixes"


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 20


def test_negative_cases_are_byte_identical() -> None:
    negatives = [c for c in CASES if c.parent.name == "negative"]
    assert negatives, "tests/fixtures/negative/ holds cases that must not change"
    for case in negatives:
        source = (case / "input.py").read_bytes()
        assert (case / "expected.py").read_bytes() == source, case
