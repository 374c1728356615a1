"""HeyGen streaming calls for the lobby kiosk. Every call retries transient failures."""
import os

import aiohttp

from .retrying import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com/v1")


class TransientError(Exception):
    """5xx, 429 or a dropped connection: worth another try."""


class HeyGenError(Exception):
    pass


retry_transient = retry(
    stop=stop_after_attempt(4),
    wait=wait_exponential(multiplier=0.05, max=0.5),
    retry=retry_if_exception_type(TransientError),
    reraise=True,
)


class StreamingAPI:
    def __init__(self, http: aiohttp.ClientSession, api_key: str):
        self.http = http
        self.headers = {"x-api-key": api_key, "accept": "application/json"}

    async def _post(self, endpoint: str, payload: dict) -> dict:
        try:
            async with self.http.post(f"{API_ROOT}/{endpoint}", json=payload, headers=self.headers) as resp:
                if resp.status == 429 or resp.status >= 500:
                    raise TransientError(f"{endpoint}: HTTP {resp.status}")
                body = await resp.json(content_type=None)
        except aiohttp.ClientConnectionError as exc:
            raise TransientError(str(exc)) from exc
        if resp.status != 200:
            raise HeyGenError(f"{endpoint}: {body.get('message', resp.status)}")
        return body

    @retry_transient
    async def new_session(self, avatar_id: str, quality: str = "low") -> dict:
        body = await self._post("streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})
        data = body.get("data", {})
        return {
            "session_id": data.get("session_id", ""),
            "url": data.get("url", ""),
            "access_token": data.get("access_token", ""),
            "limit": data.get("session_duration_limit", 600),
        }

    @retry_transient
    async def start(self, session_id: str) -> None:
        await self._post("streaming.start", {"session_id": session_id})

    @retry_transient
    async def speak(self, session_id: str, text: str) -> str:
        body = await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
        return body.get("data", {}).get("task_id", "")

    @retry_transient
    async def keep_alive(self, session_id: str) -> None:
        await self._post("streaming.keep_alive", {"session_id": session_id})

    @retry_transient
    async def stop(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
