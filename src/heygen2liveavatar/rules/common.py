"""Helpers shared by several rules (shared recognition lives in ``analysis``)."""

from __future__ import annotations

import libcst as cst

from ..analysis.edits import with_pending_edits
from ..analysis.endpoints import EndpointLiteral, liveavatar_path
from ..analysis.index import Context, Statement
from ..analysis.json_flow import JsonFlowTracer
from ..analysis.session_flow import fresh_name
from .base import RuleContext, edit_literal


def rewrite_endpoint_paths(ctx: RuleContext, key: str) -> list[EndpointLiteral]:
    """Rewrite the path of endpoint ``key`` in every request-target literal.

    Returns the literals that were rewritten.
    """
    rewritten: list[EndpointLiteral] = []
    for literal in ctx.literals.endpoint_literals(key):
        if not literal.is_target:
            continue
        node = literal.site.node
        changed = False
        for match in literal.matches:
            if match.endpoint.key != key:
                continue
            query_follows = literal.site.value[match.end : match.end + 1] == "?"
            new = liveavatar_path(match, query_follows=query_follows)
            # ``streaming.list?page=2`` -> ``sessions?type=active&page=2``: the old ``?`` goes.
            end = match.end + 1 if new is not None and new.endswith("&") else match.end
            old = literal.site.value[match.start : end]
            if new is not None and edit_literal(ctx, node, old, new):
                changed = True
                ctx.fixed(node, f"`{old}` becomes `{new}`")
        if changed:
            rewritten.append(literal)
    return rewritten


def hoist(
    ctx: RuleContext, expr: cst.BaseExpression, statement: Statement, context: Context
) -> cst.Name | None:
    """``session_data = <expr>`` inserted before ``statement`` (the edits other rules made
    inside ``expr`` carried along): the name to read ``expr`` from several times."""
    name = fresh_name(ctx.index, context, "session_data")
    value = with_pending_edits(ctx.edits, expr)
    assert isinstance(value, cst.BaseExpression)
    line = cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(name))], value)])
    return cst.Name(name) if ctx.insert_before(statement, [line]) else None


def json_tracer(ctx: RuleContext) -> JsonFlowTracer:
    """The module's :class:`JsonFlowTracer`, shared by the rules that read list responses."""
    tracer = ctx.shared.get("json_flow")
    if not isinstance(tracer, JsonFlowTracer):
        tracer = JsonFlowTracer(ctx.index, ctx.requests)
        ctx.shared["json_flow"] = tracer
    return tracer
