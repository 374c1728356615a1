"""Shared pytest options: ``--update-goldens`` and the golden-suite coverage summary."""

from __future__ import annotations

import pytest
from golden_outcomes import GOLDEN_OUTCOMES
from hypothesis import HealthCheck, settings

# Hypothesis profiles. ``ci`` (the default) bounds every property suite so that the whole
# CI stays within budget, and is derandomized so that a landing is decided by the code, not by
# the seed; ``pytest --hypothesis-profile=long`` explores far more examples with fresh seeds
# (what it finds becomes an ``@example`` or a golden fixture).
# Registered here because the hypothesis plugin loads ``--hypothesis-profile`` at configure
# time, before conftests below ``tests/`` are imported.
_PROFILE = {
    "deadline": None,
    "print_blob": True,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
}
settings.register_profile("ci", max_examples=60, derandomize=True, **_PROFILE)
settings.register_profile("long", max_examples=2000, **_PROFILE)
settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite expected.py / expected-findings.json from the current output (review the diff!).",
    )


@pytest.fixture(autouse=True)
def _private_session_store(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Helper modules run by tests keep their session files in a temporary directory."""
    monkeypatch.setenv("LIVEAVATAR_SESSION_DIR", str(tmp_path_factory.mktemp("sessions")))


@pytest.fixture(autouse=True)
def facts_cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """The project-facts cache of every run in a test (and of the programs it starts) lives
    in a temporary directory, never in the real ``~/.cache``."""
    directory = tmp_path_factory.mktemp("facts-cache")
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(directory))
    monkeypatch.setenv("XDG_CACHE_HOME", str(directory / "xdg"))
    return directory


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not GOLDEN_OUTCOMES:
        return
    write = terminalreporter.write_line
    terminalreporter.section("golden fixtures per rule")
    write(f"{'rule/area':<34} {'validated':>9} {'noisy':>6} {'missing':>8}")
    totals = {"validated": 0, "noisy": 0, "missing": 0}
    for area in sorted(GOLDEN_OUTCOMES):
        counts = GOLDEN_OUTCOMES[area]
        for key in totals:
            totals[key] += counts[key]
        write(f"{area:<34} {counts['validated']:>9} {counts['noisy']:>6} {counts['missing']:>8}")
    write(f"{'total':<34} {totals['validated']:>9} {totals['noisy']:>6} {totals['missing']:>8}")
