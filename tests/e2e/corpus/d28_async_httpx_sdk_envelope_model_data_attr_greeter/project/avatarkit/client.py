from __future__ import annotations

import logging
import os
from types import TracebackType

import httpx

from .schemas import ApiResponse, SpeakRequest, StreamingSession

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com"


class AvatarKitError(Exception):
    """Raised when HeyGen answers with an error code."""


class AvatarKit:
    def __init__(self, api_key: str | None = None, *, timeout: float = 30.0) -> None:
        key = api_key or os.getenv("HEYGEN_API_KEY")
        if not key:
            raise AvatarKitError("HEYGEN_API_KEY is not set")
        self._client = httpx.AsyncClient(
            base_url=HEYGEN_API, headers={"X-Api-Key": key}, timeout=timeout
        )

    async def __aenter__(self) -> "AvatarKit":
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._client.aclose()

    async def _request(self, path: str, payload: dict) -> ApiResponse:
        resp = await self._client.post(path, json=payload)
        resp.raise_for_status()
        parsed = ApiResponse.model_validate(resp.json())
        if not parsed.ok:
            raise AvatarKitError(f"{path}: {parsed.code} {parsed.msg}")
        log.debug("%s -> %s", path, parsed.code)
        return parsed

    async def create_session(self, avatar_id: str, quality: str = "low") -> StreamingSession:
        res = await self._request(
            "/v1/streaming.new",
            {"avatar_id": avatar_id, "quality": quality, "version": "v2"},
        )
        session = StreamingSession.model_validate(res.data)
        await self._request("/v1/streaming.start", {"session_id": session.session_id})
        log.info("session %s started", session.session_id)
        return session

    async def speak(self, req: SpeakRequest) -> None:
        await self._request("/v1/streaming.task", req.model_dump())

    async def close_session(self, session_id: str) -> None:
        await self._request("/v1/streaming.stop", {"session_id": session_id})
