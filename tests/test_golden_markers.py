"""Every manual finding is visible in the file: the report's manual findings equal the
``TODO(heygen2liveavatar)`` markers a migration adds (no report-only finding, no marker the
report does not list), over every golden fixture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from heygen2liveavatar import migrate_source

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.parent for p in FIXTURES.glob("*/*/input.py"))
_MARKER = re.compile(r"#\s*TODO\(heygen2liveavatar\):\s*(H2L\d{3})\s+(.*?)\s*$")


def _markers(source: str) -> list[tuple[str, str]]:
    found = []
    for line in source.splitlines():
        match = _MARKER.search(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_manual_findings_are_the_markers_added(case: Path) -> None:
    source = (case / "input.py").read_text(encoding="utf-8")
    result = migrate_source(source, filename=f"{case.name}/input.py")
    before = _markers(source)
    added = _markers(result.code)
    for marker in before:
        added.remove(marker)
    manual = {(f.rule, f.message) for f in result.findings if f.kind == "manual"}
    assert manual == set(added), (
        "report-only findings: "
        f"{sorted(manual - set(added))}; markers not reported: {sorted(set(added) - manual)}"
    )
