"""The session calls, each authenticated with the provider's token."""
from __future__ import annotations

import os
from typing import Any

import aiohttp

from .tokens import API, TokenProvider
from . import liveavatar_bridge


class StreamingClient:
    def __init__(self, http: aiohttp.ClientSession, tokens: TokenProvider) -> None:
        self.http = http
        self.tokens = tokens

    async def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.tokens.get()}"}

    async def open(self, avatar_id: str) -> dict[str, Any]:
        async with self.http.post(
            f"{API}/sessions/token",
            json={
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
            headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        ) as r:
            r.raise_for_status()
            session = (await liveavatar_bridge.start_session_async(
                await r.json(), r.url
            ))["data"]
        return {
            **session,
            "url": session.get("livekit_url"),
            "access_token": session.get("livekit_client_token"),
        }

    async def say(self, session_id: str, text: str) -> None:
        await liveavatar_bridge.emit_async(
            session_id,
            "avatar.speak_text",
            text=text,
        )

    async def close(self, session_id: str) -> None:
        async with self.http.post(
            f"{API}/sessions/stop",
            json={"session_id": session_id, "reason": "USER_CLOSED"},
            headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        ) as r:
            r.raise_for_status()
        await liveavatar_bridge.release_async(session_id)
