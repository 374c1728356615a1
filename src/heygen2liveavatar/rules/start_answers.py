"""What a start call answers once the session is started with its token.

HeyGen's ``streaming.start`` answered only a status (``{"code": 100, "data": null}``). Where the
code hands that answer on (a function returning it to callers the tool may not see, a proxy
route answering a browser), the call is replaced by the answer rather than removed: the
parsed envelope, or ``liveavatar_bridge.heygen_http_response()`` where the code holds a
response object (``rules/session_start_retire.py`` decides when).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.call_shape import coroutine_kept, result_expression
from ..analysis.http import RequestSite, response_call
from ..analysis.index import Statement, walk_nodes
from ..analysis.responses import DATA, OBJECT
from ..analysis.session_flow import session_flow
from ..apispec.events import BRIDGE_HTTP_RESPONSE, BRIDGE_MODULE
from ..apispec.session_fields import HEYGEN_STARTED_ENVELOPE
from .base import RuleContext


def started_envelope(statement: Statement, name: str) -> cst.SimpleStatementLine | None:
    """``return resp.json()`` -> ``return {"code": 100, "message": "success", "data": None}``,
    ``return resp.json()["data"]`` -> ``return None``: what HeyGen's start returned."""
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    assert isinstance(small, cst.Return) and small.value is not None
    value = small.value.expression if isinstance(small.value, cst.Await) else small.value
    data = isinstance(value, cst.Subscript)
    if data:
        assert isinstance(value, cst.Subscript)
        value = value.value
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value == "json"
    ):
        return None
    returned = "None" if data else HEYGEN_STARTED_ENVELOPE
    return statement.with_changes(body=[small.with_changes(value=cst.parse_expression(returned))])


def started_response(
    ctx: RuleContext, statement: Statement, small: cst.Return, request: RequestSite
) -> cst.SimpleStatementLine | None:
    """``return <start call>`` -> ``return <what HeyGen's start answered>``
    (:func:`_start_answer`)."""
    value = small.value
    awaited = isinstance(value, cst.Await)
    if (value.expression if isinstance(value, cst.Await) else value) is not request.node:
        return None
    answer = _start_answer(ctx, request, awaited)
    if answer is None:
        return None
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement.with_changes(body=[small.with_changes(value=answer)])


def _start_answer(
    ctx: RuleContext, request: RequestSite, awaited: bool
) -> cst.BaseExpression | None:
    """What HeyGen's start answered, in the kind of value the call gives: the parsed envelope
    (or its ``data``, null) for a wrapper or client returning parsed JSON;
    ``liveavatar_bridge.heygen_http_response()`` (``json()``, ``ok``, ``status_code``) for a
    response of ``requests`` or ``httpx`` (whose async client's ``json()`` is not awaited
    either; the answer replaces the ``await``; aiohttp's ``json()`` is awaited: not it)."""
    tracker = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker
    kind = tracker.kind_of_request(request)
    if kind == DATA:
        data_part = tracker.wrapper_returns_data_part(request)
        return cst.parse_expression("None" if data_part else HEYGEN_STARTED_ENVELOPE)
    client = tracker.client_of(request)
    if kind == OBJECT and (client == "httpx" or (not awaited and client == "requests")):
        bridge = ctx.require_support_module(BRIDGE_MODULE)
        return cst.Call(cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_HTTP_RESPONSE)))
    return None


def _parsed_at_once(ctx: RuleContext, call: cst.CSTNode) -> cst.Call | None:
    """``call.json()`` (``(await call).json()``): the parse of its response, made at once."""
    attribute = ctx.index.parent_of(call)
    parse = ctx.index.parent_of(attribute) if isinstance(attribute, cst.Attribute) else None
    if (
        isinstance(attribute, cst.Attribute)
        and attribute.attr.value == "json"
        and isinstance(parse, cst.Call)
        and parse.func is attribute
        and not parse.args
    ):
        return parse
    return None


def answer_start(ctx: RuleContext, request: RequestSite) -> bool:
    """A start call whose response the code uses beyond checks (``return jsonify(resp.json()),
    resp.status_code`` in a proxy route): the call becomes what HeyGen's start answered
    (:func:`_start_answer`), so the code around it runs as before, without a second start."""
    if response_call(ctx.index, request.node) is not request.node:
        return False  # ``run_in_executor(None, functools.partial(...))`` runs a callable
    parent = ctx.index.parent_of(request.node)
    awaited = isinstance(parent, cst.Await)
    statement = request.call.context.statement
    if statement is None or ctx.is_suppressed(statement):
        return False
    answer = _start_answer(ctx, request, awaited)
    if answer is None:
        return False
    if coroutine_kept(ctx.index, request.call):
        # ``await with_retry(lambda: client.post(start))``: the coroutine is awaited later,
        # the answer comes from a worker thread then.
        if not isinstance(answer, cst.Call):
            return False
        ctx.require_import("asyncio")
        answer = cst.Call(
            cst.Attribute(cst.Name("asyncio"), cst.Name("to_thread")), [cst.Arg(answer.func)]
        )
    target: cst.CSTNode = result_expression(ctx.index, request.node)
    parsed = _parsed_at_once(ctx, target)
    if parsed is not None and isinstance(answer, cst.Call):  # ``post(...).json()``
        target, answer = parsed, cst.parse_expression(HEYGEN_STARTED_ENVELOPE)
    if not ctx.replace(target, answer):
        return False
    # The session id, payload and headers the call was built from may be left unused.
    ctx.prune_if_unused(
        {node.value for node in walk_nodes(request.node) if isinstance(node, cst.Name)}
    )
    ctx.fixed(
        request.node,
        "the session is started right after its token call (`liveavatar_bridge.start_session`) "
        "and LiveAvatar refuses a second start: this call's value is HeyGen's answer to it",
    )
    return True


__all__ = ["answer_start", "started_envelope", "started_response"]
