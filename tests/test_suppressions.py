"""One reading of the suppression comment for the rules and the inventory (``analysis/suppressions.py``)."""

from __future__ import annotations

import libcst as cst
import pytest

from heygen2liveavatar.analysis.suppressions import ALL_CODES, suppression
from heygen2liveavatar.engine.inventory import suppressed_lines
from heygen2liveavatar.rules.base import suppressed_codes


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# heygen2liveavatar: ignore", ALL_CODES),
        ("#heygen2liveavatar:ignore", ALL_CODES),
        ("# heygen2liveavatar: ignore[H2L201, h2l202]", frozenset({"H2L201", "H2L202"})),
        ("// heygen2liveavatar: ignore[H2L912]", frozenset({"H2L912"})),
        ("# heygen2liveavatar: ignore[]", frozenset()),
        ("# noqa", None),
        ("# heygen2liveavatar is great", None),
    ],
)
def test_the_directive_and_its_codes(comment: str, expected: frozenset[str] | None) -> None:
    assert suppression(comment) == expected


def test_rules_and_inventory_read_the_same_comment() -> None:
    source = "x = 1\n# heygen2liveavatar:ignore[h2l401]\nrequests.post(URL)\n"
    statement = cst.parse_module(source).body[1]
    assert isinstance(statement, cst.SimpleStatementLine)
    assert suppressed_codes(statement) == frozenset({"H2L401"})
    # The inventory: the comment's own line and the line below it.
    assert suppressed_lines(source) == {2: frozenset({"H2L401"}), 3: frozenset({"H2L401"})}
    assert suppressed_lines("a\n# heygen2liveavatar: ignore\nb\n") == {2: None, 3: None}
