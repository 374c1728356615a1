"""Thin async wrapper over HeyGen's streaming endpoints.

One aiohttp session per kiosk process: the keep-alive task and the speaker share it.
"""

import logging
import os

import aiohttp

logger = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


class HeyGenStreaming:
    def __init__(self, api_key=None, base_url=None, timeout=20):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.base_url = (base_url or os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")).rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session = None

    @property
    def http(self):
        # created lazily: aiohttp wants a running loop
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers={"X-Api-Key": self.api_key, "Accept": "application/json"},
                timeout=self._timeout,
            )
        return self._session

    async def _post(self, endpoint, payload):
        url = f"{self.base_url}/v1/{endpoint}"
        async with self.http.post(url, json=payload) as resp:
            body = await resp.json(content_type=None)
        if resp.status != 200 or body.get("code") != 100:
            logger.error("HeyGen %s failed: %s", endpoint, body)
            raise HeyGenError(f"{endpoint}: {body.get('message', resp.status)}")
        return body.get("data", {})

    async def new_session(self, avatar_id, knowledge_base_id=None, quality="medium"):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return await self._post("streaming.new", payload)

    async def start(self, session_id):
        return await self._post("streaming.start", {"session_id": session_id})

    async def task(self, session_id, text, task_type="repeat"):
        return await self._post(
            "streaming.task", {"session_id": session_id, "text": text, "task_type": task_type}
        )

    async def interrupt(self, session_id):
        return await self._post("streaming.interrupt", {"session_id": session_id})

    async def keep_alive(self, session_id):
        return await self._post("streaming.keep_alive", {"session_id": session_id})

    async def stop(self, session_id):
        return await self._post("streaming.stop", {"session_id": session_id})

    async def close(self):
        if self._session is not None and not self._session.closed:
            await self._session.close()
