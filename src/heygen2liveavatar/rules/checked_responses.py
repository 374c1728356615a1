"""Responses a checking helper of the module parses itself (``analysis/response_checkers.py``):
it is given a response object it can check and parse as before.

- the token call (formerly ``streaming.new``): ``liveavatar_bridge.started_response(<call>)``,
  the response with its session started (``json()`` the merged result, HeyGen's names too);
- a task, interrupt or listening call that became an event, and a start call the token call
  made unnecessary: ``liveavatar_bridge.heygen_http_response(...)``, HeyGen's answer as a
  successful response (the event raised on failure; a start answered ``data: null``).
"""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.response_checkers import checked_response, response_checker
from ..apispec.events import BRIDGE_HTTP_RESPONSE, BRIDGE_MODULE
from ..apispec.session_fields import BRIDGE_STARTED_RESPONSE
from .base import RuleContext


def start_checked_token_response(ctx: RuleContext, request: RequestSite) -> bool:
    """``r = http.post(<token>)`` ... ``_check(r)``: the response, started, for the helper."""
    if not checked_response(ctx.index, request.node, request.call.context):
        return False
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    func = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_STARTED_RESPONSE))
    if not ctx.transform(request.node, lambda updated: _wrapped(func, updated)):
        return False
    ctx.fixed(
        request.node,
        f"starts the session right after its token call (`{bridge}.{BRIDGE_STARTED_RESPONSE}`): "
        "the response the checking helper parses has the LiveKit room from /v1/sessions/start",
    )
    return True


def checked_start_answered(ctx: RuleContext, request: RequestSite) -> bool:
    """``return _check(http.post(<start>))``: the helper checks HeyGen's start answer instead
    (the session was started with its token); the caller still gets the helper's value."""
    parent = ctx.index.parent_of(request.node)
    helper = ctx.index.parent_of(parent) if isinstance(parent, cst.Arg) else None
    if (
        helper is None
        or isinstance(ctx.index.parent_of(helper), cst.Expr)  # a bare check goes with the call
        or not checked_response(ctx.index, request.node, request.call.context)
    ):
        return False
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    answer = cst.Call(cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_HTTP_RESPONSE)))
    if not ctx.replace(request.node, answer):
        return False
    ctx.fixed(
        request.node,
        "the session is started where its token is created; the checking helper gets "
        f"HeyGen's answer to the start call (`{bridge}.{BRIDGE_HTTP_RESPONSE}()`, `data` null) "
        "and returns its own kind of value to the callers, as before",
    )
    return True


def event_answer_for_checker(ctx: RuleContext, node: cst.CSTNode, bridge: str) -> bool:
    """``_check(<event call>)``: the helper checks HeyGen's answer made of the event id."""
    parent = ctx.index.parent_of(node)
    helper = ctx.index.parent_of(parent) if isinstance(parent, cst.Arg) else None
    if not isinstance(helper, cst.Call) or helper.args[0] is not parent:
        return False
    if response_checker(ctx.index, helper) is None:
        return False
    func = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_HTTP_RESPONSE))
    if not ctx.transform(node, lambda updated: _wrapped(func, updated)):
        return False
    ctx.fixed(
        node,
        f"the checking helper gets HeyGen's answer as a response (`{bridge}."
        f"{BRIDGE_HTTP_RESPONSE}`: success, as the event raises on failure; `data.task_id` = "
        "the event id): it returns its own kind of value to the callers, as before",
    )
    return True


def _wrapped(func: cst.Attribute, updated: cst.CSTNode) -> cst.CSTNode:
    assert isinstance(updated, cst.BaseExpression)
    return cst.Call(func, [cst.Arg(updated)])
