"""H2L102: a start response nobody kept (``requests.post(...).raise_for_status()``, a bare
``await client.post(...)``, an unread ``resp``) is parsed and remembered, so the session's
LiveKit room is known to the speak events that follow (``liveavatar_bridge.remember_session``)."""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.response_parsing import after_error_checks, data_of, ends_flow, parse_of, parsed
from ..analysis.session_flow import (
    ASSIGNED,
    BARE_CALL,
    BARE_PARSE,
    WITH_AS,
    SessionFlow,
    bind_shape,
)
from ..apispec.session_fields import BRIDGE_REMEMBER
from .base import RuleContext
from .h2l101_session_token import bridge_call, insert_with_bridge, transform_with_bridge


def parse_unkept_start(
    ctx: RuleContext, flow: SessionFlow, request: RequestSite, name: str | None
) -> bool:
    """Parse (and remember, and bind to ``name``) a start response nobody kept."""
    shape = bind_shape(flow.tracker, request)
    if shape is None:
        return False
    index = ctx.index
    client = flow.tracker.client_of(request)
    statement = request.call.context.statement
    awaited = isinstance(index.parent_of(request.node), cst.Await)
    if shape in (BARE_PARSE, BARE_CALL):
        assert isinstance(statement, cst.SimpleStatementLine)
        small = statement.body[0]
        parse_it = shape == BARE_CALL

        def keep(module: str, updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Expr)
            value = parsed(updated.value, awaited, client) if parse_it else updated.value
            remembered: cst.BaseExpression = bridge_call(module, BRIDGE_REMEMBER, value)
            if name is None:
                return updated.with_changes(value=remembered)
            return cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=data_of(remembered))

        return transform_with_bridge(ctx, small, keep)
    outer = index.parent_of(request.node) if awaited else request.node
    holder = index.parent_of(outer) if outer is not None else None
    if client == "urllib":
        ctx.require_import("json")  # the inserted line parses with ``json.load``
    if shape == ASSIGNED:
        assert isinstance(holder, cst.Assign)
        target = holder.targets[0].target
        assert isinstance(target, cst.Name)
        response = target.value
        anchor = after_error_checks(index, statement, response)
        if anchor is None:
            return False
        return insert_with_bridge(
            ctx, anchor, lambda module: _parse_line(module, response, client, awaited, name)
        )
    assert shape == WITH_AS and isinstance(holder, cst.WithItem)
    assert holder.asname is not None and isinstance(holder.asname.name, cst.Name)
    assert isinstance(statement, cst.With)
    body = statement.body
    if not isinstance(body, cst.IndentedBlock) or not body.body:
        return False
    last = body.body[-1]
    if not isinstance(last, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        return False
    response = holder.asname.name.value
    in_async = statement.asynchronous is not None
    # At the end of the block (after the code's own status checks), but before a return.
    return insert_with_bridge(
        ctx,
        last,
        lambda module: _parse_line(module, response, client, in_async, name),
        before=ends_flow(last),
    )


def _parse_line(
    module: str, response: str, client: str, awaited: bool, name: str | None
) -> cst.SimpleStatementLine:
    """``<module>.remember_session(<parse of response>)``, bound to ``name`` when given."""
    parse = parse_of(response, client, awaited)
    remembered = bridge_call(module, BRIDGE_REMEMBER, parse)
    if name is None:
        return cst.SimpleStatementLine([cst.Expr(remembered)])
    return cst.SimpleStatementLine(
        [cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=data_of(remembered))]
    )
