"""In-session events: what HeyGen's task/interrupt/listening calls become, and how they are sent.

HeyGen's ``streaming.task``, ``streaming.interrupt`` and ``streaming.start_listening`` /
``stop_listening`` REST calls have no REST successor. In LiveAvatar FULL mode they are events
published on the LiveKit data channel (api-reference 4.1, 4.3, 5.1); migrated code sends them
through the helper module the tool writes beside it (``templates/liveavatar_bridge.py``). The
event names themselves are ``TASK_TYPE_EVENTS`` and ``CONTROL_EVENTS`` in ``apispec``.
"""

from __future__ import annotations

BRIDGE_MODULE = "liveavatar_bridge"
"""Helper module written beside migrated files (``templates/liveavatar_bridge.py``)."""
LIVEKIT_PACKAGE = "livekit"
"""The distribution the helper needs to send events (``livekit.rtc``)."""
BRIDGE_EMIT = "emit"
BRIDGE_TASK_RESPONSE = "heygen_response"
"""The helper's HeyGen-shaped task response (``data.task_id`` = the event id) for code that reads it."""
BRIDGE_EMIT_ASYNC = "emit_async"
BRIDGE_HTTP_RESPONSE = "heygen_http_response"
"""HeyGen's answer as a successful HTTP response, for a helper that checks and parses responses."""
BRIDGE_ERROR = "error"
"""``emit``'s keyword naming the project's exception class a failed event raises."""
BRIDGE_SPEAK_EVENT_TYPE = "speak_event_type"
"""``speak_event_type(task_type)``: the event for a task type known only at run time."""

SESSION_ID_FIELD = "session_id"
TASK_TEXT_FIELD = "text"
TASK_TYPE_FIELD = "task_type"
TASK_FIELDS_DROPPED: tuple[str, ...] = ("task_mode",)
"""Task request fields with no event counterpart; dropping them changes nothing LiveAvatar sees."""
TASK_MODE_FIELD = "task_mode"
SYNC_TASK_MODE = "sync"
"""``task_mode: "sync"``: HeyGen answered the task once the avatar had spoken it; an event is
sent at once, so code after it that relied on the wait (a stop) now runs during the speech."""
SPEAK_ENDED_EVENT = "avatar.speak_ended"
"""Received on topic ``agent-response`` when the avatar has finished speaking."""
TASK_RESPONSE_FIELDS: tuple[str, ...] = ("task_id", "duration_ms")
"""``streaming.task`` response fields that events do not return (api-reference 5.3)."""

TASK_ID_FIELD = "task_id"
"""HeyGen's id of a task: its successor is the id of the event ``emit`` returns."""
TASK_DURATION_FIELD = "duration_ms"
"""How long HeyGen said the avatar would speak: no successor; ``avatar.speak_ended`` tells."""
ENVELOPE_DATA = "data"
RESPONSE_PARSERS = frozenset({"json"})
"""Methods of a response object that parse its body."""
RESPONSE_RAISERS = frozenset({"raise_for_status"})
# Give the connection back (aiohttp's ``resp.release()``, ``close()``, httpx's ``aclose()``).
RESPONSE_RELEASERS = frozenset({"release", "close", "aclose"})
"""Methods of a response object that raise on an HTTP error (``emit`` raises itself now)."""
RESPONSE_STATUS_ATTRIBUTES = frozenset({"status_code", "status", "ok", "is_success", "is_error"})
# httpx's ``resp.is_error``: true when the request failed (the others are true on success)
RESPONSE_FAILURE_ATTRIBUTES = frozenset({"is_error"})

# --- HeyGen's alpha realtime WebSocket -> LiveAvatar's LITE WebSocket (api-reference 4.2, 4.4)
REALTIME_MESSAGE_RENAMES = {
    "agent.audio_buffer_append": "agent.speak",
    "agent.audio_buffer_commit": "agent.speak_end",
    "agent.audio_buffer_clear": "agent.interrupt",
    "agent.end_listening": "agent.stop_listening",
}
"""Old realtime message types and their LiveAvatar LITE successors (same ``type`` key)."""
LITE_CONTROL_MESSAGES = {
    "interrupt": "agent.interrupt",
    "start_listening": "agent.start_listening",
    "stop_listening": "agent.stop_listening",
}
"""HeyGen's REST control calls -> the LITE WebSocket message that does it (section 4.2): in a
LITE session an ``avatar.*`` room event is refused."""
AUDIO_FIELD = "audio"
