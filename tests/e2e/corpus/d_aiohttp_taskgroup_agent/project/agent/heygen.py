import logging
import os

import aiohttp

log = logging.getLogger(__name__)


class HeyGenStreaming:
    """Thin async wrapper. Create inside a running event loop (aiohttp requirement)."""

    def __init__(self, api_key=None, base_url=None):
        self.base_url = (base_url or os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")).rstrip("/")
        self.http = aiohttp.ClientSession(
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"], "Accept": "application/json"},
            raise_for_status=True,
            timeout=aiohttp.ClientTimeout(total=30),
        )

    async def close(self):
        await self.http.close()

    async def _post(self, name, **payload):
        async with self.http.post(f"{self.base_url}/v1/streaming.{name}", json=payload) as resp:
            body = await resp.json(content_type=None)
        log.debug("%s -> %s", name, body)
        return (body or {}).get("data") or {}

    async def new(self, avatar_id, knowledge_base_id=None):
        payload = {"avatar_id": avatar_id, "version": "v2", "quality": "medium"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        async with self.http.post(f"{self.base_url}/v1/streaming.new", json=payload) as resp:
            body = await resp.json()
        data = body.get("data") or {}
        return data.get("session_id"), data.get("url"), data.get("access_token")

    async def start(self, session_id):
        async with self.http.post(f"{self.base_url}/v1/streaming.start", json={"session_id": session_id}):
            pass

    async def task(self, session_id, text, task_type="repeat"):
        async with self.http.post(f"{self.base_url}/v1/streaming.task",
                                  json={"session_id": session_id, "text": text, "task_type": task_type}) as resp:
            body = await resp.json()
        return ((body or {}).get("data") or {}).get("task_id")

    async def keep_alive(self, session_id):
        async with self.http.post(f"{self.base_url}/v1/streaming.keep_alive", json={"session_id": session_id}):
            pass

    async def stop(self, session_id):
        async with self.http.post(f"{self.base_url}/v1/streaming.stop", json={"session_id": session_id}) as resp:
            return await resp.text()
