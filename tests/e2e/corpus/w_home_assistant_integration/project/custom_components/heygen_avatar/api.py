"""Async client for the HeyGen Streaming API."""
import logging

import aiohttp

from .const import API_BASE

_LOGGER = logging.getLogger(__name__)


class HeyGenApiError(Exception):
    """Raised when HeyGen answers with an error."""


class HeyGenStreamingApi:
    def __init__(self, session: aiohttp.ClientSession, api_key: str) -> None:
        self._session = session
        self._api_key = api_key

    async def _request(self, endpoint: str, payload: dict) -> dict:
        url = f"{API_BASE}/{endpoint}"
        headers = {"x-api-key": self._api_key, "accept": "application/json"}
        try:
            async with self._session.post(url, json=payload, headers=headers, timeout=aiohttp.ClientTimeout(total=30)) as resp:
                data = await resp.json()
        except aiohttp.ClientError as err:
            raise HeyGenApiError(f"Error talking to HeyGen: {err}") from err
        if resp.status != 200 or data.get("code") != 100:
            raise HeyGenApiError(f"HeyGen {endpoint} failed: {data}")
        return data["data"]

    async def async_new_session(self, avatar_id: str, quality: str) -> dict:
        return await self._request("streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})

    async def async_start_session(self, session_id: str) -> None:
        await self._request("streaming.start", {"session_id": session_id})

    async def async_speak(self, session_id: str, text: str) -> None:
        await self._request("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def async_stop_session(self, session_id: str) -> None:
        await self._request("streaming.stop", {"session_id": session_id})
