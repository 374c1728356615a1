"""Thin HeyGen Streaming API client. Blocking `requests` under the hood; the async methods run
it on a worker thread so the kiosk's event loop never stalls."""
import asyncio
import os

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")


class HeyGenError(RuntimeError):
    pass


class HeyGenClient:
    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers.update({
            "Authorization": f"Bearer {api_key or os.environ['HEYGEN_API_KEY']}",
            "Content-Type": "application/json",
        })

    def _post(self, path, payload):
        resp = self.http.post(f"{BASE_URL}{path}", json=payload, timeout=30)
        if resp.status_code >= 400:
            raise HeyGenError(f"{path} failed: {resp.status_code} {resp.text}")
        return resp.json()

    def list_avatars(self):
        resp = self.http.get(f"{BASE_URL}/v1/streaming/avatar.list", timeout=30)
        resp.raise_for_status()
        return resp.json()["data"]

    async def new_session(self, avatar_id):
        body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
        result = await asyncio.to_thread(self._post, "/v1/streaming.new", body)
        return result["data"]

    async def start_session(self, session_id):
        await asyncio.to_thread(self._post, "/v1/streaming.start", {"session_id": session_id})

    async def speak(self, session_id, text):
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(
            None, self._post, "/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"}
        )

    async def stop_session(self, session_id):
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._post, "/v1/streaming.stop", {"session_id": session_id})
