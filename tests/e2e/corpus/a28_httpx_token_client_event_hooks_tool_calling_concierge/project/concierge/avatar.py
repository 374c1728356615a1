"""The concierge's face: a HeyGen streaming avatar driven over httpx."""

import logging
import os

import httpx

log = logging.getLogger("concierge.avatar")

HEYGEN_V1 = "https://api.heygen.com/v1/"


class AvatarUnavailable(RuntimeError):
    pass


async def _check(response: httpx.Response) -> None:
    # event hooks see the response before the body is read
    await response.aread()
    if response.status_code >= 400:
        raise AvatarUnavailable(f"{response.request.url.path}: HTTP {response.status_code}")
    payload = response.json()
    if payload.get("code", 100) != 100:
        raise AvatarUnavailable(f"{response.request.url.path}: {payload.get('message')}")


async def fetch_session_token(api_key: str) -> str:
    async with httpx.AsyncClient(timeout=10) as client:
        r = await client.post(HEYGEN_V1 + "streaming.create_token", headers={"x-api-key": api_key})
        r.raise_for_status()
        return r.json()["data"]["token"]


class ConciergeAvatar:
    def __init__(self, avatar_id: str | None = None, knowledge_base_id: str | None = None):
        self.avatar_id = avatar_id or os.environ["CONCIERGE_AVATAR"]
        self.knowledge_base_id = knowledge_base_id or os.getenv("CONCIERGE_KB")
        self.http: httpx.AsyncClient | None = None
        self.session_id: str | None = None
        self.viewer: dict = {}

    async def connect(self) -> dict:
        token = await fetch_session_token(os.environ["HEYGEN_API_KEY"])
        self.http = httpx.AsyncClient(
            base_url=HEYGEN_V1,
            headers={"Authorization": f"Bearer {token}"},
            event_hooks={"response": [_check]},
            timeout=httpx.Timeout(15.0),
        )
        body = {
            "avatar_id": self.avatar_id,
            "quality": "medium",
            "version": "v2",
            "video_encoding": "H264",
            "knowledge_base_id": self.knowledge_base_id,
            "language": "en",
        }
        r = await self.http.post("streaming.new", json=body)
        data = r.json().get("data", {})
        self.session_id = data.get("session_id")
        await self.http.post("streaming.start", json={"session_id": self.session_id})
        self.viewer = {"livekit_url": data.get("url"), "token": data.get("access_token")}
        log.info("concierge avatar up: %s", self.session_id)
        return self.viewer

    async def speak(self, text: str, task_type: str = "repeat") -> dict:
        r = await self.http.post(
            "streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
        )
        return r.json().get("data", {})

    async def stop_talking(self) -> None:
        await self.http.post("streaming.interrupt", json={"session_id": self.session_id})

    async def disconnect(self) -> None:
        if self.http is None:
            return
        try:
            await self.http.post("streaming.stop", json={"session_id": self.session_id})
        finally:
            await self.http.aclose()
            self.http = None
