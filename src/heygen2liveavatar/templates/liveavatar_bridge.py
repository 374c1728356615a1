"""Send LiveAvatar FULL-mode events (speak, interrupt, listening) from Python code.

heygen2liveavatar wrote this module beside your migrated code; it is yours now, change it as you
like. It needs only the standard library, plus the LiveKit SDK (``pip install livekit``) once an
event is actually sent.

Why it exists: HeyGen's Streaming API had REST calls for ``streaming.task``,
``streaming.interrupt``, ``streaming.start_listening`` and ``streaming.stop_listening``. LiveAvatar
has none. In FULL mode these are *events* that a participant of the session's LiveKit room
publishes on the data-channel topic ``agent-control`` (reliable delivery), as flat JSON::

    {"event_id": "<uuid4>", "event_type": "avatar.speak_text", "session_id": "<id>", "text": "Hi"}

| HeyGen call                            | LiveAvatar event                          |
|----------------------------------------|-------------------------------------------|
| ``streaming.task`` (task_type repeat)  | ``avatar.speak_text`` with ``text``       |
| ``streaming.task`` (chat or talk)      | ``avatar.speak_response`` with ``text``   |
| ``streaming.interrupt``                | ``avatar.interrupt``                      |
| ``streaming.start_listening`` / stop   | ``avatar.start_listening`` / ``stop_...`` |

How to use it:

1. Record each session's credentials as its responses arrive (both return their argument)::

       data = liveavatar_bridge.remember_session(resp.json())   # POST /v1/sessions/token
       liveavatar_bridge.remember_session(start.json())         # POST /v1/sessions/start

2. Send events, from sync or async code::

       liveavatar_bridge.emit(session_id, "avatar.speak_text", text="Hello")
       await liveavatar_bridge.emit_async(session_id, "avatar.interrupt")
       async with liveavatar_bridge.emit_async(session_id, "avatar.start_listening") as resp:
           ...

   The first event of a session joins its LiveKit room; later events reuse the connection.
   Each call returns an :class:`EventReceipt`, shaped like HeyGen's response envelope
   (``{"code": 100, "message": "success", "data": {"event_id", "event_type"}}``) so that code
   which called ``.json()`` or ``.raise_for_status()`` on the old response keeps working.
   HeyGen's ``task_id`` and ``duration_ms`` have no successor: the avatar reports
   ``avatar.speak_started`` / ``avatar.speak_ended`` on topic ``agent-response``, with
   ``source_event_id`` set to the receipt's ``event_id``.

3. After ``POST /v1/sessions/stop``, call ``liveavatar_bridge.forget_session(session_id)`` (or
   ``await forget_session_async(session_id)``) to leave the room and drop the tokens.

Which LiveKit token: the room is joined with ``livekit_client_token`` from the start response,
falling back to ``livekit_agent_token`` when a response has no client token. LiveAvatar does not
document which one a Python backend should use to publish FULL-mode commands (its web SDK
publishes them as the client participant, which is what this module does); if your sessions
need the agent identity, change :func:`_room_credentials`.

Events go to the room of the process that remembered the session: a session started by another
process must be remembered here too (``remember_session({"session_id": ..., "livekit_url": ...,
"livekit_client_token": ...})``).

Threads and event loops: every room lives on one private event loop in a daemon thread, so
``emit`` works from plain sync code, from threads, and from sync code that runs while an event
loop runs elsewhere; it blocks the calling thread until the event is published. In a coroutine,
use ``emit_async``: it waits for the same work without blocking your loop.

Secrets: session tokens and LiveKit tokens are never logged, put in exception messages or shown
by ``repr``.

Tests can replace the LiveKit room with :func:`set_room_factory` (see its docstring), so that no
network is used.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import importlib
import json
import logging
import sys
import threading
import types
import uuid
from collections.abc import Coroutine, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol, TypeVar

__all__ = [
    "AGENT_CONTROL_TOPIC",
    "BridgeError",
    "EventReceipt",
    "UnknownSessionError",
    "bearer_headers",
    "emit",
    "emit_async",
    "forget_session",
    "forget_session_async",
    "remember_session",
    "session_token",
    "set_room_factory",
    "speak_event_type",
]

AGENT_CONTROL_TOPIC = "agent-control"
"""The LiveKit data topic that carries commands to the avatar."""

EMIT_TIMEOUT = 30.0
"""Seconds to wait for one event to be published (joining the room included)."""

SPEAK_EVENT_TYPES = {
    "repeat": "avatar.speak_text",
    "chat": "avatar.speak_response",
    # HeyGen's docs say "chat", its SDK says "talk": both asked the avatar's LLM for a response.
    "talk": "avatar.speak_response",
}
DEFAULT_TASK_TYPE = "repeat"
"""What HeyGen's ``streaming.task`` did when the request had no ``task_type``."""

_LOG = logging.getLogger("liveavatar_bridge")
_T = TypeVar("_T")
_R = TypeVar("_R", bound="EventReceipt")
_SESSION_FIELDS = (
    "session_token",
    "livekit_url",
    "livekit_client_token",
    "livekit_agent_token",
    "ws_url",
)


class BridgeError(RuntimeError):
    """An event could not be sent (the LiveKit room could not be joined or used)."""


class UnknownSessionError(KeyError):
    """The session, or the part of it an operation needs, was never remembered."""

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument; a sentence reads better.
        return str(self.args[0]) if self.args else ""


# LiveKit -------------------------------------------------------------------------------------
class LocalParticipant(Protocol):
    async def publish_data(self, payload: bytes, *, reliable: bool, topic: str) -> Any: ...


class Room(Protocol):
    """The part of ``livekit.rtc.Room`` this module uses."""

    @property
    def local_participant(self) -> LocalParticipant: ...

    async def connect(self, url: str, token: str) -> Any: ...

    async def disconnect(self) -> Any: ...


RoomFactory = Callable[[], Room]


def _livekit_room() -> Room:
    try:
        # Imported on first use so that importing this module (and remembering sessions)
        # works without the LiveKit SDK installed.
        rtc = importlib.import_module("livekit.rtc")
    except ImportError as exc:
        raise ImportError(
            "liveavatar_bridge needs the LiveKit SDK to send LiveAvatar events: pip install livekit"
        ) from exc
    room: Room = rtc.Room()
    return room


# Responses -----------------------------------------------------------------------------------
class EventReceipt(dict[str, Any]):
    """What :func:`emit` returns: HeyGen's response envelope, as a dict and a response object.

    ``{"code": 100, "message": "success", "data": {"event_id": ..., "event_type": ...}}``.
    Sending failures raise instead, so the status is always a success.
    """

    status_code = 200
    status = 200
    ok = True
    is_success = True
    reason = "OK"

    @classmethod
    def for_event(cls: type[_R], event: Mapping[str, Any]) -> _R:
        data = {"event_id": event["event_id"], "event_type": event["event_type"]}
        return cls(code=100, message="success", data=data)

    @property
    def headers(self) -> dict[str, str]:
        return {"Content-Type": "application/json"}

    def json(self, **_options: Any) -> Any:
        return self

    @property
    def text(self) -> str:
        return json.dumps(self)

    @property
    def content(self) -> bytes:
        return self.text.encode("utf-8")

    def read(self, *_size: int) -> bytes:
        return self.content

    def getcode(self) -> int:
        return self.status

    def raise_for_status(self) -> EventReceipt:
        return self

    def close(self) -> None:
        return None

    release = close

    def __enter__(self) -> EventReceipt:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"


async def _ready(value: _T) -> _T:
    return value


class _ReadyDict(dict[str, Any]):
    """A dict that can also be awaited (giving itself): ``r.json()`` and ``await r.json()``."""

    def __await__(self) -> Generator[Any, None, _ReadyDict]:
        return _ready(self).__await__()


class _ReadyText(str):
    """A str that can also be called and awaited: ``r.text`` and ``await r.text()``."""

    __slots__ = ()

    def __call__(self, *_args: Any, **_kwargs: Any) -> _ReadyText:
        return self

    def __await__(self) -> Generator[Any, None, _ReadyText]:
        return _ready(self).__await__()


class _ReadyBytes(bytes):
    """Bytes that can also be awaited: ``r.read()`` and ``await r.read()``."""

    __slots__ = ()

    def __await__(self) -> Generator[Any, None, _ReadyBytes]:
        return _ready(self).__await__()


class AsyncEventReceipt(EventReceipt):
    """What :func:`emit_async` gives: an :class:`EventReceipt` whose readers also work awaited.

    The code it replaces read aiohttp responses (``await resp.json()``, ``await resp.text()``) or
    httpx ones (``resp.json()``, ``resp.text``); both spellings work here.
    """

    def json(self, **_options: Any) -> Any:
        return _ReadyDict(self)

    @property
    def text(self) -> str:
        return _ReadyText(json.dumps(self))

    def read(self, *_size: int) -> bytes:
        return _ReadyBytes(self.content)


class _EmitCall(Coroutine[Any, Any, AsyncEventReceipt]):
    """The result of :func:`emit_async`: a coroutine that can also be used with ``async with``.

    It is a real coroutine (``await``, ``asyncio.create_task``, ``asyncio.gather`` accept it), and
    ``async with emit_async(...) as resp`` replaces ``async with session.post(...) as resp``.
    Nothing is sent until it is awaited or entered.
    """

    def __init__(self, start: Callable[[], Coroutine[Any, Any, AsyncEventReceipt]]) -> None:
        self._start = start
        self._coroutine: Coroutine[Any, Any, AsyncEventReceipt] | None = None

    def _inner(self) -> Coroutine[Any, Any, AsyncEventReceipt]:
        if self._coroutine is None:
            self._coroutine = self._start()
        return self._coroutine

    def __await__(self) -> Generator[Any, None, AsyncEventReceipt]:
        return self._inner().__await__()

    def send(self, value: Any) -> Any:
        return self._inner().send(value)

    def throw(self, *args: Any) -> Any:
        return self._inner().throw(*args)

    def close(self) -> None:
        if self._coroutine is not None:
            self._coroutine.close()

    async def __aenter__(self) -> AsyncEventReceipt:
        return await self

    async def __aexit__(self, *_exc_info: object) -> None:
        return None


# Sessions and connections --------------------------------------------------------------------
@dataclass
class _Session:
    # Tokens are secrets: keep them out of repr() (and so out of logs and tracebacks).
    session_token: str | None = field(default=None, repr=False)
    livekit_url: str | None = None
    livekit_client_token: str | None = field(default=None, repr=False)
    livekit_agent_token: str | None = field(default=None, repr=False)
    ws_url: str | None = field(default=None, repr=False)  # may carry a token in its query


def _room_credentials(session_id: str, session: _Session) -> tuple[str, str]:
    token = session.livekit_agent_token or session.livekit_client_token
    if not session.livekit_url or not token:
        raise UnknownSessionError(
            f"LiveAvatar session {session_id} has no LiveKit room here yet: pass the "
            "/v1/sessions/start response to liveavatar_bridge.remember_session() first"
        )
    return session.livekit_url, token


def _redact(text: str, *secrets: str) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "<redacted>")
    return text


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.set_event_loop(loop)
    loop.run_forever()


class _State:
    """Sessions, the LiveKit rooms and the thread whose event loop runs them.

    The registry is guarded by ``lock``; ``rooms`` is only touched on the bridge's own loop.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sessions: dict[str, _Session] = {}
        self.room_factory: RoomFactory | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.rooms: dict[str, asyncio.Future[Room]] = {}

    def __repr__(self) -> str:
        return f"<liveavatar_bridge state: {len(self.sessions)} session(s)>"

    # Registry ----------------------------------------------------------------------------
    def remember(self, data: Mapping[str, Any]) -> None:
        session_id = data.get("session_id")
        if not isinstance(session_id, str) or not session_id:
            return
        with self.lock:
            session = self.sessions.setdefault(session_id, _Session())
            for name in _SESSION_FIELDS:
                value = data.get(name)
                # The token and start responses each carry part of the record: merge them.
                if isinstance(value, str) and value:
                    setattr(session, name, value)

    def session(self, session_id: str) -> _Session:
        with self.lock:
            session = self.sessions.get(session_id)
        if session is None:
            raise UnknownSessionError(
                f"unknown LiveAvatar session {session_id!r}: pass the /v1/sessions/token and "
                "/v1/sessions/start responses to liveavatar_bridge.remember_session() first"
            )
        return session

    # The bridge's event loop ---------------------------------------------------------------
    def event_loop(self) -> asyncio.AbstractEventLoop:
        with self.lock:
            if self.loop is None or self.loop.is_closed():
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=_run_loop, args=(loop,), name="liveavatar-bridge", daemon=True
                )
                thread.start()
                self.loop = loop
                atexit.register(self.shutdown)
            return self.loop

    def on_bridge_loop(self) -> bool:
        try:
            return asyncio.get_running_loop() is self.loop
        except RuntimeError:
            return False

    def submit(self, coroutine: Coroutine[Any, Any, _T]) -> concurrent.futures.Future[_T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.event_loop())

    def wait(self, coroutine: Coroutine[Any, Any, _T], timeout: float, what: str) -> _T:
        """Run ``coroutine`` on the bridge's loop and block this thread for its result."""
        if self.on_bridge_loop():
            coroutine.close()
            # Blocking here would stop the loop that has to do the work.
            raise RuntimeError(
                f"{what} was called on the bridge's own event loop: use the *_async form"
            )
        future = self.submit(coroutine)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise TimeoutError(f"{what} did not finish within {timeout} s") from None

    async def wait_async(self, coroutine: Coroutine[Any, Any, _T], timeout: float, what: str) -> _T:
        """Run ``coroutine`` on the bridge's loop and await its result from the caller's loop."""
        future = asyncio.wrap_future(self.submit(coroutine))
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise TimeoutError(f"{what} did not finish within {timeout} s") from None

    # Work done on the bridge's loop -----------------------------------------------------------
    async def publish(self, session_id: str, payload: bytes) -> None:
        room = await self.room(session_id)
        try:
            await room.local_participant.publish_data(
                payload, reliable=True, topic=AGENT_CONTROL_TOPIC
            )
        except Exception as exc:
            raise BridgeError(
                f"could not publish an event to the LiveKit room of session {session_id}: "
                f"{type(exc).__name__}"
            ) from exc

    async def room(self, session_id: str) -> Room:
        pending = self.rooms.get(session_id)
        if pending is None:
            url, token = _room_credentials(session_id, self.session(session_id))
            pending = asyncio.ensure_future(self.connect(session_id, url, token))
            self.rooms[session_id] = pending
        try:
            # Shielded: a caller that times out must not cancel a join other events wait for.
            return await asyncio.shield(pending)
        except Exception:
            if pending.done() and self.rooms.get(session_id) is pending:
                del self.rooms[session_id]  # let the next event try again
            raise

    async def connect(self, session_id: str, url: str, token: str) -> Room:
        _LOG.debug("joining the LiveKit room of LiveAvatar session %s", session_id)
        factory = self.room_factory or _livekit_room
        room = factory()
        try:
            await room.connect(url, token)
        except Exception as exc:
            message = _redact(str(exc), token)
            raise BridgeError(
                f"could not join the LiveKit room of session {session_id}: "
                f"{type(exc).__name__}: {message}"
            ) from exc
        return room

    async def disconnect(self, session_id: str) -> None:
        pending = self.rooms.pop(session_id, None)
        if pending is None:
            return
        try:
            room = await pending
        except Exception:
            return  # never joined: nothing to leave
        _LOG.debug("leaving the LiveKit room of LiveAvatar session %s", session_id)
        await room.disconnect()

    async def disconnect_all(self) -> None:
        for session_id in list(self.rooms):
            with contextlib.suppress(Exception):
                await self.disconnect(session_id)

    def forget(self, session_id: str) -> bool:
        """Drop the tokens; True when a room connection may need closing."""
        with self.lock:
            self.sessions.pop(session_id, None)
        return self.loop is not None

    def shutdown(self) -> None:
        loop = self.loop
        if loop is None or not loop.is_running():
            return
        with contextlib.suppress(Exception):  # best effort while the interpreter exits
            asyncio.run_coroutine_threadsafe(self.disconnect_all(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)


_STATE_KEY = "_liveavatar_bridge_state_v1"


def _shared() -> types.ModuleType:
    # heygen2liveavatar writes a copy of this file beside every migrated module, so one program
    # can import several copies (``app.api.liveavatar_bridge``, ``app.worker.liveavatar_bridge``).
    # A session remembered through one copy must be usable through another, so all copies share
    # one state object (and the exception classes it raises), kept in sys.modules under a fixed
    # name.
    holder = sys.modules.get(_STATE_KEY)
    if holder is None:
        created = types.ModuleType(_STATE_KEY, "Shared state of the liveavatar_bridge modules.")
        created.state = _State()  # type: ignore[attr-defined]
        created.BridgeError = BridgeError  # type: ignore[attr-defined]
        created.UnknownSessionError = UnknownSessionError  # type: ignore[attr-defined]
        holder = sys.modules.setdefault(_STATE_KEY, created)
    return holder


_SHARED = _shared()
_STATE: _State = _SHARED.state
if _SHARED.BridgeError is not BridgeError or _SHARED.UnknownSessionError is not UnknownSessionError:
    # Another copy came first and its state raises its classes: use them here too, so that
    # ``except liveavatar_bridge.BridgeError`` works whichever copy raised the error.
    BridgeError = _SHARED.BridgeError  # type: ignore[misc]
    UnknownSessionError = _SHARED.UnknownSessionError  # type: ignore[misc]


# Public API -----------------------------------------------------------------------------------
def remember_session(response: _T) -> _T:
    """Record the session in a ``/v1/sessions/token`` or ``/v1/sessions/start`` response.

    Accepts the parsed JSON (the ``{"code", "data", "message"}`` envelope or its ``data``), or
    ``None``. Returns ``response`` unchanged, so it can wrap the expression that parses it.
    Responses without a ``session_id`` (errors) are ignored.
    """
    if response is None:
        return response
    if not isinstance(response, Mapping):
        raise TypeError(
            "remember_session() takes the parsed JSON of a LiveAvatar session response "
            f"(a dict), not {type(response).__name__}"
        )
    data = response.get("data")
    _STATE.remember(data if isinstance(data, Mapping) else response)
    return response


def _start_url(token_url: Any) -> str:
    import os

    text = str(token_url) if token_url is not None else ""
    if text.startswith(("http://", "https://")) and "/sessions/token" in text:
        return text.split("?", 1)[0].rsplit("/sessions/token", 1)[0] + "/sessions/start"
    base = os.environ.get("LIVEAVATAR_API_URL", "https://api.liveavatar.com").rstrip("/")
    for suffix in ("/sessions", "/v1"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base + "/v1/sessions/start"


def start_session(token_response: _T, token_url: Any = None, *, timeout: float = 30) -> _T:
    """Start the session of a ``/v1/sessions/token`` response; returns it with start's data merged."""
    import urllib.error
    import urllib.request

    envelope = token_response if isinstance(token_response, Mapping) else {}
    data = envelope.get("data") if isinstance(envelope.get("data"), Mapping) else envelope
    token = data.get("session_token") if isinstance(data, Mapping) else None
    if not token:
        raise BridgeError("start_session() needs a /v1/sessions/token response with a session_token")
    request = urllib.request.Request(
        _start_url(token_url), method="POST", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            started = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        raise BridgeError(f"LiveAvatar refused to start the session: HTTP {exc.code}") from None
    start_data = started.get("data") if isinstance(started.get("data"), Mapping) else started
    merged = {**data, **start_data}
    _STATE.remember(merged)
    if data is envelope:
        return merged  # type: ignore[return-value]
    return {**envelope, "data": merged}  # type: ignore[return-value]


async def start_session_async(token_response: _T, token_url: Any = None, *, timeout: float = 30) -> _T:
    """:func:`start_session` without blocking the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        None, lambda: start_session(token_response, token_url, timeout=timeout)
    )


def session_token(session_id: str) -> str:
    """The session token (JWT) LiveAvatar issued for ``session_id``."""
    token = _STATE.session(session_id).session_token
    if token is None:
        raise UnknownSessionError(
            f"no session token recorded for LiveAvatar session {session_id!r}: pass the "
            "/v1/sessions/token response to liveavatar_bridge.remember_session() first"
        )
    return token


def bearer_headers(session_id: str, headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """``headers`` with the session token as Bearer auth, and without any API key.

    ``POST /v1/sessions/start`` accepts only the session token; sending the API key too is
    pointless, so ``X-API-KEY`` (in any spelling) and an old ``Authorization`` are dropped.
    """
    result = {
        name: value
        for name, value in (headers or {}).items()
        if name.lower() not in ("x-api-key", "authorization")
    }
    result["Authorization"] = f"Bearer {session_token(session_id)}"
    return result


def speak_event_type(task_type: str | None) -> str:
    """The LiveAvatar event for a HeyGen ``task_type``: repeat -> speak_text, chat/talk -> speak_response."""
    value = getattr(task_type, "value", task_type)  # also accept an Enum such as TaskType.TALK
    if value is None:
        value = DEFAULT_TASK_TYPE
    if isinstance(value, str):
        event_type = SPEAK_EVENT_TYPES.get(value.lower())
        if event_type is not None:
            return event_type
    raise ValueError(
        f"unknown HeyGen task_type {value!r}: expected one of {', '.join(SPEAK_EVENT_TYPES)}"
    )


def _event(session_id: str, event_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(session_id, str) or not session_id:
        raise TypeError(f"session_id must be a non-empty str, not {session_id!r}")
    if not isinstance(event_type, str) or not event_type:
        raise TypeError(f"event_type must be a non-empty str, not {event_type!r}")
    clash = sorted({"event_type", "session_id"} & payload.keys())
    if clash:
        raise TypeError(f"payload field(s) {', '.join(clash)} would overwrite the envelope")
    # A caller may choose the event_id (to correlate replies); otherwise it is a fresh uuid4.
    event_id = payload.pop("event_id", None) or str(uuid.uuid4())
    return {"event_id": event_id, "event_type": event_type, "session_id": session_id, **payload}


def _encode(event: Mapping[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def emit(session_id: str, event_type: str, /, **payload: Any) -> EventReceipt:
    """Publish ``event_type`` (with ``payload`` fields) to the session's avatar; wait until sent.

    For sync code. Joins the session's LiveKit room on first use. Raises
    :class:`UnknownSessionError` for a session that was not remembered, :class:`BridgeError`
    when the room cannot be joined or used, and ``TimeoutError`` after ``EMIT_TIMEOUT`` seconds.
    """
    event = _event(session_id, event_type, payload)
    _LOG.debug("sending %s to LiveAvatar session %s", event_type, session_id)
    _STATE.wait(_STATE.publish(session_id, _encode(event)), EMIT_TIMEOUT, "emit()")
    return EventReceipt.for_event(event)


def emit_async(session_id: str, event_type: str, /, **payload: Any) -> _EmitCall:
    """Like :func:`emit`, for coroutines: ``await emit_async(...)`` or ``async with emit_async(...) as r``."""
    event = _event(session_id, event_type, payload)

    async def send() -> AsyncEventReceipt:
        _LOG.debug("sending %s to LiveAvatar session %s", event_type, session_id)
        await _STATE.wait_async(
            _STATE.publish(session_id, _encode(event)), EMIT_TIMEOUT, "emit_async()"
        )
        return AsyncEventReceipt.for_event(event)

    return _EmitCall(send)


def forget_session(session_id: str) -> None:
    """Leave the session's LiveKit room and drop its tokens (call it after stopping the session)."""
    if not _STATE.forget(session_id):
        return
    if _STATE.on_bridge_loop():
        # Called from a room callback: the loop cannot wait for itself, so just schedule it.
        _STATE.submit(_STATE.disconnect(session_id))
        return
    _STATE.wait(_STATE.disconnect(session_id), EMIT_TIMEOUT, "forget_session()")


async def forget_session_async(session_id: str) -> None:
    """:func:`forget_session` for coroutines."""
    if _STATE.forget(session_id):
        await _STATE.wait_async(
            _STATE.disconnect(session_id), EMIT_TIMEOUT, "forget_session_async()"
        )


def set_room_factory(factory: RoomFactory | None) -> None:
    """Use ``factory()`` instead of ``livekit.rtc.Room()`` for rooms joined from now on.

    The object it returns needs ``async connect(url, token)``, ``async disconnect()`` and
    ``local_participant.publish_data(payload: bytes, *, reliable: bool, topic: str)`` (async).
    Tests pass a recording stand-in; ``None`` restores LiveKit.
    """
    _STATE.room_factory = factory
