import httpx

from ..config import Config
from ..ports import AvatarSession


class HeyGenProvider:
    """AvatarProvider backed by HeyGen's Interactive Avatar streaming API."""

    def __init__(self, config: Config):
        self._config = config

    def _headers(self) -> dict:
        return {"X-Api-Key": self._config.heygen_api_key}

    async def _post(self, path: str, payload: dict) -> dict:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(
                f"{self._config.heygen_base_url}/v1/{path}",
                json=payload,
                headers={**self._headers(), "Content-Type": "application/json"},
            )
        resp.raise_for_status()
        return resp.json()

    async def create_session(self) -> AvatarSession:
        body = await self._post(
            "streaming.new",
            {"avatar_id": self._config.avatar_id, "quality": self._config.avatar_quality, "version": "v2"},
        )
        data = body["data"]
        await self._post("streaming.start", {"session_id": data["session_id"]})
        return AvatarSession(
            session_id=data["session_id"], stream_url=data["url"], stream_token=data["access_token"]
        )

    async def speak(self, session_id: str, text: str) -> None:
        await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def interrupt(self, session_id: str) -> None:
        await self._post("streaming.interrupt", {"session_id": session_id})

    async def close(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
