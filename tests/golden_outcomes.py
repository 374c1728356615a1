"""Per-area tallies of the golden suite, filled by test_fixtures.py and printed by conftest.py."""

from __future__ import annotations

from collections import defaultdict

GOLDEN_OUTCOMES: dict[str, dict[str, int]] = defaultdict(
    lambda: {"validated": 0, "noisy": 0, "missing": 0}
)
