"""H2L201: ``streaming.task`` becomes the ``avatar.speak_text`` / ``avatar.speak_response`` event."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis.event_calls import PayloadView, prepare
from ..analysis.http import RequestSite
from ..analysis.index import walk_nodes
from ..analysis.payloads import constant_dict
from ..apispec import DEFAULT_TASK_TYPE, TASK_TYPE_EVENTS
from ..apispec.events import (
    BRIDGE_SPEAK_EVENT_TYPE,
    SESSION_ID_FIELD,
    SPEAK_ENDED_EVENT,
    SYNC_TASK_MODE,
    TASK_FIELDS_DROPPED,
    TASK_MODE_FIELD,
    TASK_TEXT_FIELD,
    TASK_TYPE_FIELD,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .control_events import (
    cannot_rewrite,
    constant,
    leftover_url_message,
    mark_leftover_urls,
    quoted,
)
from .dead_url_constants import remove_dead_dict_constant
from .dispatch_calls import dispatch_task_requests
from .event_emission import emit_event, event_requests

_SPEAK_EVENTS = "`avatar.speak_text`/`avatar.speak_response`"
_KNOWN_FIELDS = frozenset(
    {SESSION_ID_FIELD, TASK_TEXT_FIELD, TASK_TYPE_FIELD, *TASK_FIELDS_DROPPED}
)

EventType = Callable[[str], cst.BaseExpression]

_SYNC_MESSAGE = (
    f'`task_mode` "{SYNC_TASK_MODE}" waited until the avatar had spoken; the event returns at '
    f"once: wait for `{SPEAK_ENDED_EVENT}` (topic `agent-response`) before what follows relies "
    "on the speech being over (a stop would cut it off)"
)


class SpeakEventsRule(Rule):
    code = "H2L201"
    name = "speak-events"
    summary = (
        "`streaming.task` becomes the `avatar.speak_text` (repeat) or `avatar.speak_response` "
        "(chat/talk) event."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen's `POST /v1/streaming.task {session_id, text, task_type, task_mode}` made the avatar speak:
`task_type` `repeat` (the default) said the text verbatim, `chat` (the docs) or `talk` (the SDK)
sent it to the knowledge-base LLM. LiveAvatar has no REST endpoint for it: in FULL mode these are
the `avatar.speak_text` and `avatar.speak_response` events, published with `{text}` on the
session's LiveKit room (topic `agent-control`).

The rule replaces the request call by `liveavatar_bridge.emit(session_id, event_type, text=text)`
(`emit_async` where the call was awaited, entered with `async with`, or made inside `async def`).
The event type is written out when `task_type` is a literal; when it is a variable or parameter,
`liveavatar_bridge.speak_event_type(task_type)` chooses it at run time. `task_mode` is dropped:
publishing an event does not wait for the avatar to finish speaking, whatever the mode was; where
it was explicitly `"sync"` (the code waited for the speech) the call is marked: wait for
`avatar.speak_ended` before what follows.
Fields are read from the payload dict wherever it was built (inline, a variable filled over several
statements, `data=json.dumps(...)`, a wrapper such as `self._request("/streaming.task", payload)`).

`emit` returns the id of the event it published and raises `LiveAvatarError` when it could not,
so the HeyGen response handling around the call is dropped: `raise_for_status()`, status checks
that can no longer fail (`if resp.status_code != 200: ...` goes, `return resp.ok` becomes
`return True`), `.json()`, and `async with ... as resp:` blocks (their body stays). A read of the
task's `task_id` becomes the event id (the avatar's `avatar.speak_started` / `avatar.speak_ended`
carry it as `source_event_id`); a read of `duration_ms` is marked (wait for `avatar.speak_ended`);
any other use of the old response, and a function that returned it, is marked. The helper module
is written once per import root (see the README); it joins the session's room on first use.
A call made through a project wrapper that also calls the project's own code on every request
(`self._rearm()` after sending) no longer goes through it: those calls are made where the event
is sent (before a `return`), or marked when they read the wrapper's own variables.

The fix is unsafe because the event goes through the room of a session the helper knows (started
with `liveavatar_bridge.start_session`, which H2L101 inserts, or remembered with
`liveavatar_bridge.remember_session`; another worker process finds it in the helper's store), and
because text can no longer be spoken in LITE mode (bring your own TTS and send `agent.speak`).
A call whose session id or text cannot be found, or whose `task_type` is an unknown literal, is
left in place with a TODO marker; a URL constant that only served replaced calls is deleted
(marked for deletion when another file may import it).
"""
    example_before = """
import requests

TASK_URL = "https://api.heygen.com/v1/streaming.task"

def say(session_id, text, task_type="repeat"):
    payload = {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"}
    resp = requests.post(TASK_URL, json=payload, headers={"x-api-key": API_KEY})
    resp.raise_for_status()
    return resp.json()["data"]["task_id"]
"""
    example_after = """
import liveavatar_bridge

def say(session_id, text, task_type="repeat"):
    payload = {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"}
    # TODO(heygen2liveavatar): H2L201 `task_mode` "sync" waited until the avatar had spoken; the event returns at once: wait for `avatar.speak_ended` (topic `agent-response`) before what follows relies on the speech being over (a stop would cut it off)
    resp = liveavatar_bridge.emit(
        payload["session_id"],
        liveavatar_bridge.speak_event_type(payload["task_type"]),
        text=payload["text"],
    )
    return resp
"""

    def check(self, ctx: RuleContext) -> None:
        handled: set[int] = set()
        replaced: list[RequestSite] = []
        for request in event_requests(ctx, ("task",)):
            if self._rewrite(ctx, request):
                handled.add(id(request.node))
                replaced.append(request)
        for request in dispatch_task_requests(ctx):
            self._rewrite(ctx, request)
        mark_leftover_urls(ctx, "task", handled, leftover_url_message("task"))
        _remove_merged_defaults(ctx, replaced, handled)

    def _rewrite(self, ctx: RuleContext, request: RequestSite) -> bool:
        """Replace one task request; False when it stays (marked, or suppressed)."""
        prepared = prepare(ctx.index, request, ctx.filename)
        if isinstance(prepared, str):
            ctx.manual(request.node, cannot_rewrite("task", _SPEAK_EVENTS, prepared))
            return False
        view = prepared.payload
        if view is None:
            reason = "the task payload is not a dict visible here"
            ctx.manual(request.node, cannot_rewrite("task", _SPEAK_EVENTS, reason))
            return False
        session_id = view.value(SESSION_ID_FIELD)
        text = view.value(TASK_TEXT_FIELD)
        if session_id is None or text is None:
            missing = [
                f"`{name}`"
                for name, value in ((SESSION_ID_FIELD, session_id), (TASK_TEXT_FIELD, text))
                if value is None
            ]
            reason = f"the {' and '.join(missing)} this call sends is not visible here"
            ctx.manual(request.node, cannot_rewrite("task", _SPEAK_EVENTS, reason))
            return False
        choice = _event_type(view)
        if isinstance(choice, str):
            ctx.manual(request.node, cannot_rewrite("task", _SPEAK_EVENTS, choice))
            return False
        event_type, described = choice
        dropped = [name for name in TASK_FIELDS_DROPPED if view.has(name)]
        message = f"`streaming.task` becomes {described}, sent with {{emit}}"
        if dropped:
            message += f" (`{'`, `'.join(dropped)}` dropped: events do not wait for the speech)"
        if not emit_event(ctx, prepared, session_id, event_type, [("text", text)], message):
            return False
        mode = view.literal(TASK_MODE_FIELD)
        if mode is not None and mode.lower() == SYNC_TASK_MODE:
            ctx.manual(request.node, _SYNC_MESSAGE)
        extra = sorted(view.keys() - _KNOWN_FIELDS)
        if extra:
            fields = ", ".join(f"`{name}`" for name in extra)
            ctx.manual(
                request.node,
                f"speak events carry only `text`: {fields} is no longer sent",
            )
        return True


def _event_type(view: PayloadView) -> tuple[EventType, str] | str:
    """How the event type is written, and how the fix describes it (or why it cannot be)."""
    literal = view.literal(TASK_TYPE_FIELD)
    if literal is None and view.has(TASK_TYPE_FIELD) is False:
        literal = DEFAULT_TASK_TYPE
    if literal is not None:
        event = TASK_TYPE_EVENTS.get(literal.lower())
        if event is None:
            known = ", ".join(f"`{name}`" for name in TASK_TYPE_EVENTS)
            return f"task_type `{literal}` is none of {known}"
        return constant(quoted(event, view.node)), f"the `{event}` event (task_type `{literal}`)"
    value = view.optional_value(TASK_TYPE_FIELD)
    if value is None:
        return "the `task_type` this call sends is not visible here"

    def choose(bridge: str) -> cst.BaseExpression:
        return cst.Call(
            func=cst.Attribute(cst.Name(bridge), cst.Name(BRIDGE_SPEAK_EVENT_TYPE)),
            args=[cst.Arg(value)],
        )

    return choose, f"{_SPEAK_EVENTS}, chosen from `task_type` at run time"


def _remove_merged_defaults(
    ctx: RuleContext, replaced: list[RequestSite], handled: set[int]
) -> None:
    """Module dicts of task fields merged into the bodies of ``replaced`` task requests
    (``TASK_DEFAULTS | {...}``): deleted once nothing else reads them."""
    seen: set[str] = set()
    for request in replaced:
        if request.payload is None:
            continue
        context = request.call.context
        for node in walk_nodes(request.payload.value):
            if type(node) is not cst.Name or node.value in seen or not _merged(ctx, node):
                continue
            if constant_dict(node, ctx.index, context) is not None:
                seen.add(node.value)
                remove_dead_dict_constant(ctx, node, handled)


def _merged(ctx: RuleContext, name: cst.Name) -> bool:
    """``NAME | {...}``, ``{**NAME, ...}`` or ``dict(NAME, ...)``: the dict merged as a whole
    (its fields are read into the event statically); a name read for one value
    (``MODES[mode]``) may live on in the event's code."""
    parent = ctx.index.parent_of(name)
    if isinstance(parent, cst.BinaryOperation):
        return isinstance(parent.operator, cst.BitOr)
    if isinstance(parent, cst.StarredDictElement):
        return True
    call = ctx.index.parent_of(parent) if isinstance(parent, cst.Arg) else None
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Name)
        and call.func.value == "dict"
        and call.args[0] is parent
        and parent.keyword is None
        and not parent.star
    )
