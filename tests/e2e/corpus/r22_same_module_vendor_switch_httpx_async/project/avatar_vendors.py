"""Streaming-avatar vendors behind one tiny interface (open / say / ask / hush / ping / close).

HeyGen is what production uses; LiveAvatar is the new API we are trialling on the staging bot.
``AVATAR_VENDOR`` picks one.
"""
from __future__ import annotations

import json
import os
import uuid
from typing import Any

import httpx

HEYGEN_VOICES_URL = "https://api.heygen.com/v2/voices"  # not streaming: the voice picker uses it


class HeyGenStreaming:
    def __init__(self, api_key: str | None = None, avatar_id: str | None = None) -> None:
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
        self.kb_id = os.environ.get("KNOWLEDGE_BASE_ID")
        self.http = httpx.AsyncClient(base_url="https://api.heygen.com/v1",
                                      headers={"x-api-key": self.api_key}, timeout=30)
        self.session_id: str | None = None

    async def _post(self, path: str, **body: Any) -> dict:
        r = await self.http.post(path, json=body)
        r.raise_for_status()
        payload = r.json()
        if payload.get("code") != 100:
            raise RuntimeError(f"HeyGen {path}: {payload.get('message')}")
        return payload.get("data") or {}

    async def open(self) -> dict:
        body: dict[str, Any] = {"avatar_id": self.avatar_id, "version": "v2", "quality": "medium"}
        if self.kb_id:
            body["knowledge_base_id"] = self.kb_id
        data = await self._post("/streaming.new", **body)
        self.session_id = data["session_id"]
        await self._post("/streaming.start", session_id=self.session_id)
        return {"session_id": self.session_id, "url": data["url"], "token": data["access_token"]}

    async def say(self, text: str) -> None:
        await self._post("/streaming.task", session_id=self.session_id, text=text, task_type="repeat")

    async def ask(self, text: str) -> None:
        await self._post("/streaming.task", session_id=self.session_id, text=text, task_type="talk")

    async def hush(self) -> None:
        await self._post("/streaming.interrupt", session_id=self.session_id)

    async def ping(self) -> None:
        await self._post("/streaming.keep_alive", session_id=self.session_id)

    async def close(self) -> None:
        try:
            await self._post("/streaming.stop", session_id=self.session_id)
        finally:
            await self.http.aclose()

    async def voices(self) -> list[str]:
        r = await self.http.get(HEYGEN_VOICES_URL)
        r.raise_for_status()
        return [v["name"] for v in r.json()["data"]["voices"]]


class LiveAvatarStreaming:
    """FULL mode: text goes out as LiveKit data-channel commands, so we join the room as the agent."""

    def __init__(self, api_key: str | None = None, avatar_id: str | None = None) -> None:
        self.api_key = api_key or os.environ["LIVEAVATAR_API_KEY"]
        self.avatar_id = avatar_id or os.environ["LIVEAVATAR_AVATAR_ID"]
        self.context_id = os.environ.get("LIVEAVATAR_CONTEXT_ID")
        self.http = httpx.AsyncClient(base_url="https://api.liveavatar.com/v1", timeout=30)
        self.session_id: str | None = None
        self.session_token: str | None = None
        self.room = None

    async def open(self) -> dict:
        persona = {"context_id": self.context_id} if self.context_id else {}
        r = await self.http.post("/sessions/token", headers={"X-API-KEY": self.api_key},
                                 json={"mode": "FULL", "avatar_id": self.avatar_id, "avatar_persona": persona})
        r.raise_for_status()
        token = r.json()["data"]
        self.session_id, self.session_token = token["session_id"], token["session_token"]
        r = await self.http.post("/sessions/start", headers={"Authorization": f"Bearer {self.session_token}"})
        r.raise_for_status()
        started = r.json()["data"]
        from livekit import rtc  # only the LiveAvatar path needs the SDK

        self.room = rtc.Room()
        await self.room.connect(started["livekit_url"], started["livekit_agent_token"])
        return {"session_id": self.session_id, "url": started["livekit_url"],
                "token": started["livekit_client_token"]}

    async def _command(self, event_type: str, **extra: Any) -> None:
        event = {"event_id": uuid.uuid4().hex, "event_type": event_type, "session_id": self.session_id, **extra}
        await self.room.local_participant.publish_data(json.dumps(event), reliable=True, topic="agent-control")

    async def say(self, text: str) -> None:
        await self._command("avatar.speak_text", text=text)

    async def ask(self, text: str) -> None:
        await self._command("avatar.speak_response", text=text)

    async def hush(self) -> None:
        await self._command("avatar.interrupt")

    async def ping(self) -> None:
        r = await self.http.post("/sessions/keep-alive", headers={"Authorization": f"Bearer {self.session_token}"},
                                 json={"session_id": self.session_id})
        r.raise_for_status()

    async def close(self) -> None:
        try:
            r = await self.http.post("/sessions/stop", headers={"X-API-KEY": self.api_key},
                                     json={"session_id": self.session_id, "reason": "USER_CLOSED"})
            r.raise_for_status()
        finally:
            if self.room is not None:
                await self.room.disconnect()
            await self.http.aclose()


def make_vendor(name: str | None = None):
    name = (name or os.environ.get("AVATAR_VENDOR", "heygen")).lower()
    return LiveAvatarStreaming() if name == "liveavatar" else HeyGenStreaming()
