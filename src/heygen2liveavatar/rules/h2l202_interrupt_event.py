"""H2L202: ``streaming.interrupt`` becomes the ``avatar.interrupt`` event."""

from __future__ import annotations

from ..apispec import CONTROL_EVENTS
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .control_events import rewrite_control_events
from .dispatch_calls import rewrite_dispatch_events


class InterruptEventRule(Rule):
    code = "H2L202"
    name = "interrupt-event"
    summary = "`streaming.interrupt` becomes the `avatar.interrupt` event (never `/sessions/stop`)."
    fix = FIX_UNSAFE
    description = """
HeyGen's `POST /v1/streaming.interrupt {session_id}` stopped what the avatar was saying. LiveAvatar
has no REST endpoint for it: in FULL mode the same command is the `avatar.interrupt` event,
published on the session's LiveKit room (topic `agent-control`). The rule replaces the request
call by `liveavatar_bridge.emit(session_id, "avatar.interrupt")` (`emit_async` where the call was
awaited, entered with `async with`, or made inside `async def`). `emit` returns the event id and
raises `LiveAvatarError` on failure, so the HeyGen response handling around the call is dropped
(`raise_for_status()`, status checks, `.json()`, `async with ... as resp:`) and any other use of
the old response is marked (see H2L201). The helper module is written once per import root; it
joins the session's room on first use.

Do not map an interrupt to `POST /v1/sessions/stop`, as some hand migrations did: that ends the
session.

The fix is unsafe because the event goes through the room of a session the helper knows: H2L101
starts it with `liveavatar_bridge.start_session` (any worker process of the machine finds it in the
helper's store); code that received the session from elsewhere passes its start response to
`liveavatar_bridge.remember_session` itself. A call whose session id cannot be found is left in
place with a TODO marker, and a URL constant that only served replaced calls is deleted
(marked for deletion when another file may import it).
"""
    example_before = """
import requests

def interrupt(session_id):
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.interrupt",
        json={"session_id": session_id},
        headers={"x-api-key": API_KEY},
    )
    resp.raise_for_status()
"""
    example_after = """
import liveavatar_bridge

def interrupt(session_id):
    liveavatar_bridge.emit(
        session_id,
        "avatar.interrupt",
    )
"""

    def check(self, ctx: RuleContext) -> None:
        events = {"interrupt": CONTROL_EVENTS["interrupt"]}
        rewrite_control_events(ctx, events)
        rewrite_dispatch_events(ctx, events)
