import logging
from typing import TypedDict

import aiohttp

from .config import Settings
from .retry import retry_async

log = logging.getLogger(__name__)


class HeyGenAPIError(Exception):
    def __init__(self, endpoint, code, message):
        super().__init__(f"{endpoint}: [{code}] {message}")
        self.code = code


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class StreamingClient:
    """One aiohttp session for the presenter's whole lifetime."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None

    async def open(self):
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.settings.request_timeout)
            )
        return self

    async def close(self):
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _headers(self):
        return {"x-api-key": self.settings.api_key, "content-type": "application/json",
                **self.settings.extra_headers}

    async def _call(self, endpoint: str, payload: dict) -> dict:
        url = f"{self.settings.base_url}/{endpoint}"
        async with self._session.post(url, json=payload, headers=self._headers()) as resp:
            envelope = await resp.json()
        if resp.status != 200 or envelope.get("code") != 100:
            raise HeyGenAPIError(endpoint, envelope.get("code"), envelope.get("message"))
        return envelope

    @retry_async(attempts=3, retry_on=(aiohttp.ClientError, HeyGenAPIError))
    async def create_session(self) -> NewSessionData:
        envelope = await self._call(
            "streaming.new",
            {"avatar_id": self.settings.avatar_id, "quality": self.settings.quality, "version": "v2"},
        )
        data: NewSessionData = envelope["data"]
        log.info("session %s created", data["session_id"])
        return data

    @retry_async(attempts=3, retry_on=(aiohttp.ClientError, HeyGenAPIError))
    async def start_session(self, session_id: str) -> None:
        await self._call("streaming.start", {"session_id": session_id})

    @retry_async(attempts=2, retry_on=(aiohttp.ClientError,))
    async def speak(self, session_id: str, text: str) -> str:
        envelope = await self._call(
            "streaming.task",
            {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )
        return envelope["data"]["task_id"]

    @retry_async(attempts=3, retry_on=(aiohttp.ClientError,))
    async def keep_alive(self, session_id: str) -> None:
        await self._call("streaming.keep_alive", {"session_id": session_id})

    async def stop_session(self, session_id: str) -> None:
        # no retry: a second stop would only fail
        await self._call("streaming.stop", {"session_id": session_id})
