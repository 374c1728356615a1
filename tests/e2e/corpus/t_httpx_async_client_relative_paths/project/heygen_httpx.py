from __future__ import annotations

import os
from typing import List, Optional, TypedDict

import httpx


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class TaskData(TypedDict, total=False):
    duration_ms: float
    task_id: str


class HeyGenClient:
    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None) -> None:
        self.avatar_id = avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108")
        self._http = httpx.AsyncClient(
            base_url="https://api.heygen.com/v1",
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=20.0,
        )

    async def __aenter__(self) -> "HeyGenClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self._http.aclose()

    async def list_sessions(self) -> List[dict]:
        r = await self._http.get("/streaming.list")
        r.raise_for_status()
        return (r.json().get("data") or {}).get("sessions", [])

    async def new_session(self, quality: str = "medium") -> NewSessionData:
        r = await self._http.post("/streaming.new", json={
            "avatar_id": self.avatar_id,
            "quality": quality,
            "version": "v2",
            "video_encoding": "H264",
        })
        r.raise_for_status()
        d = r.json()["data"]
        return NewSessionData(session_id=d["session_id"], url=d["url"], access_token=d["access_token"])

    async def start(self, session_id: str) -> None:
        (await self._http.post("/streaming.start", json={"session_id": session_id})).raise_for_status()

    async def task(self, session_id: str, text: str, task_type: str = "repeat") -> TaskData:
        r = await self._http.post("/streaming.task", json={
            "session_id": session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        })
        r.raise_for_status()
        return r.json()["data"]

    async def keep_alive(self, session_id: str) -> bool:
        r = await self._http.post("/streaming.keep_alive", json={"session_id": session_id})
        return r.is_success

    async def stop(self, session_id: str) -> None:
        r = await self._http.post("/streaming.stop", json={"session_id": session_id})
        r.raise_for_status()
