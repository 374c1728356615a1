"""Statement edits around a request that became an event: a removed line, a status check
that keeps only its success branch, a ``with ... as resp:`` block flattened."""

from __future__ import annotations

from typing import Callable

import libcst as cst

from ..analysis.response_checks import is_display
from ..analysis.response_parsing import ends_flow
from ..analysis.response_uses import is_pass, statements_of
from .base import RuleContext


def remove_statement(ctx: RuleContext, statement: cst.CSTNode | None) -> bool:
    if statement is None or ctx.is_suppressed(statement):
        return False
    assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    ctx.edits.remove(statement)
    return True


def drop_status_check(ctx: RuleContext, statement: cst.If, failure: bool) -> bool:
    """``emit`` raised if sending failed: keep only the branch for success."""
    if ctx.is_suppressed(statement) or isinstance(statement.orelse, cst.If):
        return False
    kept: cst.BaseSuite | None
    if failure:
        kept = statement.orelse.body if isinstance(statement.orelse, cst.Else) else None
    else:
        kept = statement.body
    if kept is None:
        return remove_statement(ctx, statement)
    original = statement

    def branch(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.If)
        suite = updated.body if not failure else updated.orelse.body  # type: ignore[union-attr]
        statements = statements_of(suite)
        first = statements[0]
        if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            statements[0] = first.with_changes(
                leading_lines=[*original.leading_lines, *first.leading_lines]
            )
        return cst.FlattenSentinel(statements)  # type: ignore[return-value]

    if not ctx.transform(statement, branch):
        return False
    if statements_of(kept) and ends_flow(statements_of(kept)[-1]):
        # ``if resp.ok: ...; return True`` then the failure path: it can no longer run.
        _remove_unreachable_after(ctx, statement)
    return True


def _remove_unreachable_after(ctx: RuleContext, statement: cst.If) -> None:
    context = ctx.index.context_of(statement)
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if statement not in body:
        return
    for later in body[body.index(statement) + 1 :]:
        if isinstance(later, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            remove_statement(ctx, later)


def flatten_with(ctx: RuleContext, statement: cst.With, name: str | None) -> None:
    """``with <event call> as resp: body`` -> the call (bound to ``name`` if given), then the
    body (a ``pass`` left by removed lines goes)."""
    original = statement

    def flatten(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.With)
        value: cst.BaseExpression = updated.items[0].item
        if updated.asynchronous is not None:
            value = cst.Await(value)
        small: cst.BaseSmallStatement = (
            cst.Assign([cst.AssignTarget(cst.Name(name))], value)
            if name is not None
            else cst.Expr(value)
        )
        first = cst.SimpleStatementLine([small], leading_lines=original.leading_lines)
        rest = [s for s in statements_of(updated.body) if not is_pass(s)]
        return cst.FlattenSentinel([first, *rest])  # type: ignore[return-value]

    ctx.transform(statement, flatten)


def read_replaced_after_call(
    ctx: RuleContext,
    read: cst.CSTNode,
    call_of: Callable[[cst.CSTNode], cst.CSTNode],
    replacement: cst.BaseExpression,
) -> bool:
    """``return emit(...).get("duration_ms")`` -> ``emit(...)`` on a line of its own, then
    ``return None``: the read of the event's result gives way to ``replacement``, and the call
    it was made on (``call_of(updated read)``) still runs, first. False: ``read`` is not in a
    one-statement line, where that order is the code's own."""
    statement = ctx.statement_of(read)
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    if ctx.is_suppressed(statement):
        return False
    calls: list[cst.CSTNode] = []

    def keep_call(updated: cst.CSTNode) -> cst.CSTNode:
        calls.append(call_of(updated))
        return replacement.deep_clone()

    def call_first(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.SimpleStatementLine)
        if not calls or not isinstance(calls[0], cst.BaseExpression):
            return updated
        first = cst.SimpleStatementLine([cst.Expr(calls[0])], leading_lines=updated.leading_lines)
        rest = updated.with_changes(leading_lines=[])
        return cst.FlattenSentinel([first, rest])  # type: ignore[return-value]

    return ctx.transform(read, keep_call) and ctx.transform(statement, call_first)


__all__ = ["drop_status_check", "flatten_with", "read_replaced_after_call", "remove_statement"]


RESPONSE_DETAILS = frozenset(
    {"status_code", "status", "reason", "ok", "text", "content", "headers"}
)
"""What a debug line shows of an HTTP response object (no LiveAvatar event has them)."""


def drop_response_display(ctx: RuleContext, read: cst.Name, emit: str) -> bool:
    """``print("TASK ->", resp.status_code, resp.text)`` (or ``log.debug``) after a request that
    became an event: the line only showed HeyGen's response, which is no more (``emit`` raised
    on failure), so it goes. False: ``read`` is not shown that way."""
    parent = ctx.index.parent_of(read)
    if not (isinstance(parent, cst.Attribute) and parent.attr.value in RESPONSE_DETAILS):
        return False
    statement = ctx.statement_of(read)
    if statement is None or not is_display(statement):
        return False
    if id(statement) in ctx.edits.removed:
        return True  # another read of the same line removed it already
    if not remove_statement(ctx, statement):
        return False
    ctx.fixed(
        statement,
        f"this debug line showed HeyGen's task response, which is no more: `{emit}` returns an "
        "event id and raises `LiveAvatarError` on failure",
    )
    return True


def status_as_success(ctx: RuleContext, read: cst.Name, emit: str) -> bool:
    """``return resp.status`` / ``code = resp.status_code`` after a request that became an event:
    ``emit`` raised on failure, so the status the code goes on with is HeyGen's success, 200.
    False: ``read`` is not a status read."""
    parent = ctx.index.parent_of(read)
    if not (isinstance(parent, cst.Attribute) and parent.attr.value in ("status_code", "status")):
        return False
    if not ctx.replace(parent, cst.Integer("200")):
        return False
    ctx.fixed(
        parent,
        f"`{emit}` raises `LiveAvatarError` on failure: the status the code goes on with is "
        "HeyGen's success, 200",
    )
    return True
