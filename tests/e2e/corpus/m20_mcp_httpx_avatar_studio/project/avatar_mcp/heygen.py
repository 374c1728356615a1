from __future__ import annotations

import logging
import os
from typing import Any

import httpx

logger = logging.getLogger(__name__)

HEYGEN_API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class HeyGenError(RuntimeError):
    pass


def _unwrap(resp: httpx.Response) -> Any:
    if resp.is_error:
        raise HeyGenError(f"{resp.request.method} {resp.request.url.path} -> {resp.status_code}: {resp.text}")
    payload = resp.json()
    # v1 has {code, message, data}, v2 has {error, data}
    if payload.get("code") not in (None, 100) or payload.get("error"):
        raise HeyGenError(str(payload.get("message") or payload.get("error")))
    return payload["data"]


class HeyGen:
    """Async HeyGen client shared by every tool of the server."""

    def __init__(self, api_key: str | None = None) -> None:
        key = api_key or os.environ.get("HEYGEN_API_KEY")
        if not key:
            raise HeyGenError("HEYGEN_API_KEY missing")
        self._http = httpx.AsyncClient(
            base_url=HEYGEN_API_BASE, headers={"X-Api-Key": key}, timeout=DEFAULT_TIMEOUT
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    # ---------- catalogue ----------
    async def streaming_avatars(self) -> list[dict]:
        return _unwrap(await self._http.get("/v1/streaming/avatar.list"))

    # ---------- video ----------
    async def render(self, avatar_id: str, voice_id: str, script: str, title: str = "mcp render") -> str:
        body = {
            "title": title,
            "video_inputs": [{
                "character": {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"},
                "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
            }],
        }
        return _unwrap(await self._http.post("/v2/video/generate", json=body))["video_id"]

    async def video_status(self, video_id: str) -> dict:
        return _unwrap(await self._http.get("/v1/video_status.get", params={"video_id": video_id}))

    # ---------- streaming ----------
    async def open_stream(self, avatar_id: str, *, quality: str = "medium", kb: str | None = None) -> dict:
        req: dict[str, Any] = {"avatar_id": avatar_id, "quality": quality, "version": "v2",
                               "video_encoding": "VP8", "disable_idle_timeout": False}
        if kb:
            req["knowledge_base_id"] = kb
        data = _unwrap(await self._http.post("/v1/streaming.new", json=req))
        _unwrap(await self._http.post("/v1/streaming.start", json={"session_id": data["session_id"]}))
        return data

    async def task(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        return _unwrap(await self._http.post(
            "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": task_type}
        ))

    async def interrupt(self, session_id: str) -> None:
        _unwrap(await self._http.post("/v1/streaming.interrupt", json={"session_id": session_id}))

    async def close_stream(self, session_id: str) -> None:
        _unwrap(await self._http.post("/v1/streaming.stop", json={"session_id": session_id}))
