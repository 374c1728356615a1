"""Resources, auth and reference facts: session lists, avatar list, contexts, headers, events.

Plain data for rules H2L105, H2L301-H2L303, H2L403 and H2L901. Sources:
``../shared/docs/api-reference.md`` sections 1.2, 1.4, 1.6, 2, 3.1, 3.2, 3.6, 4.5 and 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ITEM = "[]"
"""Path component for "an element of this list" in a JSON path."""

JsonPath = tuple[str, ...]


@dataclass(frozen=True)
class ListResponseShape:
    """How a HeyGen list response maps onto LiveAvatar's paginated ``data.results[]``.

    Paths are JSON paths from the response root; :data:`ITEM` stands for a list element.
    """

    endpoint_key: str
    items: JsonPath
    """Where HeyGen kept the list of items (``("data", "sessions")``)."""
    key_moves: dict[JsonPath, dict[str, JsonPath]]
    """container path -> HeyGen key -> LiveAvatar key path replacing it (``data`` -> ``data.results``)."""
    item_renames: dict[str, str] = field(default_factory=dict)
    item_objects: dict[str, str] = field(default_factory=dict)
    """Item fields that were a string and are now an object: field -> key of the old value in it."""
    item_removed: dict[str, str] = field(default_factory=dict)
    """Item fields without a successor -> what to use instead."""
    item_iso_datetimes: tuple[str, ...] = ()
    """Item fields that were unix numbers and are ISO 8601 strings in LiveAvatar."""
    root_manual: dict[str, str] = field(default_factory=dict)
    """Top-level response fields without a successor -> what to do instead."""
    summary: str = ""
    """One line describing the new shape, for findings where the response leaves our sight."""

    @property
    def item_path(self) -> JsonPath:
        return (*self.items, ITEM)


_PAGES = (
    "request pages with the `page`/`page_size` query parameters and follow `data.next` "
    "(the URL of the next page, or `None`); the total is `data.count`"
)

SESSION_LIST_TYPE: dict[str, str] = {"list_active": "active", "list_historic": "historic"}
"""Value of the required ``type`` query parameter of ``GET /v1/sessions`` per HeyGen endpoint."""
SESSION_LIST_TYPE_PARAM = "type"
LIVEAVATAR_PAGE_SIZE_MAX = 100
LIST_QUERY_PARAMS_WITHOUT_SUCCESSOR: dict[str, str] = {
    "next_pagination_token": _PAGES,
    "pagination_token": _PAGES,
    "token": _PAGES,
}
"""Query parameters of HeyGen's list endpoints that LiveAvatar does not take -> what instead."""

_SESSION_ITEM_REMOVED: dict[str, str] = {
    "status": "`type=active` lists live sessions; use `mode`, `source` or (historic) `end_reason`",
    "api_key_type": "`source` (DEMO, APP, API or EMBED) is the closest field",
    "avatar_id": "fetch `GET /v1/sessions/{id}`, or filter the list with the `avatar_id` "
    "query parameter",
    "voice_name": "LiveAvatar session lists do not name the voice",
}

SESSION_LIST_SHAPES: dict[str, ListResponseShape] = {
    "list_active": ListResponseShape(
        endpoint_key="list_active",
        items=("data", "sessions"),
        key_moves={("data",): {"sessions": ("results",)}},
        item_renames={"session_id": "id"},
        item_removed=_SESSION_ITEM_REMOVED,
        item_iso_datetimes=("created_at",),
        summary="sessions are in `data.results[]`, each with `id` (not `session_id`) and "
        "`created_at` as an ISO 8601 string; results are paginated (`data.next`)",
    ),
    "list_historic": ListResponseShape(
        endpoint_key="list_historic",
        items=("data",),
        key_moves={(): {"data": ("data", "results"), "total": ("data", "count")}},
        item_renames={"session_id": "id"},
        item_removed=_SESSION_ITEM_REMOVED,
        item_iso_datetimes=("created_at",),
        root_manual={"next_pagination_token": _PAGES, "page": _PAGES, "page_size": _PAGES},
        summary="sessions are in `data.results[]`, each with `id` (not `session_id`) and "
        "`created_at` as an ISO 8601 string; `total` is `data.count` and pages follow `data.next`",
    ),
}

AVATAR_LIST_SHAPE = ListResponseShape(
    endpoint_key="avatar_list",
    items=("data",),
    key_moves={(): {"data": ("data", "results")}},
    item_renames={"avatar_id": "id", "pose_name": "name", "normal_preview": "preview_url"},
    item_objects={"default_voice": "id"},
    item_removed={
        "is_public": "avatars from `GET /v1/avatars/public` are public, those from "
        "`GET /v1/avatars` are your own",
    },
    item_iso_datetimes=("created_at",),
    summary="avatars are in `data.results[]` with `id`, `name`, `preview_url` and "
    "`default_voice.id` (not `avatar_id`, `pose_name`, `normal_preview`, `default_voice`)",
)
USER_AVATARS_PATH = "/v1/avatars"
PUBLIC_AVATARS_PATH = "/v1/avatars/public"

# Knowledge bases became Contexts (api-reference 1.6, 3.2, 5.1).
CONTEXT_FIELD_RENAMES: dict[str, str] = {"opening": "opening_text"}
CONTEXT_REQUIRED_FIELDS: tuple[str, ...] = ("name", "prompt", "opening_text")
"""Create and update (PATCH, which replaces the whole record) both require all three."""
CONTEXT_LIST_FIELDS: tuple[str, ...] = ("id", "name", "created_at", "updated_at")
_CONTEXT_DETAIL = "fetch the context (`GET /v1/contexts/{id}`): list items carry only `id`, `name`, `created_at` and `updated_at`"
CONTEXT_LIST_SHAPE = ListResponseShape(
    endpoint_key="context_list",
    items=("data",),
    key_moves={(): {"data": ("data", "results")}},
    item_removed={"prompt": _CONTEXT_DETAIL, "opening": _CONTEXT_DETAIL},
    summary="contexts are in `data.results[]`, each with `id`, `name`, `created_at` and "
    "`updated_at` only (`GET /v1/contexts/{id}` has `prompt` and `opening_text`); results are "
    "paginated (`data.next`)",
)
"""HeyGen's knowledge-base list as ``data[]`` (the other shape seen, ``data.list[]``, only
renames ``list``)."""
KNOWLEDGE_BASE_OPERATION_SUFFIXES: tuple[str, ...] = ("/list", "/create")
"""Suffixes that name an operation rather than a knowledge base; Contexts use the bare path."""
KNOWLEDGE_BASE_DELETE_SUFFIX = "/delete"
"""``POST .../{id}/delete`` became ``DELETE /v1/contexts/{id}``."""


def context_suffix(kb_suffix: str) -> str:
    """What follows ``/v1/contexts`` for what followed ``streaming/knowledge_base`` in a path.

    ``/list`` and ``/create`` named operations and disappear (the HTTP method tells them
    apart now); ``/{id}/delete`` loses ``/delete``; an id (``/{kb_id}``, ``/``) stays.
    """
    if kb_suffix in KNOWLEDGE_BASE_OPERATION_SUFFIXES:
        return ""
    if kb_suffix.endswith(KNOWLEDGE_BASE_DELETE_SUFFIX) and len(kb_suffix) > len(
        KNOWLEDGE_BASE_DELETE_SUFFIX
    ):
        return kb_suffix[: -len(KNOWLEDGE_BASE_DELETE_SUFFIX)]
    return kb_suffix


# Raw WebRTC (v1) pieces without a successor (api-reference 1.2, 1.4, 5.2).
WEBRTC_RESPONSE_FIELDS: tuple[str, ...] = ("sdp", "ice_servers", "ice_servers2")
WEBRTC_DISTINCT_FIELDS: tuple[str, ...] = ("ice_servers", "ice_servers2")
"""Names specific enough to flag wherever a HeyGen module reads them."""
WEBRTC_REQUEST_FIELDS: tuple[str, ...] = ("sdp",)
LIVEKIT_JOIN = (
    "join the LiveKit room with `livekit_url` and `livekit_client_token` from "
    "`POST /v1/sessions/start`"
)

# Auth (api-reference 1.1, 3.1).
AUTHORIZATION_HEADER = "Authorization"
BEARER_PREFIX = "Bearer "
API_KEY_NAME_HINTS: tuple[str, ...] = ("key",)
"""A Bearer value whose name contains one of these (and none of the next) is the API key."""
NOT_API_KEY_NAME_HINTS: tuple[str, ...] = ("token", "session", "jwt", "access")
HTTP_CLIENT_CONSTRUCTORS: frozenset[str] = frozenset(
    {
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
        "requests.Session",
        "requests.session",
    }
)

# What replaced endpoints that have no REST successor, for references in text (H2L901).
NO_REST_SUCCESSOR: dict[str, str] = {
    "ice": "has no successor: LiveAvatar runs on LiveKit (or Agora); " + LIVEKIT_JOIN,
    "task": "became LiveKit data-channel events `avatar.speak_text` (repeat) and "
    "`avatar.speak_response` (chat/talk) on topic `agent-control`",
    "interrupt": "became the event `avatar.interrupt` (FULL) / `agent.interrupt` (LITE)",
    "start_listening": "became the event `avatar.start_listening`",
    "stop_listening": "became the event `avatar.stop_listening`",
    "ws_chat": "has no successor: FULL-mode voice chat runs in the LiveKit room (events on "
    "`agent-response`), LITE mode uses `ws_url` from `POST /v1/sessions/start`",
}

# HeyGen SDK StreamingEvents -> LiveAvatar (api-reference 4.5; approximate, no official table).
SDK_EVENT_SUCCESSORS: dict[str, str | None] = {
    "avatar_start_talking": "avatar.speak_started",
    "avatar_stop_talking": "avatar.speak_ended",
    "avatar_talking_message": "avatar.transcription.chunk",
    "avatar_end_message": "avatar.transcription",
    "user_talking_message": "user.transcription.chunk",
    "user_end_message": "user.transcription",
    "user_start": "user.speak_started",
    "user_stop": "user.speak_ended",
    "user_silence": None,
    "stream_ready": "session.stream_ready",
    "stream_disconnected": "session.disconnected",
    "connection_quality_changed": "session.connection_quality_changed",
}
