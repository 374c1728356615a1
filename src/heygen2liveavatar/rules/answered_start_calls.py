"""Calls of a start function that now only answers what HeyGen's start answered.

``def start_session(sid): return requests.post(".../streaming.start", ...)`` becomes ``return
liveavatar_bridge.heygen_http_response()`` (the session is started with its token): its
callers elsewhere keep a value to check. A caller in this module that only checks it,
``resp = start_session(sid)`` then ``if resp.status_code != 200: raise ...``, checks an
answer that cannot fail: the call and its checks go, as a person migrating by hand would
remove them (``rules/session_start_retire.py`` does the same for the start call itself).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.index import walk_nodes
from .base import RuleContext
from .session_start_retire import check_statements


def retire_checked_calls(ctx: RuleContext, function: cst.FunctionDef) -> None:
    """Remove this module's ``x = function(...)`` lines whose value is only checked, with
    their checks."""
    owner = ctx.index.context_of(function)
    class_def = owner.class_def if owner is not None else None
    name = function.name.value
    for site in ctx.index.calls:
        if site.context.function is function:
            continue
        if class_def is None and site.name != name:
            continue
        if class_def is not None and (
            site.name != f"self.{name}" or site.context.class_def is not class_def
        ):
            continue
        statement = site.context.statement
        if (
            not isinstance(statement, cst.SimpleStatementLine)
            or len(statement.body) != 1
            or ctx.is_suppressed(statement)
        ):
            continue
        small = statement.body[0]
        if type(small) is not cst.Assign or len(small.targets) != 1:
            continue
        value = small.value.expression if type(small.value) is cst.Await else small.value
        target = small.targets[0].target
        if value is not site.node or type(target) is not cst.Name:
            continue
        checks = check_statements(ctx, statement, target.value)
        if not checks:
            continue  # read beyond checks, or not read at all: the call stays
        for line in (statement, *checks):
            ctx.edits.remove(line)
        ctx.prune_if_unused(
            {
                n.value
                for line in (statement, *checks)
                for n in walk_nodes(line)
                if isinstance(n, cst.Name)
            }
        )
        ctx.fixed(
            site.node,
            f"removes this check of `{name}`'s answer: the session is started with its token "
            "now, and the answer is HeyGen's to a start that succeeded",
        )


__all__ = ["retire_checked_calls"]
