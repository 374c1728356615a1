"""H2L203: ``streaming.start_listening`` / ``stop_listening`` become listening events."""

from __future__ import annotations

from ..apispec import CONTROL_EVENTS
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .control_events import rewrite_control_events
from .dispatch_calls import rewrite_dispatch_events


class ListeningEventsRule(Rule):
    code = "H2L203"
    name = "listening-events"
    summary = (
        "`streaming.start_listening` / `stop_listening` become the `avatar.start_listening` / "
        "`avatar.stop_listening` events."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen's `POST /v1/streaming.start_listening` and `/v1/streaming.stop_listening` (`{session_id}`)
switched the avatar's listening state. LiveAvatar has no REST endpoint for them: in FULL mode they
are the `avatar.start_listening` and `avatar.stop_listening` events, published on the session's
LiveKit room (topic `agent-control`). The rule replaces each request call by
`liveavatar_bridge.emit(session_id, "avatar.start_listening")` (`emit_async` where the call was
awaited, entered with `async with`, or made inside `async def`). `emit` returns the event id and
raises `LiveAvatarError` on failure, so the HeyGen response handling around the call is dropped
and any other use of the old response is marked (see H2L201). The helper module is written once
per import root.

In LITE mode the equivalent messages are `agent.start_listening` / `agent.stop_listening` on the
session's WebSocket; code that already sends those is left alone.

The fix is unsafe because the event goes through the room of a session the helper knows (started
with `liveavatar_bridge.start_session` by H2L101, found by any worker process of the machine in the
helper's store). A call whose session id cannot be found is left in place with a TODO marker.
"""
    example_before = """
import httpx

async def listen(client: httpx.AsyncClient, session_id: str) -> None:
    await client.post("/v1/streaming.start_listening", json={"session_id": session_id})
"""
    example_after = """
import httpx
import liveavatar_bridge

async def listen(client: httpx.AsyncClient, session_id: str) -> None:
    await liveavatar_bridge.emit_async(session_id, "avatar.start_listening")
"""

    def check(self, ctx: RuleContext) -> None:
        events = {key: CONTROL_EVENTS[key] for key in ("start_listening", "stop_listening")}
        rewrite_control_events(ctx, events)
        rewrite_dispatch_events(ctx, events)
