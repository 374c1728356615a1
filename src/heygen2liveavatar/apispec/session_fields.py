"""Session-lifecycle facts: the ``streaming.new`` body map, response fields, success codes.

Plain data for rules H2L101 (session token), H2L102 (session start), H2L404 (response
fields) and H2L405 (success checks). Sources: ``api-reference.md`` sections 1.3, 1.4, 3.1-3.4,
5.2-5.4 and 6.1/6.2. The older flat names in :mod:`heygen2liveavatar.apispec`
(``RESPONSE_FIELD_RENAMES``, ``NEW_SESSION_*``...) stay importable there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import HEYGEN_DEFAULT_VIDEO_ENCODING

MODE_FULL = "FULL"
MODE_LITE = "LITE"

# --- streaming.new body -> /v1/sessions/token body (5.2) ----------------------------------

# Where a field lands, as a path in the new body. Fields sharing a first component are
# grouped into one nested dict (``video_settings``, ``avatar_persona``).
AVATAR_ID = ("avatar_id",)
VIDEO_QUALITY = ("video_settings", "quality")
VIDEO_ENCODING = ("video_settings", "encoding")
PERSONA_VOICE_ID = ("avatar_persona", "voice_id")
PERSONA_CONTEXT_ID = ("avatar_persona", "context_id")
PERSONA_LANGUAGE = ("avatar_persona", "language")
PERSONA_VOICE_SETTINGS = ("avatar_persona", "voice_settings")
PERSONA_STT_PROVIDER = ("avatar_persona", "stt_config", "provider")

# Top-level HeyGen fields moved or renamed as they are.
NEW_BODY_MOVES: dict[str, tuple[str, ...]] = {
    "avatar_id": AVATAR_ID,
    "avatar_name": AVATAR_ID,  # the older alias the JS SDK still sends
    "avatarName": AVATAR_ID,
    "quality": VIDEO_QUALITY,
    "video_encoding": VIDEO_ENCODING,
    "knowledge_base_id": PERSONA_CONTEXT_ID,  # docs and SDK
    "knowledge_id": PERSONA_CONTEXT_ID,  # pipecat
    "language": PERSONA_LANGUAGE,
}

# A language code with a region (``pt-BR``, ``zh_Hant``, ``es-419``): LiveAvatar takes the
# ISO-639 code alone (``pt``).
REGION_LANGUAGE = re.compile(r"^(?P<base>[a-z]{2,3})[-_](?:[A-Za-z]{2}|\d{3}|[A-Za-z]{4})$")

# Fields that only make sense with LiveAvatar's own voice/LLM/STT (FULL mode); in LITE
# mode the caller sends its own audio, so they are dropped with a warning (5.4).
FULL_ONLY_FIELDS = frozenset(
    {"voice", "knowledge_base_id", "knowledge_id", "knowledge_base", "stt_settings", "language"}
)

# Fields whose value is an id that does not carry over: the LiveAvatar copy of an avatar
# or knowledge base has a new UUID, and voices are not migrated at all (6.11).
ID_FIELD_NOTES: dict[str, str] = {
    "avatar_id": "the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)",
    "avatar_name": "the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)",
    "avatarName": "the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)",
    "voice_id": "voices are not migrated: pick a LiveAvatar voice UUID (GET /v1/voices)",
    "knowledge_base_id": "the knowledge base was copied into a LiveAvatar Context with a new UUID",
    "knowledge_id": "the knowledge base was copied into a LiveAvatar Context with a new UUID",
}

# Dropped without a word: SDK internals and the API version switch.
NEW_BODY_DROPPED_SILENTLY = frozenset(
    {"version", "source", "ia_is_livekit_transport", "silence_response"}
)

IDLE_TIMEOUT_NOTE = (
    "LiveAvatar's idle timeout is a fixed 5 minutes; send keep-alive every 2-3 minutes"
)
# HeyGen's switch off of its idle timeout: sent ``False`` it changed nothing LiveAvatar does.
IDLE_TIMEOUT_SWITCH = "disable_idle_timeout"
# Dropped, with the reason a person has to act on.
NEW_BODY_DROPPED_WITH_NOTE: dict[str, str] = {
    "disable_idle_timeout": IDLE_TIMEOUT_NOTE,
    "activity_idle_timeout": IDLE_TIMEOUT_NOTE
    + " (`max_session_duration` caps the whole session, it is not an idle timeout)",
    "livekit_settings": (
        "bring-your-own LiveKit is `livekit_config{livekit_url, livekit_room, "
        "livekit_client_token}`, LITE mode only"
    ),
    "knowledge_base": (
        "LiveAvatar takes no inline prompt: create a Context (POST /v1/contexts "
        "{name, prompt, opening_text}) and send its id as `avatar_persona.context_id`"
    ),
}

# Keys whose ``payload["key"] = value`` lines are removed: their markers go on the request.
NEW_BODY_DROPPED = frozenset(NEW_BODY_DROPPED_SILENTLY | set(NEW_BODY_DROPPED_WITH_NOTE))

# The two HeyGen sub-objects mapped entry by entry (a ``voice = {}`` filled apart included).
VOICE_FIELD = "voice"
STT_SETTINGS_FIELD = "stt_settings"

# ``voice`` sub-fields.
VOICE_ID_FIELD = "voice_id"
VOICE_RATE_FIELD = "rate"
VOICE_EMOTION_FIELD = "emotion"
VOICE_ELEVENLABS_FIELD = "elevenlabs_settings"
VOICE_MODEL_FIELD = "model"  # the JS SDK's name for elevenlabs_settings.model_id
VOICE_SPEED_FIELD = "speed"
VOICE_SPEED_RANGE = (0.8, 1.2)
VOICE_EMOTION_NOTE = "LiveAvatar voices have no emotion setting"
ELEVENLABS_PROVIDER = ("provider", "elevenLabs")
# elevenlabs_settings sub-field -> voice_settings sub-field.
ELEVENLABS_SETTINGS_MOVES: dict[str, str] = {
    "stability": "stability",
    "similarity_boost": "similarity_boost",
    "style": "style",
    "use_speaker_boost": "use_speaker_boost",
    "model_id": "model",
    "model": "model",
}

# ``stt_settings`` sub-fields.
STT_PROVIDER_FIELD = "provider"
STT_CONFIDENCE_NOTE = "LiveAvatar's STT config has no confidence threshold"

# Keys that mark a body as already in LiveAvatar's shape (nothing to map).
LIVEAVATAR_BODY_KEYS = frozenset(
    {"mode", "video_settings", "avatar_persona", "voice_agent", "is_sandbox"}
)

DEFAULT_VIDEO_ENCODING = HEYGEN_DEFAULT_VIDEO_ENCODING
"""HeyGen defaulted to VP8, LiveAvatar to H264: emit VP8 when the HeyGen body had none."""

TOKEN_BODY_ORDER = ("mode", AVATAR_ID[0], VIDEO_ENCODING[0], PERSONA_VOICE_ID[0])
"""The order LiveAvatar's docs write a token body in; other keys keep their order after."""

AVATAR_ID_SETTING = "LIVEAVATAR_AVATAR_ID"
"""The environment variable a token route reads when the project configures no avatar."""

# --- Mode choice (5.4) ---------------------------------------------------------------------

# A module that reads the realtime WebSocket endpoint or sends these LITE/realtime
# WebSocket messages produces its own audio: its session is LITE, not FULL.
LITE_RESPONSE_FIELDS = frozenset({"realtime_endpoint"})
OWN_AUDIO_MESSAGES = frozenset(
    {
        "agent.speak",
        "agent.speak_end",
        "agent.audio_buffer_append",
        "agent.audio_buffer_commit",
        "agent.audio_buffer_clear",
    }
)

CHAT_TASK_TYPES = frozenset({"chat", "talk"})
"""Task types that asked HeyGen's LLM for a response (``avatar.speak_response`` now)."""
CONTEXT_ID_FIELDS = frozenset({"knowledge_base_id", "knowledge_id", "context_id"})

# --- Responses (5.3) ------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseField:
    """A field the HeyGen code reads from a session-lifecycle response."""

    heygen: str
    liveavatar: str | None
    """``None``: no successor."""
    from_start: bool = False
    """In LiveAvatar the value comes from ``/v1/sessions/start``, not the token call."""
    note: str = ""


_FIELDS = (
    ResponseField("token", "session_token"),
    ResponseField("url", "livekit_url", from_start=True),
    ResponseField("access_token", "livekit_client_token", from_start=True),
    ResponseField("livekit_agent_token", "livekit_agent_token", from_start=True),
    ResponseField("realtime_endpoint", "ws_url", from_start=True),
    ResponseField("session_duration_limit", "max_session_duration", from_start=True),
    ResponseField("is_paid", None, note="LiveAvatar responses have no `is_paid`"),
    ResponseField("sdp", None, note="LiveAvatar is LiveKit-only: there is no SDP offer"),
    ResponseField("ice_servers", None, note="LiveAvatar is LiveKit-only: there are no ICE servers"),
    ResponseField(
        "ice_servers2", None, note="LiveAvatar is LiveKit-only: there are no ICE servers"
    ),
    ResponseField(
        "task_id",
        None,
        note="tasks became events: correlate by the event's `event_id` / `source_event_id`",
    ),
    ResponseField(
        "duration_ms",
        None,
        note="tasks became events: wait for `avatar.speak_ended` instead of a duration",
    ),
)
RESPONSE_FIELDS: dict[str, ResponseField] = {field.heygen: field for field in _FIELDS}

# Which response each field is read from, by endpoint key (1.2, 1.4).
RESPONSE_TYPE_KEYWORDS = frozenset({"response_type", "response_model", "response_class"})
"""Keywords by which a generic request helper (an OpenAPI-generated ``call_api``) is told the
model to parse its response into."""
RESPONSE_TYPES_MAP_NAMES = frozenset({"response_types_map", "_response_types_map"})
"""The dict of models by status code (``{"200": "NewSessionResponse"}``) that OpenAPI Generator
7 builds as ``_response_types_map`` and hands ``response_deserialize(response_types_map=...)``."""

RESPONSE_FIELDS_BY_ENDPOINT: dict[str, frozenset[str]] = {
    "create_token": frozenset({"token"}),
    "new": frozenset(
        {
            "url",
            "access_token",
            "livekit_agent_token",
            "realtime_endpoint",
            "session_duration_limit",
            "is_paid",
            "sdp",
            "ice_servers",
            "ice_servers2",
        }
    ),
    "task": frozenset({"task_id", "duration_ms"}),
}

ENVELOPE_DATA_KEY = "data"
SESSION_ID_FIELD = "session_id"

# --- Success checks (6.1, 6.2) ------------------------------------------------------------

ENVELOPE_CODE_KEY = "code"
ENVELOPE_MESSAGE_KEY = "message"
HEYGEN_SUCCESS_MESSAGE = "success"
"""HeyGen's envelope said ``"message": "success"``; LiveAvatar's message text is not documented."""
HEYGEN_SUCCESS_CODES = frozenset({100})
HEYGEN_SUCCESS_CODE_STRINGS = frozenset({"100", "SUCCESS"})
LIVEAVATAR_SUCCESS_CODES = (100, 1000)
"""LiveAvatar's success ``code``: 100 in its API reference, 1000 in its web SDK (6.2). An
envelope check that cannot become an HTTP status check accepts both."""
START_SUCCESS_STATUS = 201
"""``POST /v1/sessions/start`` answers 201 Created, not 200."""

# --- The helper module the migrated code calls --------------------------------------------

BRIDGE_MODULE = "liveavatar_bridge"
BRIDGE_REMEMBER = "remember_session"
BRIDGE_BEARER_HEADERS = "bearer_headers"
BRIDGE_START = "start_session"
BRIDGE_STARTED = "started_session"
"""The token response parsed again after ``start_session``: the session it started."""
BRIDGE_START_ERROR = "error"
"""``start_session``'s keyword naming the project's exception class a failed start raises."""
BRIDGE_START_ASYNC = "start_session_async"
BRIDGE_STARTED_RESPONSE = "started_response"
"""The token call's HTTP response with its session started, for a helper that parses it."""
BRIDGE_HEYGEN_NAMES = "with_heygen_names"
BRIDGE_LIVEAVATAR_URL = "liveavatar_url"
"""Moves a configured base URL (a YAML value, a secret) from HeyGen's host when the code runs."""
"""Adds HeyGen's names to a started session's response, for a model the tool cannot rebuild."""
BRIDGE_SESSION_BODY = "session_body"
"""Maps a HeyGen ``streaming.new`` body the tool cannot see (a model dump, a parameter) at run time."""
BRIDGE_RELEASE = "release"
BRIDGE_RELEASE_ASYNC = "release_async"
WEB_SDK_PACKAGE = "@heygen/liveavatar-web-sdk"
HEYGEN_STARTED_ENVELOPE = '{"code": 100, "message": "success", "data": None}'
"""HeyGen's answer to a successful ``streaming.start`` (``data`` null), as Python source: what
code that checked it gets once the session is started with its token."""
