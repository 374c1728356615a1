"""Interrupt and listening calls become control events; URLs no call uses any more are marked."""

from __future__ import annotations

from typing import Callable

import libcst as cst

from ..analysis.dead_code import dead_locals
from ..analysis.endpoint_factories import factory_request
from ..analysis.event_calls import prepare
from ..analysis.http import RequestSite, chosen_endpoint_requests
from ..analysis.http_mocks import in_mock_registration, is_test_module
from ..analysis.index import walk_nodes
from ..analysis.session_flow import session_flow
from ..apispec.events import (
    BRIDGE_EMIT,
    BRIDGE_EMIT_ASYNC,
    BRIDGE_MODULE,
    LITE_CONTROL_MESSAGES,
    LIVEKIT_PACKAGE,
    SESSION_ID_FIELD,
)
from .base import RuleContext
from .dead_url_constants import remove_dead_constant
from .event_emission import SHARED_CHOSEN_LITERALS, emit_event, event_requests
from .task_response_shape import SHARED_REPLACED_REQUESTS


# What is left behind --------------------------------------------------------------------------
def mark_leftover_urls(ctx: RuleContext, key: str, handled: set[int], message: str) -> None:
    """Mark URL literals of endpoint ``key`` that no call uses any more.

    ``handled`` holds the request calls that were replaced.
    A URL inside a replaced call went with it, and a function local that only fed replaced
    calls is deleted after the edits, and so is a module constant no other file reads
    (``dead_url_constants``); other module constants, class attributes and ``self``
    attributes stay (other code may import or read them), so a person has to remove them.
    Literals still used by a call that was not replaced are left to that call's own marker.
    """
    removed: list[cst.CSTNode] = [
        request.node for request in ctx.streaming_requests if id(request.node) in handled
    ]
    chosen = ctx.shared.get(SHARED_CHOSEN_LITERALS, set())
    replaced = ctx.shared.get(SHARED_REPLACED_REQUESTS, set())
    assert isinstance(chosen, set) and isinstance(replaced, set)
    for literal in ctx.literals.endpoint_literals(key):
        if not literal.is_target or id(literal.node) in chosen:
            continue
        if any(id(r.node) not in handled for r in literal.requests):
            continue
        if _inside(ctx, literal.node, handled | replaced):
            continue  # went with the call that used it
        site = literal.site
        function = site.context.function
        if (
            literal.requests
            and function is not None
            and site.assigned_to is not None
            and site.assigned_to in dead_locals(function, removed)
        ):
            continue  # a local that only fed replaced calls: deleted after the edits
        if remove_dead_constant(ctx, literal, handled):
            continue
        if in_mock_registration(ctx.index, literal.site) or is_test_module(ctx.index, ctx.filename):
            ctx.manual(literal.node, mocked_url_message(key))
            continue
        ctx.manual(literal.node, message)


def _inside(ctx: RuleContext, node: cst.CSTNode, calls: set[int]) -> bool:
    current = ctx.index.parent_of(node)
    while current is not None:
        if id(current) in calls:
            return True
        current = ctx.index.parent_of(current)
    return False


def cannot_rewrite(endpoint: str, events: str, reason: str) -> str:
    """The marker text for a call left in place (``events``: the event names, in backticks)."""
    return (
        f"`streaming.{endpoint}` has no LiveAvatar endpoint: send the {events} event with "
        f"`{BRIDGE_MODULE}.{BRIDGE_EMIT}(session_id, ...)` instead ({reason})"
    )


def leftover_url_message(endpoint: str) -> str:
    return (
        f"`streaming.{endpoint}` has no LiveAvatar endpoint (its calls become "
        f"`{BRIDGE_MODULE}` events): migrate what still uses this URL, then delete it"
    )


def mocked_url_message(endpoint: str) -> str:
    return (
        f"`streaming.{endpoint}` has no LiveAvatar endpoint (its calls become "
        f"`{BRIDGE_MODULE}` events): nothing requests this URL in the test any more; patch "
        f"`{BRIDGE_MODULE}.{BRIDGE_EMIT}` in the test instead, then delete it"
    )


def quoted(value: str, like: cst.Dict | None) -> cst.SimpleString:
    """``value`` as a string literal in the quote style of the payload's keys."""
    quote = '"'
    for element in like.elements if like is not None else ():
        if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
            quote = "'" if element.key.value.endswith("'") else '"'
            break
    return cst.SimpleString(f"{quote}{value}{quote}")


def lite_session(ctx: RuleContext) -> bool:
    """The session streams the code's own audio and speaks no text: LITE, where an
    ``avatar.*`` room event is refused and control goes over the session's WebSocket."""
    usage = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).usage
    return usage is not None and bool(usage.audio) and not usage.text


def lite_control_message(key: str) -> str:
    message = LITE_CONTROL_MESSAGES.get(key, "agent.interrupt")
    return (
        f"this session is LITE (the code streams its own audio): `streaming.{key}` is the "
        f'`{{"type": "{message}", "event_id": ...}}` message on the session\'s `ws_url` '
        "WebSocket, not a REST call or a room event: send it there"
    )


def constant(expr: cst.BaseExpression) -> Callable[[str], cst.BaseExpression]:
    """An ``event_type`` argument for :func:`emit_event` that does not need the module name."""

    def make(_bridge: str) -> cst.BaseExpression:
        return expr

    return make


def rewrite_control_events(ctx: RuleContext, events: dict[str, str]) -> None:
    """Replace requests to each endpoint in ``events`` (key -> event type) by that event.

    These events carry nothing but the session id (interrupt, start/stop listening).
    """
    handled: set[int] = set()
    if lite_session(ctx):
        for request in event_requests(ctx, tuple(events)):
            assert request.endpoint is not None
            ctx.manual(request.node, lite_control_message(request.endpoint.key))
        return
    for request in ctx.streaming_requests:
        if _rewrite_factory_call(ctx, events, request):
            handled.add(id(request.node))
    for request in event_requests(ctx, tuple(events)):
        assert request.endpoint is not None
        if id(request.node) in handled:
            continue
        key = request.endpoint.key
        event_name = events[key]
        prepared = prepare(ctx.index, request, ctx.filename)
        if isinstance(prepared, str):
            ctx.manual(request.node, cannot_rewrite(key, f"`{event_name}`", prepared))
            continue
        view = prepared.payload
        session_id = view.value(SESSION_ID_FIELD) if view is not None else None
        if view is None or session_id is None:
            reason = "the session id this call sends is not visible here"
            ctx.manual(request.node, cannot_rewrite(key, f"`{event_name}`", reason))
            continue
        literal = quoted(event_name, view.node)
        done = emit_event(
            ctx,
            prepared,
            session_id,
            constant(literal),
            [],
            f"`streaming.{key}` becomes the `{event_name}` event, sent with {{emit}}",
        )
        if not done:
            continue
        handled.add(id(request.node))
        extra = sorted(view.keys() - {SESSION_ID_FIELD})
        if extra:
            fields = ", ".join(f"`{name}`" for name in extra)
            # On the statement that now emits the event: the request's own statement (a
            # urllib ``Request`` built apart) may be deleted as dead code.
            ctx.manual(
                prepared.target,
                f"the `{event_name}` event carries no other field: {fields} is no longer sent",
            )
    _rewrite_chosen(ctx, events)
    for key in events:
        mark_leftover_urls(ctx, key, handled, leftover_url_message(key))


def _rewrite_factory_call(ctx: RuleContext, events: dict[str, str], request: RequestSite) -> bool:
    """``simple("streaming.interrupt")``, a factory returning ``lambda session_id: call(endpoint,
    {"session_id": session_id})``: the call becomes a lambda with the same parameters that
    emits the event (:mod:`..analysis.endpoint_factories`)."""
    key = request.endpoint.key if request.endpoint is not None else None
    if key not in events:
        return False
    made = factory_request(ctx.index, request.node, request.url_expr)
    if made is None or ctx.is_suppressed(request.node):
        return False
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    ctx.require_package(LIVEKIT_PACKAGE)
    emit = BRIDGE_EMIT_ASYNC if made.is_async else BRIDGE_EMIT
    event_name = events[key]
    function = made.returned.with_changes(
        body=cst.Call(
            cst.Attribute(cst.Name(bridge), cst.Name(emit)),
            [
                cst.Arg(made.session_id.deep_clone()),
                cst.Arg(cst.SimpleString(f'"{event_name}"')),
            ],
        )
    )
    if not ctx.transform(request.node, lambda _updated: function):
        return False
    ctx.fixed(
        request.node,
        f"the function `{ctx.index.module.code_for_node(request.node.func)}` makes for "
        f"`streaming.{key}` becomes one that sends the `{event_name}` event with "
        f"`{bridge}.{emit}`",
    )
    return True


def _rewrite_chosen(ctx: RuleContext, events: dict[str, str]) -> None:
    """``post("/streaming.start_listening" if on else "/streaming.stop_listening", ...)``: the
    event is chosen the same way (``"avatar.start_listening" if on else ...``)."""
    finder = ctx.request_finder
    done = ctx.shared.setdefault(SHARED_CHOSEN_LITERALS, set())
    assert isinstance(done, set)
    for chosen in chosen_endpoint_requests(finder):
        if not all(key in events for key in chosen.keys) or id(chosen.site.node) in done:
            continue
        prepared = prepare(ctx.index, chosen.site, ctx.filename)
        if isinstance(prepared, str) or prepared.payload is None:
            continue
        session_id = prepared.payload.value(SESSION_ID_FIELD)
        if session_id is None:
            continue
        first, second = (events[key] for key in chosen.keys)
        test = chosen.test

        def event_type(
            _bridge: str,
            first: str = first,
            second: str = second,
            test: cst.BaseExpression = test,
        ) -> cst.BaseExpression:
            return cst.IfExp(
                test=test.deep_clone(),
                body=cst.SimpleString(f'"{first}"'),
                orelse=cst.SimpleString(f'"{second}"'),
            )

        if emit_event(
            ctx,
            prepared,
            session_id,
            event_type,
            [],
            f"the endpoint chosen at run time becomes the `{first}` or `{second}` event, "
            "chosen the same way and sent with {emit}",
        ):
            done.add(id(chosen.site.node))
            done.update(
                id(node)
                for literal in chosen.literals
                for node in (literal, *walk_nodes(literal))
                if isinstance(node, (cst.SimpleString, cst.FormattedStringText))
            )
