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

from typing import Callable

import libcst as cst

from ..analysis.call_shape import async_client_method
from ..analysis.dead_code import names_in
from ..analysis.event_calls import EventCall
from ..analysis.http import RequestSite, partial_callee, response_call, sends_request
from ..analysis.index import dotted_name
from ..analysis.layout import laid_out_like
from ..analysis.wrapper_params import WrapperEffects, callee_name, wrapper_side_effects
from ..apispec.events import (
    BRIDGE_EMIT,
    BRIDGE_EMIT_ASYNC,
    BRIDGE_ERROR,
    BRIDGE_HTTP_RESPONSE,
    BRIDGE_MODULE,
    LIVEKIT_PACKAGE,
)
from .base import RuleContext
from .bridge_calls import project_error
from .helper_error_handlers import catch_helper_errors
from .task_response_shape import SHARED_REPLACED_REQUESTS
from .task_results import adapt_result

_NO_SPACE_EQUAL = cst.AssignEqual(
    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
)


_POSITIONAL = ("session_id", "event_type")
"""The names of ``emit``'s positional parameters."""

SHARED_CHOSEN_LITERALS = "events_chosen_endpoints"
"""``ctx.shared`` key: calls and literals of endpoints chosen at run time, already replaced."""


def event_requests(ctx: RuleContext, keys: tuple[str, ...]) -> list[RequestSite]:
    """Requests to the endpoints ``keys`` that really send something (not a URL in a print)."""
    return [
        request
        for request in ctx.streaming_requests
        if request.endpoint is not None
        and request.endpoint.key in keys
        and sends_request(ctx.index, request)
    ]


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
    # A failed event raises what the failed request raised, for the project's own handlers.
    error = project_error(ctx, event.request)
    if error is not None:
        keyword = cst.Name(BRIDGE_ERROR)
        args.append(cst.Arg(cst.parse_expression(error), keyword=keyword, equal=_NO_SPACE_EQUAL))
    if _partial_of_request(ctx, event):
        # ``tg.start_soon(functools.partial(client.post, url, json=...))``: a callable that
        # something calls later, a partial of the helper's event call then.
        return _partial_event(ctx, event, bridge, args, message)
    if shape.coroutine_kept:
        # ``await with_retry(lambda: client.post(...))``, ``queue.put(client.post(...))``: the
        # coroutine is awaited later, and what it gives may be read as the response it was.
        return _awaitable_answer(ctx, event, bridge, args, message)
    func = cst.Attribute(
        cst.Name(bridge), cst.Name(BRIDGE_EMIT_ASYNC if asynchronous else BRIDGE_EMIT)
    )
    call = laid_out_like(ctx.index, event.target, func, args)
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
    if error is None:
        catch_helper_errors(ctx, event.target, "event")
    _note_replaced(ctx, event)
    ctx.fixed(event.request.node, message.replace("{emit}", f"`{bridge}.{func.attr.value}`"))
    adapt_result(ctx, event, f"{bridge}.{func.attr.value}")
    effects = wrapper_side_effects(ctx.index, event.request.node)
    if event.request.client == "wrapper" and effects is not None:
        wrapper, calls = callee_name(event.request.node), "`, `".join(effects.written)
        if _replay(ctx, event, effects):
            ctx.fixed(
                event.request.node,
                f"the event does not go through `{wrapper}(...)`: `{calls}`, which it ran for "
                "every request, is called here",
            )
        else:
            ctx.manual(
                event.request.node,
                f"the event no longer goes through `{wrapper}(...)`, which also runs `{calls}` "
                "for every request: call it here too if this call needs it",
            )
    return True


def _note_replaced(ctx: RuleContext, event: EventCall) -> None:
    """What only the request used may go, and the request is marked as replaced by an event
    (other rules leave it alone)."""
    ctx.prune_if_unused(names_in(event.target) | names_in(event.request.node))
    replaced = ctx.shared.setdefault(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(replaced, set)
    replaced.update({id(event.request.node), id(event.target)})


def _partial_of_request(ctx: RuleContext, event: EventCall) -> bool:
    """The call replaced is ``functools.partial(<request function>, ...)`` itself (no thread
    runner runs it here: its value is a callable, not a response)."""
    target = event.target
    return (
        target is event.request.node
        and partial_callee(ctx.index, target) is not None
        and response_call(ctx.index, target) is target
    )


def _partial_event(
    ctx: RuleContext, event: EventCall, bridge: str, args: list[cst.Arg], message: str
) -> bool:
    """``partial(client.post, url, json={...})`` -> ``partial(liveavatar_bridge.emit_async,
    session_id, event_type, text=...)`` (``emit`` for a blocking client's function): still a
    callable, which makes the event when it is called."""
    function = event.target.args[0].value
    asynchronous = event.shape.handed_to_asyncio or (
        isinstance(function, cst.Attribute)
        and async_client_method(ctx.index, event.request.call, function)
    )
    emit = BRIDGE_EMIT_ASYNC if asynchronous else BRIDGE_EMIT
    partial = cst.Call(
        event.target.func, [cst.Arg(cst.Attribute(cst.Name(bridge), cst.Name(emit))), *args]
    )
    if not ctx.replace(event.target, partial):
        return False
    _note_replaced(ctx, event)
    ctx.fixed(event.request.node, message.replace("{emit}", f"`{bridge}.{emit}`"))
    return True


def _awaitable_answer(
    ctx: RuleContext, event: EventCall, bridge: str, args: list[cst.Arg], message: str
) -> bool:
    """An async client's coroutine kept for later (a lambda's, one put in a queue) ->
    ``asyncio.to_thread(lambda: liveavatar_bridge.heygen_http_response(liveavatar_bridge.emit(
    ...)))``: still an awaitable, of a successful HTTP response whose ``json()`` is HeyGen's
    task answer (``task_id`` = the event id), for code that checks what it awaited.

    The request's values were read when the coroutine was made (``for line in lines:
    queue.put(client.post(..., json={"text": line}))``): the lambda takes them as its
    parameters' defaults, read at the same moment, not when the thread runs."""
    emit = cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_EMIT))
    params: list[cst.Param] = []
    bound: list[cst.Arg] = []
    for position, arg in enumerate(args):
        if isinstance(arg.value, (cst.SimpleString, cst.Integer)) or (
            arg.keyword is not None and arg.keyword.value == BRIDGE_ERROR
        ):
            bound.append(arg)  # a literal, or the project's exception class
            continue
        name = arg.keyword.value if arg.keyword is not None else _POSITIONAL[position]
        params.append(cst.Param(cst.Name(name), default=arg.value, equal=_NO_SPACE_EQUAL))
        bound.append(arg.with_changes(value=cst.Name(name)))
    answer = cst.Call(
        cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_HTTP_RESPONSE)),
        [cst.Arg(cst.Call(emit, bound))],
    )
    thread = cst.Call(
        cst.Attribute(cst.Name("asyncio"), cst.Name("to_thread")),
        [cst.Arg(cst.Lambda(cst.Parameters(params=params), answer))],
    )
    if not ctx.replace(event.target, thread):
        return False
    ctx.require_import("asyncio")
    _note_replaced(ctx, event)
    ctx.fixed(
        event.request.node,
        message.replace("{emit}", f"`{bridge}.{BRIDGE_EMIT}`")
        + f" (on a worker thread, when the coroutine is awaited: it gives "
        f"`{bridge}.{BRIDGE_HTTP_RESPONSE}`, HeyGen's answer as a response)",
    )
    return True


def _replay(ctx: RuleContext, event: EventCall, effects: WrapperEffects) -> bool:
    """Run the wrapper's own calls where its call became an event: after the statement, or
    before it when it returns the event's result."""
    func = event.request.node.func
    through_self = isinstance(func, cst.Attribute) and dotted_name(func.value) in ("self", "cls")
    needs_self = any(
        (dotted_name(line.body[0].value.func) or "").startswith(("self.", "cls."))
        for line in effects.replayable
        if isinstance(line.body[0], cst.Expr) and isinstance(line.body[0].value, cst.Call)
    )
    statement = ctx.statement_of(event.target)
    if (
        not effects.replayable
        or (needs_self and not through_self)
        or not isinstance(statement, cst.SimpleStatementLine)
        or len(statement.body) != 1
    ):
        return False
    copies: list[cst.BaseStatement] = [
        line.deep_clone().with_changes(leading_lines=[]) for line in effects.replayable
    ]
    if isinstance(statement.body[0], cst.Return):
        return ctx.insert_before(statement, copies)
    return ctx.insert_after(statement, copies)
