"""The part of ``livekit.rtc`` that programs use to send LiveAvatar FULL commands.

Mirrors the real signatures (``Room.connect(url, token, options=None)``,
``LocalParticipant.publish_data(payload, *, reliable=True, destination_identities=[],
topic="")``), and fails the way the SDK would: a refused join raises ``ConnectError``, a
publish from a participant that was kicked or never joined raises ``PublishDataError``.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
from typing import Any, Callable

_recorder: Any = importlib.import_module("e2e_support._recorder")

__all__ = [
    "ConnectError",
    "ConnectionState",
    "DataPacket",
    "LocalParticipant",
    "PublishDataError",
    "Room",
    "RoomOptions",
]


class ConnectError(Exception):
    pass


class PublishDataError(Exception):
    pass


class ConnectionState:
    CONN_DISCONNECTED = 0
    CONN_CONNECTED = 1
    CONN_RECONNECTING = 2


class RoomOptions:
    def __init__(self, auto_subscribe: bool = True, dynacast: bool = False, **_: Any) -> None:
        self.auto_subscribe = auto_subscribe
        self.dynacast = dynacast


class DataPacket:
    def __init__(
        self, data: bytes, kind: int = 0, participant: Any = None, topic: str = ""
    ) -> None:
        self.data = data
        self.kind = kind
        self.participant = participant
        self.topic = topic


async def _call(path: str, body: dict[str, Any]) -> dict[str, Any]:
    # The recorder call blocks briefly; keep the program's event loop responsive.
    result: dict[str, Any] = await asyncio.to_thread(_recorder.call, path, body)
    return result


class LocalParticipant:
    def __init__(self, room: Room) -> None:
        self._room = room
        self.identity = ""
        self.sid = ""
        self.name = ""

    async def publish_data(
        self,
        payload: bytes | str,
        *,
        reliable: bool = True,
        destination_identities: list[str] | None = None,
        topic: str = "",
    ) -> None:
        if self._room._pid is None:
            raise PublishDataError("publish_data: the room is not connected")
        data = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        try:
            await _call(
                "/livekit/publish",
                {
                    "participant_id": self._room._pid,
                    "payload": base64.b64encode(data).decode("ascii"),
                    "reliable": reliable,
                    "topic": topic,
                    "destination_identities": list(destination_identities or []),
                },
            )
        except _recorder.RecorderError as error:
            raise PublishDataError(str(error)) from None


class Room:
    def __init__(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._pid: str | None = None
        self._handlers: dict[str, list[Callable[..., Any]]] = {}
        self.local_participant = LocalParticipant(self)
        self.remote_participants: dict[str, Any] = {}
        self.name = ""
        self.connection_state = ConnectionState.CONN_DISCONNECTED

    def isconnected(self) -> bool:
        return self._pid is not None

    def on(self, event: str, callback: Callable[..., Any] | None = None) -> Any:
        """Handlers are kept but never called: the stand-in sends nothing back."""

        def register(function: Callable[..., Any]) -> Callable[..., Any]:
            self._handlers.setdefault(event, []).append(function)
            return function

        return register if callback is None else register(callback)

    def off(self, event: str, callback: Callable[..., Any]) -> None:
        if callback in self._handlers.get(event, []):
            self._handlers[event].remove(callback)

    async def connect(self, url: str, token: str, options: RoomOptions | None = None) -> None:
        if self._pid is not None:
            raise ConnectError("Room.connect: already connected")
        try:
            result = await _call(
                "/livekit/connect", {"url": url, "token": token, "role": "program"}
            )
        except _recorder.RecorderError as error:
            raise ConnectError(str(error)) from None
        self._pid = result["participant_id"]
        self.local_participant.identity = result["identity"]
        self.name = result["room"]
        self.connection_state = ConnectionState.CONN_CONNECTED

    async def disconnect(self) -> None:
        if self._pid is not None:
            await _call("/livekit/disconnect", {"participant_id": self._pid})
        self._pid = None
        self.connection_state = ConnectionState.CONN_DISCONNECTED
