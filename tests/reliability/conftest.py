"""Reliability suites (issue 7): markers and the end-of-session tally.

``slow`` tests (the 20k-file soak, long kill rounds) are skipped unless selected with
``-m slow``; every default test has a smaller variant that runs in CI. Hypothesis
profiles (``ci`` by default, ``long`` on demand) are registered in ``tests/conftest.py``.
"""

from __future__ import annotations

import pytest
from reliability_support import TALLY


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: long reliability runs (20k-file soak...); run with `-m slow`"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    markexpr = config.getoption("-m", default="") or ""
    if "slow" in markexpr:
        return
    skip = pytest.mark.skip(reason="slow reliability run: select with `-m slow`")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    write = terminalreporter.write_line
    terminalreporter.section("reliability: what the suites exercised")
    for suite in sorted(TALLY):
        counts = ", ".join(f"{key} {value}" for key, value in sorted(TALLY[suite].items()))
        write(f"{suite:<28} {counts}")
