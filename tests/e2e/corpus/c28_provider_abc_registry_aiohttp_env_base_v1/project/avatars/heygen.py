import logging
import os

import aiohttp

from .base import AvatarProvider, LiveRoom, ProviderError, register

log = logging.getLogger(__name__)

# Base includes the version; override for a proxy in staging.
HEYGEN_API = os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1").rstrip("/")


@register("heygen")
class HeyGenProvider(AvatarProvider):
    def __init__(self, api_key: str | None = None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]

    async def _call(self, endpoint: str, payload: dict) -> dict:
        async with aiohttp.ClientSession(
            headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"}
        ) as http:
            async with http.post(f"{HEYGEN_API}/{endpoint}", json=payload) as resp:
                body = await resp.json(content_type=None)
        if resp.status >= 400 or body.get("code") != 100:
            raise ProviderError("heygen", body.get("message") or f"HTTP {resp.status}", body.get("code"))
        return body.get("data") or {}

    async def open(self, avatar_id: str, **options) -> LiveRoom:
        data = await self._call(
            "streaming.new",
            {
                "avatar_id": avatar_id,
                "quality": options.get("quality", "high"),
                "version": "v2",
                "video_encoding": "H264",
            },
        )
        await self._call("streaming.start", {"session_id": data["session_id"]})
        log.info("heygen session %s started", data["session_id"])
        return LiveRoom(
            provider=self.name,
            session_id=data["session_id"],
            server_url=data["url"],
            token=data["access_token"],
        )

    async def say(self, room: LiveRoom, text: str) -> None:
        await self._call(
            "streaming.task",
            {"session_id": room.session_id, "text": text, "task_type": "repeat"},
        )

    async def close(self, room: LiveRoom) -> None:
        try:
            await self._call("streaming.stop", {"session_id": room.session_id})
        except ProviderError as exc:
            log.warning("stop failed for %s: %s", room.session_id, exc)
