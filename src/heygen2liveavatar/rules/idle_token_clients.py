"""Close nothing that is no longer opened: the client a retired create_token fetch used goes.

``self._token_client = httpx.Client()`` read only by the fetch H2L101 removed is deleted, with
the lines that only closed it;
``with httpx.Client() as client:`` around it gives way to its body (the placeholder holders).
See :mod:`..analysis.idle_clients` for when a client counts as idle.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.dead_code import names_in
from ..analysis.http import RequestSite
from ..analysis.idle_clients import idle_attribute_clients, idle_with_client
from .base import RuleContext


def remove_idle_clients(ctx: RuleContext, retired: list[RequestSite]) -> None:
    """Delete the clients only the ``retired`` requests used (call after removing them)."""
    removed = ctx.edits.removed
    classes = {id(c): c for r in retired if (c := r.call.context.class_def) is not None}
    for class_def in classes.values():
        for line, closes in idle_attribute_clients(ctx.index, class_def, removed):
            if not _removable(ctx, line) or not all(_closable(ctx, close) for close in closes):
                continue
            ctx.edits.remove(line)
            ctx.prune_if_unused(names_in(line))
            ctx.fixed(line, "deletes the client only the removed create_token call used")
            for close in closes:
                ctx.edits.remove(close)
                ctx.fixed(
                    close,
                    "deletes the closing of the client only the removed create_token call used",
                )
    for request in retired:
        statement = request.call.context.statement
        block = ctx.index.parent_of(statement) if statement is not None else None
        owner = ctx.index.parent_of(block) if block is not None else None
        if type(owner) is cst.With and idle_with_client(ctx.index, owner, removed):
            if ctx.edits.markers.get(id(owner)) or not ctx.transform(owner, _body_in_place):
                continue
            ctx.prune_if_unused(names_in(owner.items[0]))
            ctx.fixed(owner, "opens no client: only the removed create_token call used it")


def _removable(ctx: RuleContext, line: cst.SimpleStatementLine) -> bool:
    """Not suppressed, not marked, and not the last statement of its method."""
    if ctx.is_suppressed(line) or ctx.edits.markers.get(id(line)):
        return False
    block = ctx.index.parent_of(line)
    body = getattr(block, "body", ())
    return any(id(other) not in ctx.edits.removed for other in body if other is not line)


def _closable(ctx: RuleContext, line: cst.SimpleStatementLine) -> bool:
    """Not suppressed and not marked (an emptied ``close()`` keeps a ``pass``)."""
    return not ctx.is_suppressed(line) and not ctx.edits.markers.get(id(line))


def _body_in_place(updated: cst.CSTNode) -> cst.CSTNode:
    """The ``with`` block's statements where the block was (its comments above the first)."""
    assert isinstance(updated, cst.With) and isinstance(updated.body, cst.IndentedBlock)
    body = [s for s in updated.body.body if not _only_pass(s)]
    if not body:
        # Only the removed fetch was inside (its place holder ``pass`` is left): nothing stays.
        return cst.FlattenSentinel([])  # type: ignore[return-value]
    first = body[0]
    assert isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    body[0] = first.with_changes(leading_lines=[*updated.leading_lines, *first.leading_lines])
    return cst.FlattenSentinel(body)  # type: ignore[return-value]


def _only_pass(statement: cst.BaseStatement) -> bool:
    return type(statement) is cst.SimpleStatementLine and all(
        type(small) is cst.Pass for small in statement.body
    )


__all__ = ["remove_idle_clients"]
