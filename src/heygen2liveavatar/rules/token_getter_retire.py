"""Retire a function whose only job was fetching HeyGen's ``create_token`` token.

Five of 23 public clients fetch a token first (``token = create_token()``) and pass it to the
functions that open, start, speak to and stop the session, each sending it as ``Bearer``.
LiveAvatar has no token before the session: the token call (formerly ``streaming.new``)
authenticates with the API key and returns the session token itself. When the token reaches
those calls only as an argument (their headers are re-authenticated by H2L101), the getter
keeps its signature for its callers and returns a placeholder string (``RETIRED_TOKEN``); a
caller that uses the value for anything else (``len(token)``, ``if not token``) gets a marker
there. A placeholder rather than ``None``: callers keep the token per session
(``_TOKENS[session_id] = token``) and later tell a known session by it (``if token is None:
return "unknown session"``), which must still hold.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from ..analysis.dead_code import names_in
from ..analysis.http import RequestSite
from ..analysis.index import Statement, walk_nodes
from ..analysis.response_checks import assigned_name, in_formatted, is_display
from ..analysis.token_fetch import (
    client_block,
    fetch_client_block,
    fetch_uses,
    getter_result_holders,
    header_setting_getter,
    holds_token_directly,
    parsed_in_block,
    returned_token_read,
    returns_token_directly,
    token_getter_shape,
    token_setter_argument,
    token_value_uses,
    with_block_holders,
)
from .base import RuleContext

NO_TOKEN_COMMENT = (
    "# LiveAvatar has no token before the session: the token call (formerly streaming.new) "
    "sends the API key and returns the session token. This placeholder is sent nowhere."
)
NO_TOKEN_SHAPE_COMMENT = NO_TOKEN_COMMENT.replace(
    "This placeholder is sent nowhere.",
    "Callers get a placeholder in the shape they had; no LiveAvatar call sends it.",
)
RETIRED_TOKEN = "no-token-before-session"
"""What a retired token getter returns and its holders keep (truthy, not ``None``)."""


def _placeholder() -> cst.SimpleString:
    return cst.SimpleString(f'"{RETIRED_TOKEN}"')


def retire_token_getter(ctx: RuleContext, request: RequestSite) -> bool:
    """A function whose only job is the fetch (:func:`..analysis.token_fetch.token_getter_shape`)
    returns the placeholder, in the shape it returned the token."""
    function = request.call.context.function
    statement = request.call.context.statement
    if function is None or statement is None or ctx.is_suppressed(statement):
        return False
    shape = token_getter_shape(function, statement)
    if shape is None:
        return _retire_header_setting_getter(ctx, function, statement)
    name, rest, final = shape
    returned = _returned_placeholder(ctx, final, name)
    if returned is None:
        return False
    # ``with httpx.Client() as c:`` opened for the fetch only: the whole block goes.
    block = client_block(function)
    gone: list[Statement] = [block] if block is not None and statement is not block else rest
    for line in gone:
        ctx.edits.remove(line)
    ctx.insert_before(
        gone[0],
        [
            cst.SimpleStatementLine(
                body=[cst.Return(returned)],
                leading_lines=[
                    cst.EmptyLine(
                        comment=cst.Comment(
                            NO_TOKEN_COMMENT
                            if isinstance(returned, cst.SimpleString)
                            else NO_TOKEN_SHAPE_COMMENT
                        )
                    )
                ],
            )
        ],
    )
    _after_retiring(ctx, function.name.value, gone)
    return True


def _after_retiring(ctx: RuleContext, getter: str, removed: Iterable[cst.CSTNode]) -> None:
    """What only the removed lines used goes with them; the getter's callers may now keep
    what it returns for nothing (the calls that sent the token authenticate otherwise):
    ``token = await get_token(http)`` goes when ``token`` is unused."""
    ctx.prune_if_unused(
        {n.value for line in removed for n in walk_nodes(line) if isinstance(n, cst.Name)}
    )
    ctx.edits.pure_callees.add(getter)
    ctx.prune_if_unused({target for _f, target in getter_result_holders(ctx.index, getter)})
    _mark_value_uses(ctx, getter)


def _retire_header_setting_getter(
    ctx: RuleContext, function: cst.FunctionDef, statement: Statement
) -> bool:
    """A getter that also set the token as its client's default ``Authorization`` header
    (:func:`..analysis.token_fetch.header_setting_getter`): the fetch and what only served it
    go, the header lines stay for H2L101 to send the API key, and the return hands out the
    placeholder in the shape it returned the token."""
    getter = header_setting_getter(ctx.index, function, statement)
    if getter is None:
        return False
    returned = _returned_placeholder(ctx, getter.final, getter.name)
    if returned is None:
        return False
    for line in getter.removed:
        if line is not getter.final:
            ctx.edits.remove(line)
    comment = cst.EmptyLine(
        comment=cst.Comment(
            NO_TOKEN_COMMENT if isinstance(returned, cst.SimpleString) else NO_TOKEN_SHAPE_COMMENT
        )
    )
    ctx.edits.replace(
        getter.final,
        getter.final.with_changes(
            body=[cst.Return(returned)],
            leading_lines=[*getter.final.leading_lines, comment],
        ),
    )
    _after_retiring(ctx, function.name.value, getter.removed)
    return True


def _returned_placeholder(
    ctx: RuleContext, final: cst.SimpleStatementLine, name: str
) -> cst.BaseExpression | None:
    """What the getter returns now: the placeholder in place of its one read of ``name``, in
    the shape it returned (``return jsonify(token=data["data"]["token"])``: a route answers
    the browser with ``{"token": ...}`` as before); ``None`` when it reads ``name`` twice."""
    read = returned_token_read(ctx.index, final, name)
    if read is None:
        return None
    value = final.body[0]
    assert isinstance(value, cst.Return) and value.value is not None
    if read is value.value:
        return _placeholder()
    replaced = value.value.deep_replace(read, _placeholder())
    assert isinstance(replaced, cst.BaseExpression)
    return replaced


def retire_inline_token(ctx: RuleContext, request: RequestSite) -> bool:
    """``res = post(create_token); self.token = res.json()["data"]["token"]`` inside a larger
    function: the request goes, and what held the token holds the placeholder (the calls that
    sent it are re-authenticated by H2L101)."""
    statement = request.call.context.statement
    name = assigned_name(statement) if statement is not None else None
    context = ctx.index.context_of(statement) if statement is not None else None
    owner = context.body_owner if context is not None else None
    body = list(getattr(owner, "body", ()))
    if statement is None or statement not in body or ctx.is_suppressed(statement):
        return False
    if holds_token_directly(statement):
        # ``token = post(create_token).json()["data"]["token"]`` (or ``self.token = ...``):
        # the line is its own holder.
        assert isinstance(statement, cst.SimpleStatementLine)
        _hold_placeholder(ctx, statement, owner, first=True)
        return True
    if isinstance(statement, cst.With):
        # ``async with post(create_token) as r: r.raise_for_status(); body = await r.json()``
        # then ``self._token = body["data"]["token"]`` after the block: followed like a name.
        name = parsed_in_block(statement)
        if name is None or not _retire_fetch(ctx, statement, owner, name, body):
            return _retire_with_block(ctx, statement, owner)
        return True
    if returns_token_directly(statement):
        # ``return self._post("streaming.create_token", ...)["data"]["token"]``: the caller
        # (a route answering the browser) gets the placeholder, which comes back to calls
        # that authenticate otherwise now.
        assert isinstance(statement, cst.SimpleStatementLine)
        comment = cst.EmptyLine(comment=cst.Comment(NO_TOKEN_COMMENT))
        ctx.edits.replace(
            statement,
            statement.with_changes(
                body=[cst.Return(_placeholder())],
                leading_lines=[*statement.leading_lines, comment],
            ),
        )
        ctx.prune_if_unused(names_in(statement))
        if context is not None and context.function is not None:
            _mark_value_uses(ctx, context.function.name.value)
        return True
    if name is None:
        return False
    if _retire_fetch(ctx, statement, owner, name, body):
        return True
    # ``async with httpx.AsyncClient() as c: resp = await c.post(create_token)``, then
    # ``self._token = resp.json()["data"]["token"]`` after the block: the block is the fetch.
    block = fetch_client_block(ctx.index, statement)
    outer = ctx.index.context_of(block) if block is not None else None
    outer_owner = outer.body_owner if outer is not None else None
    outer_body = list(getattr(outer_owner, "body", ()))
    if block is None or block not in outer_body or ctx.is_suppressed(block):
        return False
    return _retire_fetch(ctx, block, outer_owner, name, outer_body)


def _retire_fetch(
    ctx: RuleContext,
    statement: Statement,
    owner: cst.CSTNode | None,
    name: str,
    body: list[cst.CSTNode],
) -> bool:
    """The fetch binding ``name`` (its response, or its parsed body) goes with the later
    checks of it; the statements that keep its token hold the placeholder."""
    later = [
        line
        for line in body[body.index(statement) + 1 :]
        if isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
    ]
    uses = fetch_uses(later, name)
    if uses is None:
        return False
    checks, holders = uses
    if not holders:
        return False
    ctx.edits.remove(statement)
    for line in checks:
        ctx.edits.remove(line)
    ctx.prune_if_unused({n for line in (statement, *checks) for n in names_in(line)})
    for position, line in enumerate(holders):
        _hold_placeholder(ctx, line, owner, first=position == 0)
    return True


def _retire_with_block(ctx: RuleContext, statement: cst.With, owner: cst.CSTNode | None) -> bool:
    """``with post(create_token) as resp: token = resp.json()["data"]["token"]``: the block
    becomes its holders, set to the placeholder (its checks of ``resp`` go)."""
    lines = with_block_holders(statement)
    if lines is None:
        return False
    holders: list[cst.BaseStatement] = []
    for position, line in enumerate(lines):
        assign = line.body[0]
        assert isinstance(assign, cst.Assign)
        target = assign.targets[0].target
        if isinstance(target, cst.Name) and owner is not None:
            settle_token_uses(ctx, owner, target.value, f"`{target.value}` holds a placeholder now")
        leading = [cst.EmptyLine(comment=cst.Comment(NO_TOKEN_COMMENT))] if position == 0 else []
        holders.append(
            cst.SimpleStatementLine(
                body=[assign.with_changes(value=_placeholder())], leading_lines=leading
            )
        )
    ctx.insert_before(statement, holders)
    ctx.edits.remove(statement)
    return True


def _hold_placeholder(
    ctx: RuleContext, line: cst.SimpleStatementLine, owner: cst.CSTNode | None, first: bool
) -> None:
    """``holder = <token>`` -> ``holder = "<placeholder>"`` (the why above the first one);
    ``var.set(<token>)`` -> ``var.set("<placeholder>")``."""
    leading = [*line.leading_lines, cst.EmptyLine(comment=cst.Comment(NO_TOKEN_COMMENT))]
    if token_setter_argument(line) is not None:

        def placeholder_set(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.SimpleStatementLine)
            small = updated.body[0]
            assert isinstance(small, cst.Expr)
            awaited = small.value if isinstance(small.value, cst.Await) else None
            call = awaited.expression if awaited is not None else small.value
            assert isinstance(call, cst.Call)
            args = [*call.args[:-1], call.args[-1].with_changes(value=_placeholder())]
            call = call.with_changes(args=args)
            value = awaited.with_changes(expression=call) if awaited is not None else call
            return updated.with_changes(
                body=[small.with_changes(value=value)],
                leading_lines=leading if first else updated.leading_lines,
            )

        ctx.transform(line, placeholder_set)
        return
    assign = line.body[0]
    assert isinstance(assign, cst.Assign)
    target = assign.targets[0].target
    if isinstance(target, cst.Name) and owner is not None:
        settle_token_uses(ctx, owner, target.value, f"`{target.value}` holds a placeholder now")
    ctx.edits.replace(
        line,
        line.with_changes(
            body=[assign.with_changes(value=_placeholder())],
            leading_lines=leading if first else line.leading_lines,
        ),
    )


def _mark_value_uses(ctx: RuleContext, getter: str) -> None:
    """Mark callers' uses of the token other than passing it on (they see the placeholder)."""
    for function, target in getter_result_holders(ctx.index, getter):
        settle_token_uses(ctx, function, target, f"`{getter}()` returns a placeholder now")


def settle_token_uses(ctx: RuleContext, scope: cst.CSTNode, target: str, what: str) -> None:
    """Uses of a token that is a placeholder now: shown (the line goes), passed on (kept: the call
    authenticates otherwise), anything else (marked)."""
    for node in token_value_uses(ctx.index, scope, target):
        line = ctx.index.statement_of(node)
        if line is not None and is_display(line):
            # Showing the HeyGen token (or its length) has nothing left to show.
            ctx.edits.remove(line)
            ctx.fixed(node, "drops the display of the HeyGen token")
            continue
        if in_formatted(ctx.index, node):
            continue  # ``f"Bearer {token}"``: a header for a call re-authenticated elsewhere
        ctx.manual(
            node,
            f"{what} (LiveAvatar has no token before the session): drop this use of its value",
        )


__all__ = ["retire_token_getter"]
