"""One actor owns the avatar session; everybody else talks to it through its mailbox.
No locks: the actor handles one message at a time."""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import httpx

from .messages import Connect, Disconnect, Heartbeat, Interrupt, Message, Speak

log = logging.getLogger("avatar_actor")


class AvatarActor:
    def __init__(self, api_key: str | None = None) -> None:
        self._mailbox: asyncio.Queue[Message | None] = asyncio.Queue()
        self._http = httpx.AsyncClient(
            base_url=os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1"),
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            transport=httpx.AsyncHTTPTransport(retries=2),
            timeout=20,
        )
        self._session: dict[str, Any] | None = None
        self._task: asyncio.Task[None] | None = None

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> "AvatarActor":
        self._task = asyncio.create_task(self._loop(), name="avatar-actor")
        return self

    async def ask(self, message: Message, timeout: float = 30.0) -> Any:
        await self._mailbox.put(message)
        return await asyncio.wait_for(message.reply, timeout)

    async def shutdown(self) -> None:
        await self._mailbox.put(None)
        if self._task is not None:
            await self._task
        await self._http.aclose()

    async def _loop(self) -> None:
        while (message := await self._mailbox.get()) is not None:
            try:
                message.reply.set_result(await self._receive(message))
            except Exception as exc:  # the asker gets the failure
                message.reply.set_exception(exc)

    # -- behaviour -----------------------------------------------------------------------
    async def _receive(self, message: Message) -> Any:
        match message:
            case Connect(avatar_id=avatar_id, quality=quality):
                return await self._connect(avatar_id, quality)
            case Speak(text=text):
                return await self._rpc("/streaming.task", {"session_id": self._sid(), "text": text, "task_type": "repeat"})
            case Interrupt():
                return await self._rpc("/streaming.interrupt", {"session_id": self._sid()})
            case Heartbeat():
                return await self._rpc("/streaming.keep_alive", {"session_id": self._sid()})
            case Disconnect():
                result = await self._rpc("/streaming.stop", {"session_id": self._sid()})
                self._session = None
                return result
        raise TypeError(f"unexpected message {message!r}")

    def _sid(self) -> str:
        if self._session is None:
            raise RuntimeError("not connected")
        return self._session["session_id"]

    async def _rpc(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        response = await self._http.post(path, json=payload)
        response.raise_for_status()
        return response.json()

    async def _connect(self, avatar_id: str, quality: str) -> dict[str, Any]:
        created = await self._rpc("/streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})
        self._session = created["data"]
        await self._rpc("/streaming.start", {"session_id": self._session["session_id"]})
        return {"room": self._session["url"], "viewer_token": self._session["access_token"]}
