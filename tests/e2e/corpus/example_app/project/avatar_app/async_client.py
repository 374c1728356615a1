"""Async HeyGen streaming client used by the voice-agent worker."""

import aiohttp

from .config import AVATAR_ID, HEYGEN_API_KEY, HEYGEN_BASE_URL, QUALITY

BASE = HEYGEN_BASE_URL
STREAMING_NEW = f"{BASE}/streaming.new"
STREAMING_START = f"{BASE}/streaming.start"
STREAMING_TASK = f"{BASE}/streaming.task"


class HeyGenStreamingClient:
    """Thin wrapper around the HeyGen Streaming REST API."""

    def __init__(self, api_key=HEYGEN_API_KEY, base_url=HEYGEN_BASE_URL):
        self.api_key = api_key
        self.base_url = base_url
        self.session_id = None
        self._http = aiohttp.ClientSession()

    @property
    def headers(self):
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}

    async def create_session(self, avatar_id=AVATAR_ID):
        body = {"avatar_id": avatar_id, "quality": QUALITY, "version": "v2"}
        async with self._http.post(STREAMING_NEW, json=body, headers=self.headers) as resp:
            data = (await resp.json())["data"]
        self.session_id = data["session_id"]

        async with self._http.post(
            STREAMING_START, json={"session_id": self.session_id}, headers=self.headers
        ) as resp:
            resp.raise_for_status()
        # LiveKit room credentials for the worker to publish/subscribe.
        return data["url"], data["access_token"]

    async def speak(self, text, task_type="chat"):
        payload = {"session_id": self.session_id, "text": text, "task_type": task_type}
        async with self._http.post(STREAMING_TASK, json=payload, headers=self.headers) as resp:
            result = await resp.json()
        return result["data"]["duration_ms"]

    async def keep_alive(self):
        # Call every ~60s while the user is idle so the session is not reaped.
        async with self._http.post(
            f"{self.base_url}/streaming.keep_alive",
            json={"session_id": self.session_id},
            headers=self.headers,
        ) as resp:
            return (await resp.json()).get("code") == 100

    async def close(self):
        if self.session_id:
            async with self._http.post(
                f"{self.base_url}/streaming.stop",
                json={"session_id": self.session_id},
                headers=self.headers,
            ) as resp:
                await resp.text()  # stop returns a small body; we only care that it succeeded
            self.session_id = None
        await self._http.close()
