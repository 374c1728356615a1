"""Every corpus case runs before migration and, migrated, does the same (tests/e2e/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import Case, StandIns
from harness.verdict import CaseFailure, run_case

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.parent for p in CORPUS.glob("*/case.toml"))

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_case(
    case_dir: Path, standins: StandIns, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    case = Case.load(case_dir)
    if case.known_failure:
        request.applymarker(pytest.mark.xfail(reason=case.known_failure, strict=True))
    try:
        run_case(case, standins, tmp_path)
    except CaseFailure as failure:
        # pytrace=False: the report is the useful part, not this module's assert lines.
        pytest.fail(str(failure), pytrace=False)
