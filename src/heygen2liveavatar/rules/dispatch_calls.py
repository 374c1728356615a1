"""Calls of a dispatch helper (``self._simple("interrupt")``), migrated call by call.

See :mod:`..analysis.dispatch_helpers`. Interrupt and listening calls become their events
where they stand (H2L202, H2L203); keep-alive and stop calls keep the helper, whose path moves
from ``streaming.{action}`` to ``sessions/{action}`` with each action renamed (H2L104, H2L103)
once every call of the helper is one of these; any other call is marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.call_shape import call_shape
from ..analysis.dispatch_helpers import (
    KEPT_KEYS,
    REST_KEYS,
    DispatchCall,
    DispatchHelper,
    dispatch_helpers,
    template_text,
)
from ..analysis.edits import marker_code_above
from ..analysis.event_calls import EventCall
from ..analysis.http import RequestSite
from ..analysis.index import string_value
from ..apispec import CONTROL_EVENTS, HEYGEN_HOST, LIVEAVATAR_HOST, STREAMING_ENDPOINTS
from ..apispec.session_fields import BRIDGE_HEYGEN_NAMES, BRIDGE_START, BRIDGE_START_ASYNC
from .base import RuleContext, edit_literal
from .bridge_calls import bridge_call, transform_with_bridge
from .control_events import (
    cannot_rewrite,
    constant,
    lite_control_message,
    lite_session,
    quoted,
)
from .event_emission import emit_event
from .session_start_retire import note_no_op

_HELPERS = "dispatch_helpers"
_DONE = "dispatch_helpers_done"


def _helpers(ctx: RuleContext) -> list[DispatchHelper]:
    helpers = ctx.shared.get(_HELPERS)
    if helpers is None:
        helpers = dispatch_helpers(ctx.index, ctx.requests, ctx.project)
        ctx.shared[_HELPERS] = helpers
    assert isinstance(helpers, list)
    return helpers


def _done(ctx: RuleContext) -> set[object]:
    done = ctx.shared.setdefault(_DONE, set())
    assert isinstance(done, set)
    return done


def _handled(ctx: RuleContext, call: DispatchCall) -> bool:
    """Migrated where it stands although it has no REST successor: a task or new call whose
    body the call passes (an event; the token call, started), a start call removed after the
    token call (H2L102)."""
    if call.key in ("task", "new"):
        return call.body is not None
    return ("removed", id(call.call.node)) in _done(ctx)


def dispatch_opens(ctx: RuleContext) -> bool:
    """Some dispatch call opens a session (``self._call("new", {...})``)."""
    return any(c.key == "new" and c.body is not None for h in _helpers(ctx) for c in h.calls)


def dispatch_new_requests(ctx: RuleContext) -> list[tuple[RequestSite, DispatchCall]]:
    """``self._call("new", {...})`` of a helper that sends its caller's body: a
    ``streaming.new`` request whose payload is that argument."""
    return _requests_with_body(ctx, "new")


def start_dispatched_session(ctx: RuleContext, call: DispatchCall) -> None:
    """``"new"`` -> ``"token"``, and what the call returns (the token response, as the helper
    returns it) starts the session and keeps HeyGen's names for the code that reads them."""
    assert call.action is not None
    old = string_value(call.action) or ""
    if edit_literal(ctx, call.action, old, "token"):
        ctx.fixed(call.action, f'`"{old}"` becomes `"token"`: `/v1/sessions/token`')
    node: cst.BaseExpression = call.call.node
    parent = ctx.index.parent_of(node)
    asynchronous = isinstance(parent, cst.Await)
    if asynchronous:
        assert isinstance(parent, cst.Await)
        node = parent

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        start = BRIDGE_START_ASYNC if asynchronous else BRIDGE_START
        started: cst.BaseExpression = bridge_call(module, start, updated)
        if asynchronous:
            started = cst.Await(started, lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return bridge_call(module, BRIDGE_HEYGEN_NAMES, started)

    if transform_with_bridge(ctx, node, wrap):
        ctx.fixed(
            node,
            "starts the session right after its token call (`liveavatar_bridge.start_session`); "
            "`with_heygen_names` keeps `url`/`access_token` for the code that reads them",
        )


def _name(helper: DispatchHelper) -> str:
    return helper.name


def rewrite_dispatch_events(ctx: RuleContext, events: dict[str, str]) -> None:
    """Each call of a dispatch helper naming an endpoint of ``events`` becomes that event."""
    lite = lite_session(ctx)
    for helper in _helpers(ctx):
        for call in helper.calls:
            if call.key not in events or call.action is None:
                continue
            if lite:
                _done(ctx).add(("marked", id(call.call.node)))
                ctx.manual(call.call.node, lite_control_message(call.key))
                continue
            event_name = events[call.key]
            if call.session_id is None:
                reason = "the session id the helper sends is not visible at this call"
                ctx.manual(call.call.node, cannot_rewrite(call.key, f"`{event_name}`", reason))
                continue
            # The call itself stands for the request: what used the helper's result (HeyGen's
            # JSON) is adapted as for a request replaced by an event.
            request = RequestSite(call.call, call.action, [], [], "wrapper", "POST")
            event = EventCall(request, call.call.node, call_shape(ctx.index, call.call), None)
            emit_event(
                ctx,
                event,
                call.session_id,
                constant(quoted(event_name, None)),
                [],
                f'`{_name(helper)}("{call.key}")` (`streaming.{call.key}`) becomes the '
                f"`{event_name}` event, sent with {{emit}}",
            )
    mark_unsupported(ctx)


def dispatch_task_requests(ctx: RuleContext) -> list[RequestSite]:
    """``heygen("task", {...})`` of a helper that sends its caller's body: each call stands for
    a ``streaming.task`` request whose payload is the argument it passes (H2L201 replaces it)."""
    return [request for request, _call in _requests_with_body(ctx, "task")]


def dispatch_stop_requests(ctx: RuleContext) -> list[RequestSite]:
    """``heygen("stop", {"session_id": sid})`` of a helper that sends its caller's body and
    moves to ``/v1/sessions/`` (:func:`rewrite_dispatch_paths`): each call stands for a stop
    request whose payload is the argument it passes (H2L103 adds the ``reason``)."""
    return [
        request
        for helper in _helpers(ctx)
        if _moves(ctx, helper)
        for request, _call in _requests_with_body(ctx, "stop", [helper])
    ]


def _requests_with_body(
    ctx: RuleContext, key: str, helpers: list[DispatchHelper] | None = None
) -> list[tuple[RequestSite, DispatchCall]]:
    """The calls of endpoint ``key`` through helpers that send the caller's body, each as the
    request it stands for (its payload: the argument the call passes)."""
    found = []
    for helper in _helpers(ctx) if helpers is None else helpers:
        for call in helper.calls:
            if call.key == key and call.body is not None and call.action is not None:
                request = RequestSite(call.call, call.action, [], [], "wrapper", "POST")
                request.payload = call.body
                request.keyword_body = call.keyword_body
                found.append((request, call))
    return found


def remove_dispatch_starts(ctx: RuleContext) -> None:
    """``heygen("start", {...})`` as a statement of its own: the token call started the
    session already (``liveavatar_bridge.start_session``), so the call goes."""
    for helper in _helpers(ctx):
        for call in helper.calls:
            if call.key != "start" or not call.standalone:
                continue
            statement = ctx.statement_of(call.call.node)
            if statement is None or ctx.is_suppressed(statement):
                continue
            ctx.edits.remove(statement)
            note_no_op(ctx, statement)  # a function left empty says why it does nothing
            _done(ctx).add(("removed", id(call.call.node)))
            ctx.fixed(
                call.call.node,
                f'`{_name(helper)}("start")` goes: the session is started where its token is '
                "created (`liveavatar_bridge.start_session`)",
            )
    mark_unsupported(ctx)


def rewrite_dispatch_paths(ctx: RuleContext, key: str) -> None:
    """Keep-alive and stop calls keep their helper: ``"keep_alive"`` -> ``"keep-alive"``, and
    the helper's ``streaming.`` -> ``sessions/`` (once, when no call of it needs anything
    else)."""
    new_path = STREAMING_ENDPOINTS[key].liveavatar_path
    assert key in REST_KEYS and new_path is not None
    action = new_path.rsplit("/", 1)[-1]
    for helper in _helpers(ctx):
        if not _moves(ctx, helper):
            continue
        for call in helper.calls:
            if call.key != key or call.action is None:
                continue
            old = string_value(call.action) or ""
            if old != action and edit_literal(ctx, call.action, old, action):
                ctx.fixed(call.action, f'`"{old}"` becomes `"{action}"`: `{new_path}`')
        if helper.template is not None and ("template", id(helper.template)) not in _done(ctx):
            _done(ctx).add(("template", id(helper.template)))
            old_text = template_text(helper.template)
            if helper.separator is None:
                # ``"{}/v1/streaming.{}"``: the template is the text up to ``streaming.``
                old_text = old_text[: old_text.rfind("streaming.") + len("streaming.")]
            # The host moves with the path: the template is the whole URL's start.
            if helper.separator is not None:
                # ``HEYGEN = ".../v1/streaming"`` and ``f"{HEYGEN}.{path}"``: both halves move.
                new_text = old_text[: -len("streaming")] + "sessions"
                edit_literal(ctx, helper.separator, ".", "/")
            else:
                # ``.../streaming.`` before the action, or ``.../streaming.{}`` of a
                # ``str.format`` template: the last ``streaming.`` is the path's.
                head, _, tail = old_text.rpartition("streaming.")
                new_text = head + "sessions/" + tail
            new_text = new_text.replace(HEYGEN_HOST, LIVEAVATAR_HOST)
            if edit_literal(ctx, helper.template, old_text, new_text):
                keeps = {c.key for c in helper.calls} | helper.remote_keys
                kept = "keep-alive, stop" if keeps & REST_KEYS else "the token call"
                ctx.fixed(
                    helper.template,
                    f"`{old_text}` becomes `{new_text}`: the calls that keep this helper "
                    f"({kept}) live under `/v1/sessions/`",
                )
    mark_unsupported(ctx)


def _moves(ctx: RuleContext, helper: DispatchHelper) -> bool:
    """Does the helper's path move to ``/v1/sessions/`` (every call of it is a keep-alive or
    stop call, or migrated where it stands, and one of them keeps it: a keep-alive, a stop,
    or a new call become the token call)?"""
    if helper.function is None:
        # Defined in another module, which moves its path by what the project's calls name
        # (``remote_keys``): its calls here follow that decision (one it cannot migrate is
        # marked on its own).
        return helper.remote_keys_migrate and any(key in KEPT_KEYS for key in helper.remote_keys)
    supported = all(
        c.key in REST_KEYS or c.key in CONTROL_EVENTS or _handled(ctx, c) for c in helper.calls
    )
    if helper.remote_keys and not helper.remote_keys_migrate:
        return False  # another module's calls name an endpoint only a person can move
    keys = {c.key for c in helper.calls if c.key in REST_KEYS or _handled(ctx, c)}
    return supported and any(key in KEPT_KEYS for key in keys | helper.remote_keys)


def mark_unsupported(ctx: RuleContext) -> None:
    """Calls naming an endpoint the helper cannot reach on LiveAvatar, or none it can tell."""
    for helper in _helpers(ctx):
        unsupported = [
            c
            for c in helper.calls
            if c.key not in REST_KEYS
            and c.key not in CONTROL_EVENTS
            and not _handled(ctx, c)
            and not _liveavatar_action(c)
        ]
        for call in helper.calls:
            if ("marked", id(call.call.node)) in _done(ctx):
                continue
            if call in unsupported:
                named = f"`streaming.{call.key}`" if call.key else "an endpoint its caller chooses"
                message = (
                    f"`{_name(helper)}(...)` builds the URL of {named} at run time and "
                    "LiveAvatar has no such path (tasks are `liveavatar_bridge.emit` events, "
                    "new/start became the token call): migrate this call by hand"
                )
            elif unsupported and call.key in REST_KEYS and not _moves(ctx, helper):
                # The helper keeps HeyGen's ``streaming.{action}`` for the calls above.
                message = (
                    f"`{_name(helper)}(...)` still builds HeyGen's `streaming.{call.key}` (other "
                    "calls of it cannot move): send this one to "
                    f"`{STREAMING_ENDPOINTS[call.key].liveavatar_path}`"
                )
            elif (
                unsupported
                and (call.key == "new" or _liveavatar_action(call))
                and not _moves(ctx, helper)
            ):
                # The token call (formerly new) goes through the helper too, whose path stays
                # HeyGen's ``streaming.{action}`` for the calls above.
                message = (
                    f"`{_name(helper)}(...)` still builds HeyGen's `streaming.` path (other "
                    "calls of it cannot move): send this token call to `/v1/sessions/token`"
                )
            else:
                continue
            _done(ctx).add(("marked", id(call.call.node)))
            # Whichever rule comes first here marks the call (H2L102 where a start call is
            # removed, H2L103 where a stop moves...): a marker an earlier run put keeps its
            # code, so that a second run finds it and adds no twin under another code.
            own = ctx.rule_code
            statement = ctx.statement_of(call.call.node)
            earlier = marker_code_above(ctx.module, statement, message) if statement else None
            ctx.rule_code = earlier or own
            try:
                ctx.manual(call.call.node, message)
            finally:
                ctx.rule_code = own


def _liveavatar_action(call: DispatchCall) -> bool:
    """``_call("token", ...)``: an action only LiveAvatar has, written by an earlier run (the
    new call become the token call), not an endpoint a caller chooses."""
    action = string_value(call.action) if call.action is not None else None
    return action in _LIVEAVATAR_ACTIONS


_LIVEAVATAR_ACTIONS = frozenset({"token", "keep-alive"})


__all__ = [
    "dispatch_new_requests",
    "dispatch_opens",
    "dispatch_stop_requests",
    "dispatch_task_requests",
    "mark_unsupported",
    "remove_dispatch_starts",
    "rewrite_dispatch_events",
    "rewrite_dispatch_paths",
    "start_dispatched_session",
]
