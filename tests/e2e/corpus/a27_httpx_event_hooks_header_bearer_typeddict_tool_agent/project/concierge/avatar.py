import logging
import os
from typing import Literal, TypedDict

import httpx

from .retry import retry_async

log = logging.getLogger(__name__)

TaskType = Literal["repeat", "chat"]


class TokenData(TypedDict):
    token: str


class SessionData(TypedDict, total=False):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: int


class AvatarError(Exception):
    pass


async def _log_request(request: httpx.Request) -> None:
    log.debug("-> %s %s", request.method, request.url.path)


async def _raise_for_heygen(response: httpx.Response) -> None:
    await response.aread()
    if response.is_error:
        raise AvatarError(f"{response.request.url.path}: HTTP {response.status_code} {response.text[:200]}")


class StreamingAvatar:
    def __init__(self, api_key: str | None = None):
        self._api_key = api_key or os.getenv("HEYGEN_API_KEY", "")
        self._client = httpx.AsyncClient(
            base_url="https://api.heygen.com/v1/",
            timeout=httpx.Timeout(15.0, connect=5.0),
            event_hooks={"request": [_log_request], "response": [_raise_for_heygen]},
        )
        self.session: SessionData | None = None

    @retry_async(attempts=3, on=(httpx.TransportError,))
    async def authenticate(self) -> str:
        resp = await self._client.post("streaming.create_token", headers={"x-api-key": self._api_key})
        data: TokenData = resp.json()["data"]
        # every later call goes out with the session token, not the key
        self._client.headers["Authorization"] = f"Bearer {data['token']}"
        return data["token"]

    @retry_async(attempts=3, on=(httpx.TransportError,))
    async def create_session(self, avatar_id: str, knowledge_base_id: str | None = None) -> SessionData:
        body = {"avatar_id": avatar_id, "version": "v2", "video_encoding": "H264", "quality": "high"}
        if knowledge_base_id is not None:
            body["knowledge_base_id"] = knowledge_base_id
        resp = await self._client.post("streaming.new", json=body)
        self.session = resp.json()["data"]
        await self._client.post("streaming.start", json={"session_id": self.session["session_id"]})
        return self.session

    @retry_async(attempts=2, on=(httpx.TransportError,))
    async def send_task(self, text: str, task_type: TaskType = "repeat") -> dict:
        resp = await self._client.post(
            "streaming.task",
            json={"session_id": self.session["session_id"], "text": text, "task_type": task_type},
        )
        return resp.json()["data"]

    async def interrupt(self) -> None:
        await self._client.post("streaming.interrupt", json={"session_id": self.session["session_id"]})

    async def close(self) -> None:
        try:
            if self.session:
                await self._client.post("streaming.stop", json={"session_id": self.session["session_id"]})
        finally:
            self.session = None
            await self._client.aclose()
