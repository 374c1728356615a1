"""HeyGen Streaming API calls over the app's shared aiohttp session."""
import os

import aiohttp

HEYGEN_ENDPOINT = os.getenv("HEYGEN_ENDPOINT", "https://api.heygen.com/v1/")


class HeyGenAPI:
    def __init__(self, http: aiohttp.ClientSession):
        self.http = http

    async def _post(self, action: str, payload: dict) -> dict:
        async with self.http.post(HEYGEN_ENDPOINT + action, json=payload) as resp:
            body = await resp.json()
            if resp.status != 200:
                raise RuntimeError(f"{action} failed ({resp.status}): {body}")
            return body["data"]

    async def new_session(self, avatar_id: str, voice_id: str | None = None) -> dict:
        payload = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
        if voice_id:
            payload["voice"] = {"voice_id": voice_id, "rate": 1.0}
        data = await self._post("streaming.new", payload)
        await self._post("streaming.start", {"session_id": data["session_id"]})
        return data

    async def speak(self, session_id: str, text: str) -> str:
        data = await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
        return data["task_id"]

    async def interrupt(self, session_id: str) -> None:
        await self._post("streaming.interrupt", {"session_id": session_id})

    async def stop(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
