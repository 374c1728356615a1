import logging
import os

import aiohttp

log = logging.getLogger(__name__)

API = "https://api.heygen.com/v1"


class HeyGenProvider:
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._http = None
        self._token = None

    async def _session(self):
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20))
        return self._http

    async def _bearer(self):
        if self._token is None:
            http = await self._session()
            async with http.post(f"{API}/streaming.create_token", headers={"x-api-key": self.api_key}) as r:
                r.raise_for_status()
                self._token = (await r.json())["data"]["token"]
        return {"Authorization": f"Bearer {self._token}"}

    async def _post(self, endpoint, payload):
        http = await self._session()
        async with http.post(f"{API}/{endpoint}", json=payload, headers=await self._bearer()) as r:
            body = await r.json()
            if r.status != 200:
                raise RuntimeError(f"HeyGen {endpoint} failed: {body}")
            return body.get("data")

    async def open(self, avatar):
        data = await self._post("streaming.new", {"avatar_id": avatar, "quality": "medium", "version": "v2"})
        await self._post("streaming.start", {"session_id": data["session_id"]})
        return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}

    async def speak(self, session_id, text):
        await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def interrupt(self, session_id):
        await self._post("streaming.interrupt", {"session_id": session_id})

    async def close(self, session_id):
        await self._post("streaming.stop", {"session_id": session_id})
        self._token = None

    async def aclose(self):
        if self._http is not None:
            await self._http.close()
