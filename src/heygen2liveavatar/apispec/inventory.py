"""Facts for the non-Python inventory: which files hold what, and the LiveAvatar counterparts.

The inventory never rewrites anything: JavaScript, manifests, environment files, CI and docs
are only reported (rules ``H2L910``-``H2L919``). This module holds the patterns those rules
look for and the text of what replaces each HeyGen item. Sources:
``../shared/docs/api-reference.md`` sections 2 (the JS SDKs), 3.1 (keys), 4.5 (SDK events)
and 5.1 (the call-level migration table).
"""

from __future__ import annotations

import fnmatch
import os
import re

from . import LIVEAVATAR_API_KEY_NAME, LIVEAVATAR_BASE, STREAMING_ENDPOINTS

# --- What kind of text a file holds ---------------------------------------------------------
# Inventory rules decide by kind, not by extension, so that notebook cells (a ``%%javascript``
# cell, a Markdown cell, a ``!curl`` line) can be scanned like the files they resemble.
KIND_JS = "js"
KIND_PACKAGE_JSON = "package-json"
KIND_ENV = "env"
KIND_DOCKER = "docker"
KIND_YAML = "yaml"
KIND_DOCS = "docs"
KIND_SHELL = "shell"
"""Shell commands: ``!`` lines and ``%%bash`` cells in notebooks, ``*.sh`` files."""

ALL_TEXT_KINDS: frozenset[str] = frozenset(
    {KIND_JS, KIND_PACKAGE_JSON, KIND_ENV, KIND_DOCKER, KIND_YAML, KIND_DOCS, KIND_SHELL}
)

# (glob on the file name, kind), first match wins. Shell scripts are not walked (see
# ``engine.filekinds``; HTML pages are, ``engine.walk``) but notebook cells (``%%html``,
# ``%%bash``) are scanned as such.
TEXT_KIND_PATTERNS: tuple[tuple[str, str], ...] = (
    ("package.json", KIND_PACKAGE_JSON),
    ("*.js", KIND_JS), ("*.jsx", KIND_JS), ("*.mjs", KIND_JS), ("*.cjs", KIND_JS),
    ("*.ts", KIND_JS), ("*.tsx", KIND_JS), ("*.mts", KIND_JS), ("*.cts", KIND_JS),
    ("*.vue", KIND_JS), ("*.svelte", KIND_JS), ("*.html", KIND_JS), ("*.htm", KIND_JS),
    (".env", KIND_ENV), (".env.*", KIND_ENV), ("*.env", KIND_ENV),
    ("Dockerfile", KIND_DOCKER), ("Dockerfile.*", KIND_DOCKER), ("*.dockerfile", KIND_DOCKER),
    ("Containerfile", KIND_DOCKER),
    ("*.yml", KIND_YAML), ("*.yaml", KIND_YAML),
    ("*.md", KIND_DOCS), ("*.markdown", KIND_DOCS), ("*.rst", KIND_DOCS),
    ("*.sh", KIND_SHELL), ("*.bash", KIND_SHELL), ("*.zsh", KIND_SHELL),
)  # fmt: skip


def text_kind(path: str) -> str | None:
    """The kind of text a file named ``path`` holds, or ``None`` when no inventory rule reads it."""
    name = os.path.basename(path.replace("\\", "/"))
    for pattern, kind in TEXT_KIND_PATTERNS:
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(name.lower(), pattern):
            return kind
    return None


# --- The JavaScript SDKs (api-reference section 2) ------------------------------------------
JS_SDK_PACKAGE = "@heygen/streaming-avatar"
LIVEAVATAR_JS_SDK_PACKAGE = "@heygen/liveavatar-web-sdk"
JS_SDK_CLASS = "StreamingAvatar"
LIVEAVATAR_JS_SDK_CLASS = "LiveAvatarSession"
LIVEAVATAR_JS_SDK_CONSTRUCTOR = "new LiveAvatarSession(sessionToken, {voiceChat, apiUrl})"

# HeyGen SDK methods whose LiveAvatar counterpart has another name or shape. Methods that keep
# their name on ``LiveAvatarSession`` (``interrupt``, ``keepAlive``, ``startListening``,
# ``stopListening``) are not listed: the import finding already covers the object they run on.
JS_SDK_METHOD_COUNTERPARTS: dict[str, str] = {
    "createStartAvatar": "`start()`; the avatar, voice and mode are chosen when your server "
    "creates the session token (`POST /v1/sessions/token`)",
    "newSession": "the session token your server gets from `POST /v1/sessions/token`",
    "startAvatar": "`start()`",
    "startSession": "`start()`",
    "speak": "`message(text)` for talk/chat (the avatar answers) or `repeat(text)` for repeat "
    "(the avatar says the text); LITE sessions cannot speak text",
    "stopAvatar": "`stop()`",
    "startVoiceChat": "`voiceChat.start()`",
    "closeVoiceChat": "`voiceChat.stop()` or `stop()`",
    "pushToTalkStart": "`voiceChat.startPushToTalk()`",
    "pushToTalkStop": "`voiceChat.stopPushToTalk()`",
}

# ``StreamingEvents`` members (api-reference 4.5; the mapping is approximate, none is official).
JS_SDK_EVENT_COUNTERPARTS: dict[str, str | None] = {
    "AVATAR_START_TALKING": "avatar.speak_started",
    "AVATAR_STOP_TALKING": "avatar.speak_ended",
    "AVATAR_TALKING_MESSAGE": "avatar.transcription.chunk",
    "AVATAR_END_MESSAGE": "avatar.transcription",
    "USER_TALKING_MESSAGE": "user.transcription.chunk",
    "USER_END_MESSAGE": "user.transcription",
    "USER_START": "user.speak_started",
    "USER_STOP": "user.speak_ended",
    "USER_SILENCE": None,
    "STREAM_READY": "session.stream_ready",
    "STREAM_DISCONNECTED": "session.disconnected",
    "CONNECTION_QUALITY_CHANGED": "session.connection_quality_changed",
}

# --- API keys (api-reference 3.1 and 5.1) ---------------------------------------------------
# HEYGEN_API_KEY, HEYGEN_KEY, HEYGEN_STREAMING_API_KEY, NEXT_PUBLIC_HEYGEN_API_KEY ... as words.
HEYGEN_KEY_VARIABLE = re.compile(
    r"(?<![A-Za-z0-9_])(?P<prefix>(?:[A-Z][A-Z0-9]*_)*?)"
    r"(?P<core>HEYGEN(?:_[A-Z0-9]+)*?_(?:API_)?(?:KEY|TOKEN))(?![A-Za-z0-9_])"
)
# Prefixes that bundlers expose to the browser: a LiveAvatar key must stay on the server.
PUBLIC_ENV_PREFIXES: tuple[str, ...] = (
    "NEXT_PUBLIC_",
    "VITE_",
    "REACT_APP_",
    "PUBLIC_",
    "EXPO_PUBLIC_",
)
LIVEAVATAR_KEY_SOURCE = "app.liveavatar.com/developers"


def liveavatar_key_name(prefix: str) -> str:
    """The variable to suggest for a HeyGen key variable with bundler prefix ``prefix``."""
    return f"{prefix}{LIVEAVATAR_API_KEY_NAME}"


# --- Streaming endpoints outside Python (api-reference 5.1) ---------------------------------
# What to say after the LiveAvatar method and URL, or instead of it when there is none.
ENDPOINT_NOTES: dict[str, str] = {
    "create_token": " (returns `session_id` and `session_token`; the session config goes in this request)",
    "new": " (the `streaming.new` config moves into this request; no separate create_token call)",
    "start": " with `Authorization: Bearer <session_token>` (returns 201 with `livekit_url` and `livekit_client_token`)",
    "stop": ' (`{session_id, reason: "USER_CLOSED"}`)',
    "keep_alive": " (LiveAvatar's idle timeout is a fixed 5 minutes)",
    "ice": "none: LiveAvatar runs on LiveKit, there is no raw WebRTC signalling",
    "task": "no REST call: the `avatar.speak_text` (repeat) or `avatar.speak_response` (chat/talk) "
    "event on the LiveKit `agent-control` topic (`repeat()`/`message()` in `@heygen/liveavatar-web-sdk`)",
    "interrupt": "no REST call: the `avatar.interrupt` event (`interrupt()` in the web SDK)",
    "start_listening": "no REST call: the `avatar.start_listening` event",
    "stop_listening": "no REST call: the `avatar.stop_listening` event",
    "list_active": "",
    "list_historic": " (paginate with `page`/`page_size` and follow `next`)",
    "avatar_list": " (LiveAvatar ids are UUIDs; HeyGen avatar names do not carry over)",
    "knowledge_base": " (knowledge bases became contexts)",
    "ws_chat": "none: voice chat runs in the LiveKit room returned by `POST /v1/sessions/start` "
    "(FULL mode) or over its `ws_url` WebSocket (LITE mode)",
}


def endpoint_counterpart(key: str) -> str:
    """One line naming the LiveAvatar replacement of HeyGen streaming endpoint ``key``."""
    endpoint = STREAMING_ENDPOINTS[key]
    note = ENDPOINT_NOTES.get(key, "")
    if endpoint.liveavatar_path is None:
        return note
    return f"`{endpoint.liveavatar_method} {LIVEAVATAR_BASE}{endpoint.liveavatar_path}`{note}"
