"""Drive-thru avatar session: our own voice pipeline speaks through it (CUSTOM avatar)."""
from __future__ import annotations

import os
from dataclasses import dataclass

import httpx

API_ROOT = os.environ.get("DRIVETHRU_API_ROOT", "https://api.heygen.com")


@dataclass(frozen=True)
class LiveLink:
    session_id: str
    realtime_endpoint: str
    room_url: str
    room_token: str


class SessionClient:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self._token: str | None = None

    async def _bearer(self) -> dict[str, str]:
        if self._token is None:
            r = await self.http.post(f"{API_ROOT}/v1/streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
            r.raise_for_status()
            self._token = r.json()["data"]["token"]
        return {"Authorization": f"Bearer {self._token}"}

    async def open(self, avatar_id: str) -> LiveLink:
        headers = await self._bearer()
        r = await self.http.post(f"{API_ROOT}/v1/streaming.new", headers=headers, json={"avatar_id": avatar_id, "version": "v2"})
        r.raise_for_status()
        d = r.json()["data"]
        r = await self.http.post(f"{API_ROOT}/v1/streaming.start", headers=headers, json={"session_id": d["session_id"]})
        r.raise_for_status()
        return LiveLink(d["session_id"], d["realtime_endpoint"], d["url"], d["access_token"])

    async def close(self, link: LiveLink) -> None:
        r = await self.http.post(f"{API_ROOT}/v1/streaming.stop", headers=await self._bearer(), json={"session_id": link.session_id})
        r.raise_for_status()
