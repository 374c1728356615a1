import aiohttp

from .settings import ENDPOINTS, HEYGEN_API_KEY


class HeyGenClient:
    def __init__(self):
        self._session = aiohttp.ClientSession(headers={"X-Api-Key": HEYGEN_API_KEY})

    async def close(self):
        await self._session.close()

    async def open(self, avatar_id):
        async with self._session.post(ENDPOINTS["new"], json={"avatar_id": avatar_id, "version": "v2"}) as r:
            r.raise_for_status()
            data = (await r.json())["data"]
        async with self._session.post(ENDPOINTS["start"], json={"session_id": data["session_id"]}) as r:
            r.raise_for_status()
        return data

    async def say(self, session_id, text):
        async with self._session.post(ENDPOINTS["task"], json={"session_id": session_id, "text": text}) as r:
            r.raise_for_status()

    async def close_session(self, session_id):
        async with self._session.post(ENDPOINTS["stop"], json={"session_id": session_id}) as r:
            r.raise_for_status()
