"""What H2L201, H2L202 and H2L203 share: a HeyGen in-session REST call becomes an event.

``streaming.task``, ``streaming.interrupt`` and ``streaming.start_listening`` /
``stop_listening`` have no LiveAvatar endpoint; in FULL mode they are events on the session's
LiveKit room. Each request call is replaced, where it stands, by a call of the helper module
the tool writes beside the file (``liveavatar_bridge``, see ``templates/``)::

    requests.post(TASK_URL, json={"session_id": sid, "text": t}, headers=H)
    ->  liveavatar_bridge.emit(sid, "avatar.speak_text", text=t)

keeping the shape of the code around it (``await``/``async with`` get ``emit_async``, blocking
calls inside ``async def`` become ``await ...emit_async(...)``). ``emit`` returns the id of the
event it published and raises ``LiveAvatarError`` when it could not, so the HeyGen response
handling around the call is dropped (``raise_for_status()``, status checks, ``.json()``,
``async with ... as resp:`` blocks), reads of ``task_id`` become the event id, and every other
use of the old response is marked (:func:`adapt_result`).
The fields come from the payload the request sent: a dict literal's values, or subscripts of
the payload variable (``payload["session_id"]``), which read exactly what was sent.
"""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.dead_code import names_in
from ..analysis.event_calls import EventCall
from ..analysis.http import RequestSite
from ..apispec.events import (
    BRIDGE_EMIT,
    BRIDGE_EMIT_ASYNC,
    BRIDGE_MODULE,
    LIVEKIT_PACKAGE,
)
from .base import RuleContext
from .task_results import SHARED_REPLACED_REQUESTS, adapt_result

_CLIENTS = frozenset({"requests", "httpx", "aiohttp"})
# A project wrapper's name says it sends something (``_request``, ``_post``, ``call_api``...).
_SENDER_NAME = re.compile(r"request|post|call|send|fetch|invoke|api|http", re.IGNORECASE)
_URLLIB_CALLEES = frozenset({"Request", "urlopen"})
_NO_SPACE_EQUAL = cst.AssignEqual(
    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
)
_LINE_LIMIT = 88
"""Longest line a rewrite writes on one line (black's default) unless the original was longer."""


SHARED_CHOSEN_LITERALS = "events_chosen_endpoints"
"""``ctx.shared`` key: calls and literals of endpoints chosen at run time, already replaced."""


def event_requests(ctx: RuleContext, keys: tuple[str, ...]) -> list[RequestSite]:
    """Requests to the endpoints ``keys`` that really send something (not a URL in a print)."""
    found = []
    for request in ctx.streaming_requests:
        if request.endpoint is None or request.endpoint.key not in keys:
            continue
        last = (request.call.name or "").split(".")[-1]
        if request.client == "urllib":
            sends = last in _URLLIB_CALLEES
        else:
            sends = (
                request.client in _CLIENTS
                or request.method is not None
                or bool(_SENDER_NAME.search(last))
            )
        if sends:
            found.append(request)
    return found


# Rewriting ----------------------------------------------------------------------------------
def emit_event(
    ctx: RuleContext,
    event: EventCall,
    session_id: cst.BaseExpression,
    event_type: Callable[[str], cst.BaseExpression],
    fields: list[tuple[str, cst.BaseExpression]],
    message: str,
) -> bool:
    """Replace the call by ``liveavatar_bridge.emit[_async](session_id, event_type, **fields)``.

    ``event_type`` receives the local name of the helper module (for run-time choices);
    ``{emit}`` in ``message`` becomes the function called.
    """
    if ctx.is_suppressed(event.target) or ctx.is_suppressed(event.request.node):
        return False
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    ctx.require_package(LIVEKIT_PACKAGE)  # the helper sends events with the LiveKit SDK
    shape = event.shape
    asynchronous = shape.yields_awaitable or shape.in_coroutine
    args = [
        cst.Arg(session_id),
        cst.Arg(event_type(bridge)),
        *(cst.Arg(value, keyword=cst.Name(name), equal=_NO_SPACE_EQUAL) for name, value in fields),
    ]
    func = cst.Attribute(
        cst.Name(bridge), cst.Name(BRIDGE_EMIT_ASYNC if asynchronous else BRIDGE_EMIT)
    )
    call = _laid_out_like(ctx, event.target, func, args)
    replacement: cst.BaseExpression = call
    if asynchronous and not shape.yields_awaitable:
        # Blocking code inside ``async def``: wait for the event without blocking the loop.
        parentheses = shape.await_needs_parentheses
        replacement = cst.Await(
            call,
            lpar=[cst.LeftParen()] if parentheses else [],
            rpar=[cst.RightParen()] if parentheses else [],
        )
    if not ctx.replace(event.target, replacement):
        return False
    ctx.prune_if_unused(names_in(event.target) | names_in(event.request.node))
    replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    replaced.update({id(event.request.node), id(event.target)})
    ctx.fixed(event.request.node, message.replace("{emit}", f"`{bridge}.{func.attr.value}`"))
    adapt_result(ctx, event, f"{bridge}.{func.attr.value}")
    return True


def _laid_out_like(
    ctx: RuleContext, original: cst.Call, func: cst.BaseExpression, args: list[cst.Arg]
) -> cst.Call:
    """The new call laid out as black would: on one line if it fits, else one argument a line.

    A trailing comma in the original (black's "magic trailing comma") keeps it exploded.
    """
    one_line = cst.Call(func=func, args=_separated(args))
    multiline = _is_multiline(original)
    if multiline and isinstance(original.args[-1].comma, cst.Comma):
        return _exploded_like(original, func, args)
    statement = ctx.statement_of(original)
    if statement is None:
        return one_line
    module = ctx.module
    statement_code = code_of(statement, module)
    call_code = code_of(original, module)
    at = statement_code.find(call_code)
    if at < 0:
        return one_line
    line_start = statement_code.rfind("\n", 0, at) + 1
    end = at + len(call_code)
    line_end = statement_code.find("\n", end)
    if line_end < 0:
        line_end = len(statement_code)
    # The statement's first line is printed without the block's indentation, later lines with it.
    indent = _indentation(ctx, statement)
    first_line = line_start == 0
    line = statement_code[line_start:at]
    lead = 0 if first_line else len(line) - len(line.lstrip()) - indent
    absolute = indent if first_line else 0
    new_length = absolute + (at - line_start) + len(code_of(one_line, module)) + (line_end - end)
    old_length = 0 if multiline else absolute + line_end - line_start
    if new_length <= max(_LINE_LIMIT, old_length):
        return one_line
    if multiline:
        return _exploded_like(original, func, args)
    # One argument per line, indented one step deeper than the line the call starts on.
    lead_text = " " * max(lead, 0)
    open_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        indent=True,
        last_line=cst.SimpleWhitespace(lead_text + module.default_indent),
    )
    close_line = cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(lead_text)
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=open_line)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=close_line))
    return cst.Call(func=func, args=laid, whitespace_before_args=open_line)


def _separated(args: list[cst.Arg]) -> list[cst.Arg]:
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [arg.with_changes(comma=comma) for arg in args[:-1]] + args[-1:]


def _is_multiline(call: cst.Call) -> bool:
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return True
    return any(
        isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
        for arg in call.args
    )


def _exploded_like(original: cst.Call, func: cst.BaseExpression, args: list[cst.Arg]) -> cst.Call:
    """One argument per line and a trailing comma, with the original call's indentation."""
    breaks = [
        arg.comma.whitespace_after
        for arg in original.args[:-1]
        if isinstance(arg.comma, cst.Comma)
        and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace)
    ]
    opening = original.whitespace_before_args
    if not isinstance(opening, cst.ParenthesizedWhitespace) and breaks:
        opening = breaks[0]
    separator = breaks[0] if breaks else opening
    last = original.args[-1]
    closing = (
        last.comma.whitespace_after
        if isinstance(last.comma, cst.Comma)
        else last.whitespace_after_arg
    )
    laid = [arg.with_changes(comma=cst.Comma(whitespace_after=separator)) for arg in args]
    laid[-1] = laid[-1].with_changes(comma=cst.Comma(whitespace_after=closing))
    return cst.Call(func=func, args=laid, whitespace_before_args=opening)


def _indentation(ctx: RuleContext, node: cst.CSTNode) -> int:
    width = 0
    current = ctx.index.parent_of(node)
    while current is not None:
        if isinstance(current, cst.IndentedBlock):
            indent = current.indent if current.indent is not None else ctx.module.default_indent
            width += len(indent.expandtabs(8))
        current = ctx.index.parent_of(current)
    return width
