"""Which expressions a rewrite may write twice (analysis.single_evaluation)."""

from __future__ import annotations

import libcst as cst
import pytest

from heygen2liveavatar.analysis.single_evaluation import safe_to_repeat


@pytest.mark.parametrize(
    "source",
    ["session_id", "self.session_id", 'state["session"]', 'data["data"]["session_id"]', "ids[-1]"],
)
def test_reads_repeat(source: str) -> None:
    assert safe_to_repeat(cst.parse_expression(source))


@pytest.mark.parametrize(
    "source",
    [
        'state.pop("session")',
        "next(ids)",
        "await get_id()",
        "sessions[user]",
        'make()["session_id"]',
        "(sid := new_id())",
    ],
)
def test_side_effects_or_computed_keys_do_not(source: str) -> None:
    assert not safe_to_repeat(cst.parse_expression(source))
