"""HeyGen interactive avatar for a voice agent, shaped like the framework's avatar plugins.

    avatar = AvatarSession(avatar_id="...")
    await avatar.start(session, room=ctx.room)

HeyGen renders and voices the avatar in its own LiveKit room; the agent's replies are sent
as `repeat` tasks, and the user starting to talk interrupts the avatar. The frontend finds
the avatar room in the agent participant's attributes.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Optional

import aiohttp

from agentkit import AgentSession, ConversationItemAddedEvent, Room, UserStateChangedEvent

logger = logging.getLogger("heygen-avatar")

DEFAULT_API_URL = "https://api.heygen.com"
ATTR_AVATAR_URL = "heygen.avatar_url"
ATTR_AVATAR_TOKEN = "heygen.avatar_token"


class HeyGenException(Exception):
    pass


class AvatarSession:
    def __init__(
        self,
        *,
        avatar_id: Optional[str] = None,
        api_url: Optional[str] = None,
        api_key: Optional[str] = None,
        quality: str = "high",
        http_session: Optional[aiohttp.ClientSession] = None,
    ) -> None:
        self._avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID")
        self._api_url = api_url or os.getenv("HEYGEN_API_URL", DEFAULT_API_URL)
        self._api_key = api_key or os.getenv("HEYGEN_API_KEY")
        if not self._api_key:
            raise HeyGenException("HEYGEN_API_KEY must be set")
        self._quality = quality
        self._http = http_session
        self._owns_http = http_session is None
        self._token: Optional[str] = None
        self._session_id: Optional[str] = None
        self._queue: asyncio.Queue = asyncio.Queue()
        self._worker: Optional[asyncio.Task] = None

    async def _post(self, path: str, payload: dict, *, bearer: bool = True) -> dict:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        if bearer:
            headers = {"Authorization": f"Bearer {self._token}"}
        else:
            headers = {"X-Api-Key": self._api_key}
        async with self._http.post(f"{self._api_url}{path}", json=payload, headers=headers) as resp:
            if resp.status >= 400:
                raise HeyGenException(f"{path}: {resp.status} {await resp.text()}")
            body = await resp.json()
        return body.get("data") or {}

    async def start(self, agent_session: AgentSession, room: Room) -> None:
        token = await self._post("/v1/streaming.create_token", {}, bearer=False)
        self._token = token["token"]
        info = await self._post(
            "/v1/streaming.new",
            {"avatar_id": self._avatar_id, "quality": self._quality, "version": "v2"},
        )
        self._session_id = info["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self._session_id})
        logger.info("heygen avatar session %s started", self._session_id)

        # tell the frontend where the avatar video is
        await room.local_participant.set_attributes(
            {ATTR_AVATAR_URL: info["url"], ATTR_AVATAR_TOKEN: info["access_token"]}
        )

        agent_session.on("conversation_item_added", self._on_item)
        agent_session.on("user_state_changed", self._on_user_state)
        agent_session.on("close", lambda ev: self._queue.put_nowait(("close", None)))
        self._worker = asyncio.create_task(self._run())

    def _on_item(self, ev: ConversationItemAddedEvent) -> None:
        if ev.item.role == "assistant" and ev.item.text_content:
            self._queue.put_nowait(("say", ev.item.text_content))

    def _on_user_state(self, ev: UserStateChangedEvent) -> None:
        if ev.new_state == "speaking":
            self._queue.put_nowait(("interrupt", None))

    async def _run(self) -> None:
        # one worker keeps the calls in the order the agent made them
        while True:
            kind, text = await self._queue.get()
            try:
                if kind == "say":
                    await self._post(
                        "/v1/streaming.task",
                        {"session_id": self._session_id, "text": text, "task_type": "repeat"},
                    )
                elif kind == "interrupt":
                    await self._post("/v1/streaming.interrupt", {"session_id": self._session_id})
                elif kind == "close":
                    await self.aclose()
                    return
            except HeyGenException:
                logger.exception("heygen call failed")

    async def wait_closed(self) -> None:
        if self._worker is not None:
            await self._worker

    async def aclose(self) -> None:
        if self._session_id is not None:
            await self._post("/v1/streaming.stop", {"session_id": self._session_id})
            self._session_id = None
        if self._owns_http and self._http is not None:
            await self._http.close()
