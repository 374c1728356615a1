"""Golden fixtures that are complete session flows run, migrated, like corpus cases.

A fixture's ``input.py`` is the project of the original phase (copied as ``app.py``); the CLI
migrates a copy as it migrates any project, the migrated ``app.py`` must equal the fixture's
``expected.py`` (the golden and the running program are the same code), and the fixture's
``drive.py`` drives both phases through the HeyGen-era interface (tests/e2e/README.md).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness import Case, StandIns
from harness.verdict import CaseFailure, run_case

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXCLUDED_FILE = Path(__file__).parent / "fixture_flows_excluded.toml"
MODULE = "app.py"  # the name input.py gets in the copied project (what drivers import)

pytestmark = pytest.mark.e2e

# The rule of flow_candidates(), on the text of input.py: a HeyGen streaming flow that
# creates a session, starts it, and does something with it (speaks, interrupts, listens,
# keeps it alive, stops it, or hands its room credentials out).
_CREATES = re.compile(r"""streaming\.new\b|["']new["']""")
_STARTS = re.compile(r"""streaming\.start\b(?!_)|["']start["']""")
_USES = re.compile(
    r"""streaming\.(task|stop|keep_alive|interrupt|start_listening)\b"""
    r"""|["'](task|stop|keep_alive|interrupt)["']|access_token|realtime_endpoint"""
)


def flow_candidates() -> list[Path]:
    """Fixture directories whose input.py is a complete session flow (see the rule above).

    ``negative/`` fixtures are excluded by definition: their input has no HeyGen streaming use.
    """
    found = []
    for source in sorted(FIXTURES.glob("*/*/input.py")):
        if source.parts[-3] == "negative":
            continue
        text = source.read_text(encoding="utf-8")
        if (
            "streaming" in text
            and _CREATES.search(text)
            and _STARTS.search(text)
            and _USES.search(text)
        ):
            found.append(source.parent)
    return found


def excluded() -> dict[str, str]:
    """``"<RULE>/<name>" = "one-line reason"`` from fixture_flows_excluded.toml."""
    table = tomllib.loads(EXCLUDED_FILE.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in table.get("excluded", {}).items()}


def _key(directory: Path) -> str:
    return f"{directory.parent.name}/{directory.name}"


@dataclass
class FixtureFlow(Case):
    """A corpus-like case whose project is a single staged copy of the fixture's input.py."""

    staged: Path = Path()

    @property
    def project(self) -> Path:
        return self.staged

    @classmethod
    def load_flow(cls, directory: Path, staged: Path) -> FixtureFlow:
        meta = tomllib.loads((directory / "flow.toml").read_text(encoding="utf-8"))
        expect = str(meta.get("expect", "runs"))
        if expect not in ("runs", "marked-failure"):
            raise ValueError(f"{_key(directory)}: expect must be 'runs' or 'marked-failure'")
        env = {
            phase: {k: str(v) for k, v in values.items()}
            for phase, values in meta.get("env", {}).items()
        }
        return cls(
            _key(directory),
            directory,
            str(meta.get("style", "golden fixture flow")),
            expect,
            env,
            str(meta.get("known_failure", "")),
            staged=staged,
        )


DRIVEN = [d for d in flow_candidates() if (d / "drive.py").exists()]


def test_every_candidate_is_driven_or_excluded() -> None:
    reasons = excluded()
    for key, reason in reasons.items():
        assert reason.strip(), f"{key}: an exclusion needs a one-line reason"
    candidates = {_key(d): d for d in flow_candidates()}
    uncovered = [
        key
        for key, d in candidates.items()
        if key not in reasons and not ((d / "drive.py").exists() and (d / "flow.toml").exists())
    ]
    assert not uncovered, (
        f"candidates with neither drive.py + flow.toml nor an exclusion: {uncovered}"
    )
    both = [key for key, d in candidates.items() if key in reasons and (d / "drive.py").exists()]
    assert not both, f"driven and excluded at once: {both}"
    stale = sorted(set(reasons) - set(candidates))
    assert not stale, f"exclusions that are not flow candidates (any more): {stale}"


@pytest.mark.parametrize("directory", DRIVEN, ids=[_key(d) for d in DRIVEN])
def test_fixture_flow(
    directory: Path, standins: StandIns, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / MODULE).write_bytes((directory / "input.py").read_bytes())
    case = FixtureFlow.load_flow(directory, staged)
    if case.known_failure:
        request.applymarker(pytest.mark.xfail(reason=case.known_failure, strict=True))
    try:
        migrated = run_case(case, standins, tmp_path / "run")
    except CaseFailure as failure:
        pytest.fail(str(failure), pytrace=False)
    golden = (directory / "expected.py").read_text(encoding="utf-8")
    assert (migrated / MODULE).read_text(encoding="utf-8") == golden, (
        f"{case.name}: the project migration of input.py differs from expected.py"
    )
