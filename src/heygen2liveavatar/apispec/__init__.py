"""HeyGen Streaming and LiveAvatar API facts as plain data.

Everything a rule needs to know about either API (paths, methods, field names, the
migration table) lives here, so that rules hold only transformation logic. Sources:
``../shared/docs/api-reference.md`` sections 1, 3 and 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._prefilter import PREFILTER_TOKENS as PREFILTER_TOKENS

HEYGEN_HOST = "api.heygen.com"
HEYGEN_BASE = "https://api.heygen.com"
LIVEAVATAR_HOST = "api.liveavatar.com"
LIVEAVATAR_BASE = "https://api.liveavatar.com"


# Paths of HeyGen's other APIs (video generation, voices, templates, assets, webhooks...),
# matched against lower-cased bytes to learn whether a project uses HeyGen beyond streaming.
OTHER_HEYGEN_API_TEXT = re.compile(
    r"video/generate|video_status|video\.list|video_translate|voice\.list|/v2/voices|/v2/avatars"
    r"|/v2/templates?|template\.list|/v1/asset|talking_photo|photo_avatar|personalized_video"
)
"""Paths of HeyGen's other APIs in a string literal (the key serving them is shared)."""
OTHER_HEYGEN_API_PATTERN = re.compile(
    rb"video/generate|video_status|video\.list|video_translate|voice\.list|/v2/voices|/v2/avatars"
    rb"|/v2/templates?|template\.list|/v1/asset|upload\.heygen|webhook|talking_photo|photo_avatar"
    rb"|remaining_quota|personalized_video"
)
# ``(?<![\w.])``: a name starts only where an identifier starts. Without it, every byte of
# a long identifier-like run (a base64 blob in a string) starts a scan to the end of the
# run, and the pre-filter pass over one 1 MB line takes hours.
_BASE_NAME = rb"(?:\{\s*(?P<fname>[A-Za-z_][\w.]*)\s*\}|(?<![\w.])(?P<cname>[A-Za-z_][\w.]*)\s*\+\s*[rRuUfF]*['\"]|urljoin\(\s*(?P<jname>[A-Za-z_][\w.]*)\s*,\s*[rRuUfF]*['\"])/*(?:v[12]/)?"
STREAMING_PATH_PATTERN = re.compile(
    rb"streaming[./](?:new|start|stop|task|create_token|keep_alive|list|interrupt|avatar|knowledge)"
)
# A dispatch helper's URL template, whose endpoint is the helper's argument
# (``f"{settings.BASE}/streaming.{action}"``, ``"%s/streaming.%s" % (base, op)``,
# ``"{}/streaming.{}".format(base, op)``), or a base ending in the streaming prefix that the
# helper completes (``HEYGEN = ".../v1/streaming"`` in ``f"{HEYGEN}.{action}"``,
# ``ROOT = ".../v1/streaming."`` in ``ROOT + action``): streaming usage with no endpoint name
# in sight.
STREAMING_DISPATCH_PATTERN = re.compile(
    rb"streaming[./](?:\{\s*[a-z_][\w.]*\s*\}|\{\d*\}|%s)|/streaming\.?['\"]"
)
# The same flow after migration (``f"{config.BASE_URL}/sessions/token"``): a module migrated
# by an earlier (partial) run still says which names are streaming bases and keys.
BASE_NAME_PATTERN = re.compile(
    _BASE_NAME
    + rb"(?:(?P<streaming>streaming[./])"
    + rb"|(?P<other>video|voice|template|asset|talking_photo|photo_avatar|webhook|user/remaining)"
    + rb"|(?P<liveavatar>sessions/(?:token|start|stop|keep-alive)\b))"
)
"""A name written in front of a path: of a streaming endpoint (group ``streaming``), of
HeyGen's other APIs (``other``) or, in a module migrated by an earlier (partial) run, of
LiveAvatar's session endpoints (``liveavatar``). One pattern, one pass over the file: the
three share their costly start."""
LIVEAVATAR_PATH_PATTERN = re.compile(rb"/sessions/(?:token|start|stop|keep-alive)\b")
# Whole-project session facts, read from the bytes of every candidate file (lower-cased).
OPENS_SESSION_PATTERN = re.compile(rb"streaming\.new\b")
SENDS_TEXT_PATTERN = re.compile(rb"streaming\.task\b")
SENDS_AUDIO_PATTERN = re.compile(
    rb"agent\.audio_buffer_append|agent\.speak_end|[\"']agent\.speak[\"']"
)
# A literal chat/talk task type, or one chosen at run time (``"task_type": kind``).
SENDS_CHAT_PATTERN = re.compile(rb"[\"'](?:chat|talk)[\"']|[\"']task_type[\"']\s*:\s*[A-Za-z_]")
LITERAL_CHAT_PATTERN = re.compile(rb"[\"'](?:chat|talk)[\"']")
"""The first half of :data:`SENDS_CHAT_PATTERN`: without it, the project facts follow the
run-time task types to their callers (``engine/task_type_facts.py``)."""


@dataclass(frozen=True)
class StreamingEndpoint:
    """One HeyGen Streaming API endpoint and its LiveAvatar successor."""

    key: str
    """Stable identifier used by rules, e.g. ``"stop"``."""
    method: str
    heygen_path: str
    """Canonical HeyGen path, including the version prefix."""
    liveavatar_method: str | None
    liveavatar_path: str | None
    """``None`` when the endpoint has no REST successor (tasks become events)."""
    rule: str
    """Code of the rule that migrates it."""


STREAMING_ENDPOINTS: dict[str, StreamingEndpoint] = {
    e.key: e
    for e in (
        StreamingEndpoint(
            "create_token",
            "POST",
            "/v1/streaming.create_token",
            "POST",
            "/v1/sessions/token",
            "H2L101",
        ),
        StreamingEndpoint(
            "new", "POST", "/v1/streaming.new", "POST", "/v1/sessions/token", "H2L101"
        ),
        StreamingEndpoint(
            "start", "POST", "/v1/streaming.start", "POST", "/v1/sessions/start", "H2L102"
        ),
        StreamingEndpoint(
            "stop", "POST", "/v1/streaming.stop", "POST", "/v1/sessions/stop", "H2L103"
        ),
        StreamingEndpoint(
            "keep_alive",
            "POST",
            "/v1/streaming.keep_alive",
            "POST",
            "/v1/sessions/keep-alive",
            "H2L104",
        ),
        StreamingEndpoint("ice", "POST", "/v1/streaming.ice", None, None, "H2L105"),
        StreamingEndpoint("task", "POST", "/v1/streaming.task", None, None, "H2L201"),
        StreamingEndpoint("interrupt", "POST", "/v1/streaming.interrupt", None, None, "H2L202"),
        StreamingEndpoint(
            "start_listening", "POST", "/v1/streaming.start_listening", None, None, "H2L203"
        ),
        StreamingEndpoint(
            "stop_listening", "POST", "/v1/streaming.stop_listening", None, None, "H2L203"
        ),
        StreamingEndpoint(
            "list_active", "GET", "/v1/streaming.list", "GET", "/v1/sessions?type=active", "H2L301"
        ),
        StreamingEndpoint(
            "list_historic",
            "GET",
            "/v2/streaming.list",
            "GET",
            "/v1/sessions?type=historic",
            "H2L301",
        ),
        StreamingEndpoint(
            "avatar_list", "GET", "/v1/streaming/avatar.list", "GET", "/v1/avatars/public", "H2L302"
        ),
        StreamingEndpoint(
            "knowledge_base", "*", "/v1/streaming/knowledge_base", "*", "/v1/contexts", "H2L303"
        ),
        StreamingEndpoint("ws_chat", "WS", "/v1/ws/streaming.chat", None, None, "H2L901"),
    )
}

# The path token as it appears in code, with an optional version prefix. ``keep-alive``
# is accepted because hand-migrated code spells it both ways.
_ENDPOINT_PATTERN = re.compile(
    r"(?P<version>/?v(?P<vnum>[12])/)?"
    r"(?P<token>"
    r"(?P<ws>ws/)?streaming\.(?P<op>create_token|new|start_listening|stop_listening|start|stop"
    r"|ice|task|interrupt|keep_alive|keep-alive|list|chat)(?![\w-]|\.\w)"
    r"|streaming/avatar\.list(?![\w-]|\.\w)"
    r"|streaming/knowledge_base(?P<kb>[\w/{}.-]*)"
    r")"
)


@dataclass(frozen=True)
class EndpointMatch:
    """Where a HeyGen streaming path sits inside a piece of literal text."""

    endpoint: StreamingEndpoint
    start: int
    """Offset of the match, including the version prefix when present."""
    end: int
    version: str | None
    """``"1"``, ``"2"`` or ``None`` when the text carries no version prefix."""
    leading_slash: bool
    kb_suffix: str
    """For knowledge-base paths: what follows ``knowledge_base`` (e.g. ``/list``)."""
    split: bool = False
    """Only the ``.new`` of ``f"{STREAMING}.new"``: the ``.../v1/streaming`` before it is a
    base in another literal (:func:`find_split_endpoint`), which becomes ``.../v1/sessions``."""
    split_dotted: bool = False
    """Split after the dot: the ``new`` of ``"v1/streaming." + "new"`` (a URL builder called
    with the operation); the base becomes ``v1/sessions/`` and ``new`` ``token``."""


SESSIONS_PREFIX = "/v1/sessions"
# ``https://api.heygen.com/v1/streaming`` (a base the operation is appended to) and the
# ``.new`` appended to it.
SPLIT_BASE = re.compile(r"(?:^|/)(?:v(?P<vnum>[12])/)?streaming(?P<dot>\.)?$")
_SPLIT_TAIL = re.compile(r"\.(?P<op>[a-z_-]+)(?![\w-]|\.\w)")
_SPLIT_DOTTED_TAIL = re.compile(r"(?P<op>[a-z_-]+)(?![\w-]|\.\w)")


def find_split_endpoint(base: str, tail: str) -> EndpointMatch | None:
    """The endpoint of ``base + tail`` when ``base`` ends with ``streaming`` and ``tail``
    starts with ``.op`` (or ``base`` ends with ``streaming.`` and ``tail`` with ``op``), for
    endpoints whose LiveAvatar path lies under ``/v1/sessions/`` or that become events; the
    match covers ``.op`` (``op``) in ``tail``."""
    head = SPLIT_BASE.search(base)
    dotted = head is not None and head.group("dot") is not None
    tail_match = (_SPLIT_DOTTED_TAIL if dotted else _SPLIT_TAIL).match(tail)
    if head is None or tail_match is None:
        return None
    version = head.group("vnum")
    operation = f".{tail_match.group(0)}" if dotted else tail_match.group(0)
    matches = find_endpoints(f"/v{version or 1}/streaming{operation}")
    if len(matches) != 1:
        return None
    endpoint = matches[0].endpoint
    path = endpoint.liveavatar_path
    if endpoint.key in ("list_active", "list_historic", "create_token") or not (
        path is None or path.startswith(SESSIONS_PREFIX + "/")
    ):
        return None
    return EndpointMatch(
        endpoint, 0, tail_match.end(), version, False, "", split=True, split_dotted=dotted
    )


def find_endpoints(text: str) -> list[EndpointMatch]:
    """All HeyGen streaming endpoint paths inside ``text``, in order."""
    matches: list[EndpointMatch] = []
    for m in _ENDPOINT_PATTERN.finditer(text):
        token = m.group("token")
        op = m.group("op")
        version = m.group("vnum")
        if m.group("ws"):
            if op != "chat":
                continue
            key = "ws_chat"
        elif token.startswith("streaming/avatar"):
            key = "avatar_list"
        elif token.startswith("streaming/knowledge_base"):
            key = "knowledge_base"
        elif op == "chat":
            continue
        elif op == "list":
            key = "list_historic" if version == "2" else "list_active"
        elif op in ("keep_alive", "keep-alive"):
            key = "keep_alive"
        else:
            key = op
        start = m.start()
        matches.append(
            EndpointMatch(
                endpoint=STREAMING_ENDPOINTS[key],
                start=start,
                end=m.end(),
                version=version,
                leading_slash=text[start : start + 1] == "/",
                kb_suffix=m.group("kb") or "",
            )
        )
    return matches


# Knowledge bases became Contexts: (HeyGen suffix pattern, HeyGen method) -> LiveAvatar.
KNOWLEDGE_BASE_OPERATIONS: tuple[tuple[str, str, str, str], ...] = (
    # suffix regex, HeyGen method, LiveAvatar method, LiveAvatar suffix
    (r"/list", "GET", "GET", ""),
    (r"/create", "POST", "POST", ""),
    (r"/(?P<id>[^/]+)/delete", "POST", "DELETE", "/{id}"),
    (r"/(?P<id>[^/]+)", "POST", "PATCH", "/{id}"),
    (r"/(?P<id>[^/]+)", "GET", "GET", "/{id}"),
)

# Task types (api-reference 1.5 and 6.10): "chat" in the docs, "talk" in the SDK.
TASK_TYPE_EVENTS: dict[str, str] = {
    "repeat": "avatar.speak_text",
    "chat": "avatar.speak_response",
    "talk": "avatar.speak_response",
}
DEFAULT_TASK_TYPE = "repeat"
CONTROL_EVENTS: dict[str, str] = {
    "interrupt": "avatar.interrupt",
    "start_listening": "avatar.start_listening",
    "stop_listening": "avatar.stop_listening",
}
AGENT_CONTROL_TOPIC = "agent-control"
STOP_REASON = "USER_CLOSED"
# ``SessionEndReasonEnum`` (api-reference 3.5): the only values ``/v1/sessions/stop`` takes.
STOP_END_REASONS = frozenset(
    {
        "UNKNOWN",
        "USER_DISCONNECTED",
        "SERVER_ERROR",
        "IDLE_TIMEOUT",
        "NO_CREDITS",
        "USER_CLOSED",
        "AVATAR_DELETED",
        "MAX_DURATION_REACHED",
        "ZOMBIE_SESSION_REAP",
        "AGENT_HANG_UP",
    }
)

# Response fields (api-reference 5.3): HeyGen key -> LiveAvatar key.
RESPONSE_FIELD_RENAMES: dict[str, str] = {
    "token": "session_token",
    "url": "livekit_url",
    "access_token": "livekit_client_token",
    "realtime_endpoint": "ws_url",
    "session_duration_limit": "max_session_duration",
}
RESPONSE_FIELDS_WITHOUT_SUCCESSOR: tuple[str, ...] = (
    "is_paid",
    "sdp",
    "ice_servers",
    "ice_servers2",
    "task_id",
    "duration_ms",
)

# API-key environment variables and config keys.
HEYGEN_API_KEY_NAMES: tuple[str, ...] = ("HEYGEN_API_KEY", "HEYGEN_KEY", "HEYGEN_TOKEN")
LIVEAVATAR_API_KEY_NAME = "LIVEAVATAR_API_KEY"
API_KEY_HEADER = "X-API-KEY"
HEYGEN_API_KEY_HEADER_SPELLINGS: tuple[str, ...] = (
    "x-api-key",
    "X-Api-Key",
    "X-API-Key",
    "X-API-KEY",
)

# streaming.new fields (api-reference 5.2) grouped by what the migration does with them.
NEW_SESSION_RENAMED_TOP_LEVEL: dict[str, str] = {
    "avatar_name": "avatar_id",
    "avatarName": "avatar_id",
}
NEW_SESSION_DROPPED_SILENTLY: tuple[str, ...] = (
    "version",
    "source",
    "ia_is_livekit_transport",
    "silence_response",
)
NEW_SESSION_DROPPED_WITH_WARNING: dict[str, str] = {
    "disable_idle_timeout": "LiveAvatar has a fixed 5-minute idle timeout; send keep-alive every 2-3 minutes",
    "activity_idle_timeout": "LiveAvatar has a fixed 5-minute idle timeout; send keep-alive every 2-3 minutes (do not use max_session_duration: it caps the whole session)",
    "livekit_settings": "bring-your-own LiveKit is `livekit_config{livekit_url, livekit_room, livekit_client_token}` in LITE mode only",
}
VIDEO_QUALITIES: tuple[str, ...] = ("low", "medium", "high", "very_high")
HEYGEN_DEFAULT_VIDEO_ENCODING = "VP8"
SANDBOX_AVATAR_ID = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
