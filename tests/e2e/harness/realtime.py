"""WebSocket stand-ins: HeyGen's ``realtime_endpoint`` and LiveAvatar's LITE ``ws_url``.

Both are served by one ``websockets`` server on 127.0.0.1 (plain ws://), routed by path:
``/heygen/<session_id>`` and ``/liveavatar/<session_id>``, each with the ``token`` query
parameter the REST stand-in put in the URL it handed out.

Audio is traced per utterance (``speak_audio <bytes> <sha256 prefix>``) rather than per chunk:
HeyGen's alpha API took 1-4 s segments, LITE takes about 1 s, so a correct migration may
re-chunk, but must deliver the same PCM.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import json
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.protocol import State

from .heygen import HeyGenStandIn
from .liveavatar import LiveAvatarStandIn
from .recording import Recording

MAX_PACKET = 1024 * 1024  # LITE: at most 1 MB per packet (api-reference 4.2)

# Accepted messages and their fields (besides "type"); "event_id" optional unless required.
LITE_MESSAGES: dict[str, tuple[set[str], set[str]]] = {
    # type: (allowed fields, required fields)
    "agent.speak": ({"audio", "event_id"}, {"audio", "event_id"}),
    "agent.speak_end": ({"event_id"}, {"event_id"}),
    "agent.interrupt": ({"event_id"}, set()),
    "agent.start_listening": ({"event_id"}, set()),
    "agent.stop_listening": ({"event_id"}, set()),
    "session.keep_alive": ({"event_id"}, set()),
}
HEYGEN_MESSAGES: dict[str, tuple[set[str], set[str]]] = {
    "agent.audio_buffer_append": ({"audio", "event_id"}, {"audio"}),
    "agent.audio_buffer_commit": ({"audio", "event_id"}, set()),
    "agent.audio_buffer_clear": ({"event_id"}, set()),
    "agent.interrupt": ({"event_id"}, set()),
    "agent.start_listening": ({"event_id"}, set()),
    "agent.end_listening": ({"event_id"}, set()),
    "agent.stop_listening": ({"event_id"}, set()),
    # pipecat spoke the LITE vocabulary to HeyGen's realtime endpoint too.
    "agent.speak": ({"audio", "event_id"}, {"audio"}),
    "agent.speak_end": ({"event_id"}, set()),
    "session.keep_alive": ({"event_id"}, set()),
}
SIMPLE = {
    "agent.interrupt": "interrupt",
    "agent.audio_buffer_clear": "interrupt",
    "agent.start_listening": "start_listening",
    "agent.stop_listening": "stop_listening",
    "agent.end_listening": "stop_listening",
    "session.keep_alive": "keep_alive",
}


@dataclass
class Utterance:
    event_id: Any = None
    chunks: list[bytes] = field(default_factory=list)

    def finish(self) -> tuple[str, str]:
        pcm = b"".join(self.chunks)
        return str(len(pcm)), hashlib.sha256(pcm).hexdigest()[:12]


class RealtimeServer:
    def __init__(self, heygen: HeyGenStandIn, liveavatar: LiveAvatarStandIn) -> None:
        self.heygen = heygen
        self.liveavatar = liveavatar
        self.recording: Recording = heygen.recording
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        # Open connections: a phase ends only when they are all handled (see wait_idle).
        self._active = 0
        self._connections: set[ServerConnection] = set()
        self._idle = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="e2e-websockets", daemon=True)

    @property
    def base(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the WebSocket stand-in did not start")

    def stop(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set_result, None)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = self._loop.create_future()
        async with serve(self._handle, "127.0.0.1", 0, max_size=4 * MAX_PACKET) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            self._ready.set()
            await self._stop

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every connection is closed and its last message recorded."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    def settle(self, timeout: float) -> bool:
        """Wait until no connection the client has closed still has messages to record.

        A program that closes its WebSocket and then calls the REST API (``stop``) sent the
        messages first; this server's handler may still be reading them from its queue when
        the REST call (or the viewer joining through the recorder) arrives on another thread,
        so the REST stand-ins and the recorder settle first."""
        with self._idle:
            return self._idle.wait_for(
                lambda: all(c.state is State.OPEN for c in self._connections), timeout
            )

    async def _handle(self, connection: ServerConnection) -> None:
        with self._idle:
            self._active += 1
            self._connections.add(connection)
        try:
            await self._route(connection)
        except ConnectionClosed:
            pass
        except Exception as error:  # a stand-in bug must show up in the test, not in a log
            self.recording.problem(f"WebSocket stand-in error: {error!r}")
        finally:
            with self._idle:
                self._active -= 1
                self._connections.discard(connection)
                self._idle.notify_all()

    async def _route(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        target = urlsplit(connection.request.path)
        parts = target.path.strip("/").split("/")
        token = parse_qs(target.query).get("token", [None])[0]
        recording = self.recording
        if len(parts) == 2 and parts[0] == "liveavatar":
            session = self.liveavatar.ws_session(parts[1], token)
            if session is None or not session.started or session.stopped:
                recording.problem(f"LiveAvatar ws_url: no started LITE session for {target.path}")
                await connection.close(4004, "unknown session")
                return
            await self._session(connection, "LiveAvatar", session.session_id, LITE_MESSAGES)
        elif len(parts) == 2 and parts[0] == "heygen":
            heygen = self.heygen.realtime_session(parts[1], token)
            if heygen is None or recording.phase != "heygen":
                recording.problem(f"HeyGen realtime_endpoint: refused {target.path}")
                await connection.close(4004, "unknown session")
                return
            await self._session(connection, "HeyGen", heygen.session_id, HEYGEN_MESSAGES)
        else:
            recording.problem(f"WebSocket to an unknown path {target.path}")
            await connection.close(4004, "unknown path")

    async def _session(
        self,
        connection: ServerConnection,
        api: str,
        session_id: str,
        vocabulary: dict[str, tuple[set[str], set[str]]],
    ) -> None:
        recording = self.recording
        where = "LiveAvatar LITE ws_url" if api == "LiveAvatar" else "HeyGen realtime_endpoint"
        # Anything sent before "connected" is dropped by LiveAvatar; announce it at once.
        await connection.send(
            json.dumps(
                {
                    "type": "session.state_updated",
                    "event_id": str(uuid.uuid4()),
                    "state": "connected",
                }
            )
        )
        utterance: Utterance | None = None
        async for frame in connection:
            if isinstance(frame, bytes):
                recording.problem(f"{where}: binary frame; messages are JSON text frames")
                continue
            if len(frame) > MAX_PACKET:
                recording.problem(f"{where}: a packet of {len(frame)} bytes (at most 1 MB)")
            try:
                message = json.loads(frame)
            except ValueError:
                recording.problem(f"{where}: not JSON: {frame[:200]!r}")
                continue
            kind = message.get("type") if isinstance(message, dict) else None
            if kind not in vocabulary:
                recording.problem(f"{where}: unknown message {frame[:200]!r}")
                continue
            allowed, required = vocabulary[kind]
            fields = set(message) - {"type"}
            if fields - allowed or required - fields:
                recording.problem(
                    f"{where}: {kind} takes {sorted(allowed)} (required {sorted(required)}), "
                    f"got {frame[:200]!r}"
                )
                continue
            event_id = message.get("event_id")
            if "audio" in message:
                pcm = self._audio(where, message["audio"])
                if pcm is None:
                    continue
                if utterance is not None and api == "LiveAvatar" and utterance.event_id != event_id:
                    recording.problem(
                        f"{where}: agent.speak with event_id {event_id!r} before agent.speak_end "
                        f"of {utterance.event_id!r}"
                    )
                if utterance is None:
                    utterance = Utterance(event_id)
                    if api == "LiveAvatar":
                        await self._reply(connection, "agent.speak_started", event_id)
                utterance.chunks.append(pcm)
            if kind in ("agent.speak_end", "agent.audio_buffer_commit"):
                if utterance is None:
                    recording.problem(f"{where}: {kind} without audio before it")
                    continue
                if api == "LiveAvatar" and event_id != utterance.event_id:
                    recording.problem(
                        f"{where}: agent.speak_end event_id {event_id!r} does not match "
                        f"agent.speak's {utterance.event_id!r}"
                    )
                recording.add("speak_audio", session_id, *utterance.finish())
                if api == "LiveAvatar":
                    await self._reply(connection, "agent.speak_ended", utterance.event_id)
                utterance = None
            elif kind in SIMPLE:
                if kind in ("agent.interrupt", "agent.audio_buffer_clear"):
                    utterance = None
                recording.add(SIMPLE[kind], session_id)
        if utterance is not None:
            if api == "LiveAvatar":
                recording.problem(
                    f"{where}: agent.speak without agent.speak_end (the avatar never finishes)"
                )
            else:
                recording.add("speak_audio.uncommitted", session_id, *utterance.finish())

    def _audio(self, where: str, audio: Any) -> bytes | None:
        try:
            pcm = base64.b64decode(audio, validate=True) if isinstance(audio, str) else None
        except (binascii.Error, ValueError):
            pcm = None
        if pcm is None or len(pcm) % 2:
            self.recording.problem(f"{where}: audio must be base64 PCM16, got {str(audio)[:60]!r}")
            return None
        return pcm

    @staticmethod
    async def _reply(connection: ServerConnection, kind: str, event_id: Any) -> None:
        task = {"id": str(event_id)}
        # The program may already have closed its side; what it sent is still being read.
        with contextlib.suppress(ConnectionClosed):
            await connection.send(json.dumps({"type": kind, "event_id": event_id, "task": task}))
