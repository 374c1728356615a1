# heygen2liveavatar helper: v5  (keep this line to let the tool update the file; drop it to own it)
"""LiveAvatar sessions and FULL-mode events, for code migrated from HeyGen's Streaming API.

``start_session(token_response, token_url)`` starts a session and remembers its credentials, in
memory and in a 0600 file per session in ``$LIVEAVATAR_SESSION_DIR`` (default: a private temp
dir) for other worker processes. HeyGen's task/interrupt/listening calls are now events in the session's LiveKit
room: ``emit(session_id, "avatar.speak_text", text="Hi")`` returns the event id (the avatar's
``avatar.speak_ended`` names it ``source_event_id``) or raises LiveAvatarError. The room is
joined with ``livekit_agent_token``: the client token would disconnect the viewer using it (one
participant per identity); without an agent token send the events from the frontend (web SDK).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import importlib
import json
import os
import re
import tempfile
import threading
import types
import urllib.request
import uuid
import warnings
from collections.abc import Coroutine, Iterator, Mapping
from typing import Any, Callable, TypeVar

AGENT_CONTROL_TOPIC = "agent-control"
TIMEOUT = 30.0  # seconds to join a room and publish one event
FIELDS = ("session_id", "session_token", "livekit_url", "livekit_agent_token",
          "livekit_client_token", "ws_url")  # fmt: skip
SPEAK_EVENT_TYPES = {"repeat": "avatar.speak_text", "chat": "avatar.speak_response",
                     "talk": "avatar.speak_response"}  # fmt: skip
# session_fields(): where HeyGen streaming.new options a caller still passes go; some go away
SESSION_FIELD_MOVES = {"avatar_id": ("avatar_id",), "avatar_name": ("avatar_id",),
    "avatarName": ("avatar_id",), "quality": ("video_settings", "quality"),
    "video_encoding": ("video_settings", "encoding"), "language": ("avatar_persona", "language"),
    "knowledge_base_id": ("avatar_persona", "context_id"),
    "knowledge_id": ("avatar_persona", "context_id")}  # fmt: skip
SESSION_FIELDS_DROPPED = ("version", "source", "ia_is_livekit_transport", "silence_response")
TOKEN_BODY_KEYS = ("mode", "avatar_id", "video_settings", "avatar_persona", "is_sandbox",
                   "max_session_duration", "interactivity_type", "voice_agent")  # fmt: skip
_T = TypeVar("_T")
_VIEWER_WARNING = (
    "LiveAvatar session {} has no livekit_agent_token: joining its room with the client token "
    "disconnects a viewer using that token (LiveKit duplicate identity); the alternative is to "
    "send the events from the frontend with the LiveAvatar web SDK"
)


class LiveAvatarError(RuntimeError):
    """A LiveAvatar request or event failed; ``status``/``body`` describe the HTTP response."""

    def __init__(self, message: str, status: int | None = None, body: str = "") -> None:
        super().__init__(message)
        self.status, self.body = status, body


class UnknownSessionError(LiveAvatarError, KeyError):
    __str__ = RuntimeError.__str__  # KeyError's would show the repr of the message


_lock = threading.Lock()  # guards starting the rooms' loop (dict operations are atomic)
_sessions: dict[str, dict[str, str]] = {}  # session id -> its credentials (see FIELDS)
_warned: set[str] = set()  # sessions warned about joining with the client token
_room_factory: Callable[[], Any] | None = None  # tests replace livekit.rtc.Room with it
_loop: asyncio.AbstractEventLoop | None = None
_rooms: dict[str, asyncio.Future[Any]] = {}  # session id -> its joined room; used on _loop only


# Sessions: in memory, and one file per session for the other processes -------------------
def _store_path(session_id: str) -> str:
    uid = os.getuid() if hasattr(os, "getuid") else -1
    default = os.path.join(tempfile.gettempdir(), f"liveavatar-sessions-{uid}")
    directory = os.environ.get("LIVEAVATAR_SESSION_DIR") or default
    os.makedirs(directory, mode=0o700, exist_ok=True)
    status = os.stat(directory)  # in the shared temp dir, someone else may have made it first
    if directory == default and uid != -1 and (status.st_uid != uid or status.st_mode & 0o077):
        raise LiveAvatarError(f"{directory} must belong to this user only (mode 0700)")
    return os.path.join(directory, re.sub(r"[^\w-]", "_", session_id) + ".json")  # never ../


def _session(session_id: str, required: bool = True) -> dict[str, str]:
    record = _sessions.get(session_id)
    if record is None:
        try:  # started by another process?
            with open(_store_path(session_id), encoding="utf-8") as file:
                record = _sessions.setdefault(session_id, dict(json.load(file)))
        except (OSError, ValueError, TypeError):
            if required:
                raise UnknownSessionError(
                    f"unknown LiveAvatar session {session_id!r}: start it with start_session() "
                    "or pass its token and start responses to remember_session()"
                ) from None
            return {}
    return record


def _data(response: Mapping[str, Any]) -> Mapping[str, Any]:
    inner = response.get("data")  # the {"code", "data", "message"} envelope, or its data
    return inner if isinstance(inner, Mapping) else response


# Public API ------------------------------------------------------------------------------
def remember_session(data: _T) -> _T:
    """Record the credentials in a token or start response (envelope or ``data``); returns it."""
    fields = _data(data) if isinstance(data, Mapping) else {}
    session_id = fields.get("session_id")
    if not isinstance(session_id, str) or not session_id:
        return data  # an error response: nothing to remember
    # The token and start responses each carry part of the record: merge them.
    record = dict(_session(session_id, required=False))
    record.update((k, fields[k]) for k in FIELDS if isinstance(fields.get(k), str) and fields[k])
    _sessions[session_id] = record
    path = _store_path(session_id)
    temporary = f"{path}.{os.getpid()}-{threading.get_ident()}.tmp"
    with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as file:
        json.dump(record, file)
    os.replace(temporary, path)  # atomic: other processes never read half a file
    return data


def bearer_headers(session_id: str, headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """``headers`` without API key or old Authorization, plus the session token as Bearer."""
    token = _session(session_id).get("session_token")
    if not token:
        raise UnknownSessionError(f"no session token known for LiveAvatar session {session_id!r}")
    drop = ("x-api-key", "authorization")
    kept = {k: v for k, v in (headers or {}).items() if k.lower() not in drop}
    return {**kept, "Authorization": f"Bearer {token}"}


def start_session(token_response: Any, token_url: Any = None, *, timeout: float = 30,
                  error: type[BaseException] | None = None) -> Any:  # fmt: skip
    """POST /v1/sessions/start (host: ``token_url``, else $LIVEAVATAR_API_URL); merges its data.
    A failure raises LiveAvatarError, or ``error(message)`` from it for the project's handlers."""
    with _raising(error):
        return _start_session(token_response, token_url, timeout)


@contextlib.contextmanager
def _raising(error: type[BaseException] | None) -> Iterator[None]:
    """LiveAvatarError raised inside as ``error(message)``: the exception the project's own
    failed requests raised (``except HeyGenError`` handlers still catch it)."""
    try:
        yield
    except LiveAvatarError as failure:
        if error is None:
            raise
        raise error(str(failure)) from failure


def _start_session(token_response: Any, token_url: Any, timeout: float) -> Any:
    data = dict(_data(token_response))
    if not isinstance(token := data.get("session_token"), str) or not token:
        why = token_response.get("detail") or token_response.get("message")  # a refusal's reason
        if isinstance(why, list):  # a 422's FastAPI validation errors: "field: problem"
            why = "; ".join(f"{'.'.join(map(str, e.get('loc', ())[1:]))}: {e.get('msg')}" for e in why if isinstance(e, Mapping))  # fmt: skip
        raise LiveAvatarError("start_session() needs the session_token of POST /v1/sessions/token" + (f"; LiveAvatar answered: {why}" if why else ""))  # fmt: skip
    base = str(token_url or "")
    if not base.startswith(("http://", "https://")):
        base = os.environ.get("LIVEAVATAR_API_URL", "https://api.liveavatar.com")
    url = re.sub(r"(/v1)?(/sessions(/token)?)?/*([?#].*)?$", "/v1/sessions/start", base, count=1)
    auth = {"Authorization": f"Bearer {token}"}  # no body: the token names the session
    request = urllib.request.Request(url, method="POST", headers=auth)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # raises unless 2xx
            started = _data(json.loads(response.read()))
    except urllib.request.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").replace(token, "<redacted>")
        raise LiveAvatarError(f"POST /v1/sessions/start: HTTP {exc.code}", exc.code, body) from None
    except (OSError, ValueError, AttributeError) as exc:  # network, or not a JSON object
        raise LiveAvatarError(f"POST /v1/sessions/start failed: {exc}") from None
    merged = remember_session({**data, **started})  # in the caller's shape, envelope or data:
    return {**token_response, "data": merged} if "data" in token_response else merged


def started_session(token_response: Any) -> Any:
    """The token response parsed again after :func:`start_session` started its session: with
    the started session's credentials merged in, as ``start_session`` returned them (no second
    start: LiveAvatar refuses one)."""
    data = dict(_data(token_response))
    merged = {**data, **_session(str(data.get("session_id") or ""))}
    return {**token_response, "data": merged} if "data" in token_response else merged


class _Parsed:  # an HTTP response whose json() gives ``parsed``; the rest is ``response``'s
    def __init__(self, parsed: Any, response: Any) -> None:
        self.json, self._response = (lambda *args, **kwargs: parsed), response

    def __getattr__(self, name: str) -> Any:
        return getattr(self._response, name)


def started_response(response: Any) -> Any:
    """POST /v1/sessions/token's HTTP response for a helper that checks and parses it: if 2xx,
    its session started and ``json()`` that result, with HeyGen's names too."""
    if not 200 <= int(getattr(response, "status_code", None) or response.status) < 300:
        return response
    started = start_session(response.json(), str(response.url))
    return _Parsed(with_heygen_names(started), response)


def heygen_http_response(event_id: str | None = None) -> Any:
    """HeyGen's answer to a task (``task_id`` = ``event_id``) or start (``data`` null) as a
    successful HTTP response, for a helper that checks and parses responses."""
    started = {"code": 100, "message": "success", "data": None}
    parsed = heygen_response(event_id) if event_id else started
    status = {"status_code": 200, "status": 200, "ok": True, "is_success": True, "is_error": False}
    ok = types.SimpleNamespace(**status, text=json.dumps(parsed), raise_for_status=lambda: None)
    return _Parsed(parsed, ok)


def liveavatar_url(url: Any) -> str:
    """A base URL from configuration the code does not hold, moved from HeyGen's API host."""
    return re.sub(r"^(https?://)api\.heygen\.com(?=[/:]|$)", r"\1api.liveavatar.com", str(url))


def with_heygen_names(response: Any) -> Any:
    """A started session's response (envelope or ``data``) with HeyGen's ``streaming.new`` names
    too (``url``, ``access_token``, ``realtime_endpoint``), for models that still read them."""
    data = dict(_data(response))
    for old, new in (("url", "livekit_url"), ("access_token", "livekit_client_token"),
                     ("realtime_endpoint", "ws_url")):  # fmt: skip
        data.setdefault(old, data.get(new))
    return {**response, "data": data} if "data" in response else data


async def start_session_async(token_response: Any, *args: Any, **options: Any) -> Any:
    """:func:`start_session` on a worker thread, so the caller's event loop keeps running."""
    return await asyncio.to_thread(start_session, token_response, *args, **options)


def session_fields(body: Mapping[str, Any], *heygen_fields: Any) -> dict[str, Any]:
    """``body`` (a /v1/sessions/token body) with HeyGen-era options merged in where LiveAvatar
    wants them (SESSION_FIELD_MOVES); ``None`` means unset, as HeyGen took it. What has no
    LiveAvatar successor (or no place in a LITE session) is dropped with a warning."""
    merged = {k: dict(v) if isinstance(v, Mapping) else v for k, v in body.items()}
    full, dropped = merged.get("mode") != "LITE", []
    for fields in heygen_fields:  # a mapping, or a dataclass instance (sent as its ``asdict``)
        if not isinstance(fields, Mapping):
            fields = {name: getattr(fields, name) for name in type(fields).__dataclass_fields__}
        for key, value in fields.items():
            if value is None or key in SESSION_FIELDS_DROPPED:
                continue
            if key == "voice" and isinstance(value, Mapping) and full:
                dropped += _voice(merged.setdefault("avatar_persona", {}), value)
                continue
            place = SESSION_FIELD_MOVES.get(key, (key,) if key in TOKEN_BODY_KEYS else None)
            if place is None or (place[0] == "avatar_persona" and not full):
                dropped.append(key)  # a LITE session has no persona (your own audio)
                continue
            *groups, last = place
            target = merged
            for group in groups:  # video_settings, avatar_persona: merged, not replaced
                target = target.setdefault(group, {})
            target[last] = value.upper() if key == "video_encoding" else value
    if dropped:
        warnings.warn(f"not sent to LiveAvatar: {', '.join(dropped)}", stacklevel=2)
    return merged


def _voice(persona: dict[str, Any], voice: Mapping[str, Any]) -> list[str]:
    """HeyGen's ``voice{voice_id, rate}`` into the persona; the names of what has no place."""
    if voice.get("voice_id"):
        persona["voice_id"] = voice["voice_id"]
    if voice.get("rate") is not None:  # LiveAvatar's speed range is 0.8-1.2
        speed = min(max(float(voice["rate"]), 0.8), 1.2)
        persona["voice_settings"] = {"provider": "elevenLabs", "speed": speed}
    return [f"voice.{k}" for k in voice if k not in ("voice_id", "rate")]


def session_body(heygen_body: Any, mode: str) -> dict[str, Any]:
    """A whole HeyGen ``streaming.new`` body (dict or dataclass) as the token body of ``mode``."""
    base: dict[str, Any] = {"mode": mode, "video_settings": {"encoding": "VP8"}}
    if mode == "FULL":
        base["avatar_persona"] = {}
    return session_fields(base, heygen_body)


def speak_event_type(task_type: Any) -> str:
    """The event for a HeyGen ``task_type``: repeat (default) or chat (docs) / talk (SDK): LLM."""
    value = str(getattr(task_type, "value", task_type) or "repeat").lower()  # TaskType.TALK too
    if value not in SPEAK_EVENT_TYPES:
        raise ValueError(f"unknown HeyGen task_type {value!r}: expected repeat, chat or talk")
    return SPEAK_EVENT_TYPES[value]


def emit(session_id: str, event_type: str, /, *, error: Any = None, **fields: Any) -> str:
    """Publish an event in the session's room and wait until it is sent; returns its event id
    (a failure raises LiveAvatarError, or ``error(message)`` as :func:`start_session`)."""
    with _raising(error):
        event_id, work = _prepare(session_id, event_type, fields)
        _submit(work).result()  # blocks this thread only: the work runs on the rooms' loop
    return event_id


def heygen_response(event_id: str) -> dict[str, Any]:
    """HeyGen's task/interrupt/listening response for code that reads it: ``emit`` raised on
    failure, so ``code`` is 100; ``task_id`` is the event id; no ``duration_ms`` any more."""
    return {"code": 100, "message": "success", "data": {"task_id": event_id}}


async def emit_async(session_id: str, event_type: str, /, *, error: Any = None,
                     **fields: Any) -> str:  # fmt: skip
    """:func:`emit` for coroutines: awaits the same work without blocking the caller's loop."""
    with _raising(error):
        event_id, work = _prepare(session_id, event_type, fields)
        await asyncio.wrap_future(_submit(work))
    return event_id


def release(session_id: str) -> None:
    """Leave the session's room (if joined) and forget the session; call it after stopping."""
    _sessions.pop(session_id, None)
    with contextlib.suppress(OSError):
        os.unlink(_store_path(session_id))
    if _loop is not None:
        with contextlib.suppress(Exception):  # the session is over: a failed leave changes nothing
            _submit(_leave(session_id)).result(TIMEOUT)


async def release_async(session_id: str) -> None:  # :func:`release` for coroutines
    await asyncio.to_thread(release, session_id)


# Rooms: all on one private event loop ----------------------------------------------------
def _prepare(session_id: str, event_type: str, fields: dict[str, Any]) -> tuple[str, Any]:
    session = _session(session_id)  # an unknown session fails here, in the caller
    joins_as_viewer = session.get("livekit_client_token") and not session.get("livekit_agent_token")
    if joins_as_viewer and session_id not in _warned:
        _warned.add(session_id)
        warnings.warn(_VIEWER_WARNING.format(session_id), RuntimeWarning, stacklevel=3)
    event_id = str(uuid.uuid4())
    event = {"event_id": event_id, "event_type": event_type, "session_id": session_id, **fields}
    return event_id, _publish(session_id, json.dumps(event).encode("utf-8"))


def _submit(work: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
    global _loop
    with _lock:
        if _loop is None:
            _loop = asyncio.new_event_loop()
            threading.Thread(target=_loop.run_forever, name="liveavatar", daemon=True).start()
    return asyncio.run_coroutine_threadsafe(work, _loop)


async def _publish(session_id: str, payload: bytes, retry: bool = True) -> None:
    pending = _rooms.get(session_id)
    if pending is None:
        pending = _rooms[session_id] = asyncio.ensure_future(_join(session_id))
    try:
        room = await asyncio.shield(pending)  # a cancelled event must not cancel a shared join
    finally:
        if pending.done() and (pending.cancelled() or pending.exception()):
            _rooms.pop(session_id, None)  # the next event tries to join again
    publish = room.local_participant.publish_data
    try:
        await asyncio.wait_for(publish(payload, reliable=True, topic=AGENT_CONTROL_TOPIC), TIMEOUT)
    except Exception as exc:  # a timeout, or LiveKit's own errors
        if retry and _rooms.pop(session_id, None) is pending:  # kicked by another worker's
            return await _publish(session_id, payload, retry=False)  # join: join again, once
        raise LiveAvatarError(f"could not send an event to session {session_id}: {exc!r}") from None


async def _join(session_id: str) -> Any:
    session = _session(session_id)
    url = session.get("livekit_url")
    token = session.get("livekit_agent_token") or session.get("livekit_client_token")
    if not url or not token:
        raise LiveAvatarError(f"no LiveKit room known for session {session_id}: remember its start")
    try:  # imported on first use: remembering sessions works without the SDK
        room = (_room_factory or importlib.import_module("livekit.rtc").Room)()
    except ImportError as exc:
        raise ImportError("LiveAvatar events need the LiveKit SDK: pip install livekit") from exc
    try:
        await asyncio.wait_for(room.connect(url, token), TIMEOUT)
    except Exception as exc:  # a timeout, or LiveKit's errors, which may quote the token
        message = str(exc).replace(token, "<redacted>")
        raise LiveAvatarError(f"could not join the room of {session_id}: {message}") from None
    return room


async def _leave(session_id: str) -> None:
    if session_id in _rooms:  # a failed join raises here: nothing to leave
        await (await _rooms.pop(session_id)).disconnect()
