from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

API = "https://api.heygen.com/v1"


@dataclass(frozen=True, slots=True)
class Realtime:
    session_id: str
    socket_url: str
    viewer_url: str
    viewer_token: str


class StreamingSession:
    def __init__(self, avatar_id: str | None = None) -> None:
        self.avatar_id = avatar_id or os.environ["PHARMACY_AVATAR"]
        self.http = httpx.AsyncClient(timeout=20)
        self.token: str | None = None
        self.rt: Realtime | None = None

    async def open(self) -> Realtime:
        r = await self.http.post(f"{API}/streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        r.raise_for_status()
        self.token = r.json()["data"]["token"]
        r = await self.http.post(
            f"{API}/streaming.new",
            headers={"Authorization": f"Bearer {self.token}"},
            json={"avatar_id": self.avatar_id, "version": "v2", "quality": "medium"},
        )
        r.raise_for_status()
        d = r.json()["data"]
        self.rt = Realtime(
            session_id=d["session_id"],
            socket_url=d["realtime_endpoint"],
            viewer_url=d["url"],
            viewer_token=d["access_token"],
        )
        r = await self.http.post(
            f"{API}/streaming.start",
            headers={"Authorization": f"Bearer {self.token}"},
            json={"session_id": self.rt.session_id},
        )
        r.raise_for_status()
        return self.rt

    async def keep_alive(self) -> None:
        r = await self.http.post(
            f"{API}/streaming.keep_alive",
            headers={"Authorization": f"Bearer {self.token}"},
            json={"session_id": self.rt.session_id},
        )
        r.raise_for_status()

    async def close(self) -> None:
        try:
            await self.http.post(
                f"{API}/streaming.stop",
                headers={"Authorization": f"Bearer {self.token}"},
                json={"session_id": self.rt.session_id},
            )
        finally:
            await self.http.aclose()
