"""What the code around an inline create_token fetch does with its response.

``res = post(create_token)``, then ``res.raise_for_status()``, ``json_ = res.json()`` and
``self.token = json_["data"]["token"]``: the checks (and the names the JSON is kept under)
only serve the fetch, the holders keep the token. ``rules/token_getter_retire.py`` removes the
first and sets the second to a placeholder; this module only reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from .index import Statement, string_value, walk_nodes
from .response_checks import is_check, until_reassigned
from .session_flow import mentions


def reads_token(value: cst.BaseExpression) -> bool:
    """The value reads a ``"token"`` key somewhere (``json_["data"]["token"]``, ``.get("token")``)."""
    return any(string_value(n) == "token" for n in walk_nodes(value) if type(n) is cst.SimpleString)


def reads_token_directly(statement: Statement) -> bool:
    """``x = <request>.json()["data"]["token"]`` (the value ends in a ``"token"`` key)."""
    assert isinstance(statement, cst.SimpleStatementLine)
    assign = statement.body[0]
    assert isinstance(assign, cst.Assign)
    value = assign.value
    return isinstance(value, cst.Subscript) and any(
        isinstance(e.slice, cst.Index) and string_value(e.slice.value) == "token"
        for e in value.slice
    )


def fetch_uses(
    later: Sequence[Statement], name: str
) -> tuple[list[Statement], list[cst.SimpleStatementLine]] | None:
    """The statements after the fetch (``later``) that check its response ``name`` (or the
    JSON kept under another name), and those that hold the token; ``None`` when one uses the
    response otherwise."""
    checks: list[Statement] = []
    holders: list[cst.SimpleStatementLine] = []
    names = {name}  # the response, and names its parsed JSON is kept under (``json_ = res.json()``)
    for line in until_reassigned(list(later), name):
        seen = [n for n in names if mentions(line, n)]
        if not seen:
            continue
        if any(is_check(line, n) for n in seen):
            checks.append(line)
        elif (
            isinstance(line, cst.SimpleStatementLine)
            and len(line.body) == 1
            and isinstance(line.body[0], cst.Assign)
            and len(line.body[0].targets) == 1
            and not any(mentions(line.body[0].targets[0], n) for n in seen)
        ):
            target = line.body[0].targets[0].target
            if not reads_token(line.body[0].value) and isinstance(target, cst.Name):
                checks.append(line)  # the JSON under another name: followed, and removed
                names.add(target.value)
                continue
            holders.append(line)
        else:
            return None
    return checks, holders


__all__ = ["fetch_uses", "reads_token", "reads_token_directly"]
