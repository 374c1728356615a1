"""Async HeyGen streaming session as a context manager.

    async with AvatarSession(api_key, avatar_id) as av:
        viewer.show(av.livekit_url, av.livekit_token)
        await av.speak("hello")
"""
import logging
import os

import aiohttp

logger = logging.getLogger("avatar_session")


class HeyGenError(Exception):
    pass


class AvatarSession:
    API = "https://api.heygen.com"

    def __init__(self, api_key: str, avatar_id: str, quality: str = "medium"):
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.quality = quality
        self._http: aiohttp.ClientSession | None = None
        self.session_id: str | None = None
        self.livekit_url: str | None = None
        self.livekit_token: str | None = None

    @classmethod
    def from_env(cls) -> "AvatarSession":
        return cls(os.environ["HEYGEN_API_KEY"], os.environ.get("AVATAR_ID", "Wayne_20240711"))

    async def _post(self, path: str, payload: dict) -> dict:
        async with self._http.post(path, json=payload) as r:
            body = await r.json()
            if r.status != 200:
                raise HeyGenError(f"{path} -> {r.status}: {body}")
            return body

    async def __aenter__(self) -> "AvatarSession":
        self._http = aiohttp.ClientSession(
            base_url=self.API,
            headers={"x-api-key": self.api_key, "content-type": "application/json"},
            timeout=aiohttp.ClientTimeout(total=30),
        )
        try:
            async with self._http.post(
                "/v1/streaming.new",
                json={"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"},
            ) as r:
                r.raise_for_status()
                data = (await r.json())["data"]
            self.session_id = data["session_id"]
            self.livekit_url = data["url"]
            self.livekit_token = data["access_token"]
            await self._post("/v1/streaming.start", {"session_id": self.session_id})
        except Exception:
            await self._http.close()
            raise
        logger.info("session %s ready", self.session_id)
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        try:
            if self.session_id:
                await self._post("/v1/streaming.stop", {"session_id": self.session_id})
        finally:
            await self._http.close()
            self.session_id = None

    async def speak(self, text: str, task_type: str = "repeat") -> None:
        await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": task_type})

    async def interrupt(self) -> None:
        await self._post("/v1/streaming.interrupt", {"session_id": self.session_id})

    async def listen(self) -> None:
        await self._post("/v1/streaming.start_listening", {"session_id": self.session_id})
