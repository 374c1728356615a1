"""The current avatar session lives in a ContextVar, so concurrent requests/tasks never mix them up."""
from __future__ import annotations

import contextlib
import contextvars
import os
from dataclasses import dataclass

import aiohttp

HEYGEN_API = "https://api.heygen.com/v1"


@dataclass
class AvatarSession:
    session_id: str
    livekit_url: str
    livekit_token: str


current_session: contextvars.ContextVar[AvatarSession | None] = contextvars.ContextVar(
    "current_session", default=None
)
_http: contextvars.ContextVar[aiohttp.ClientSession] = contextvars.ContextVar("heygen_http")


def _session() -> AvatarSession:
    session = current_session.get()
    if session is None:
        raise LookupError("no avatar session in this context")
    return session


async def _call(endpoint: str, payload: dict) -> dict:
    http = _http.get()
    async with http.post(f"{HEYGEN_API}/{endpoint}", json=payload) as resp:
        resp.raise_for_status()
        body = await resp.json()
    return body["data"]


@contextlib.asynccontextmanager
async def avatar_session(avatar_id: str | None = None):
    """Open a session for the duration of the block and make it the current one."""
    headers = {"x-api-key": os.environ["HEYGEN_API_KEY"]}
    async with aiohttp.ClientSession(headers=headers) as http:
        http_token = _http.set(http)
        data = await _call(
            "streaming.new",
            {
                "avatar_id": avatar_id or os.environ.get("CTX_AVATAR_ID", "Anna_public_3_20240108"),
                "knowledge_base_id": os.environ["CTX_KB_ID"],
                "version": "v2",
            },
        )
        await _call("streaming.start", {"session_id": data["session_id"]})
        session = AvatarSession(data["session_id"], data["url"], data["access_token"])
        token = current_session.set(session)
        try:
            yield session
        finally:
            await _call("streaming.stop", {"session_id": session.session_id})
            current_session.reset(token)
            _http.reset(http_token)


async def say(text: str) -> None:
    await _call("streaming.task", {"session_id": _session().session_id, "text": text, "task_type": "repeat"})


async def ask(text: str) -> None:
    await _call("streaming.task", {"session_id": _session().session_id, "text": text, "task_type": "talk"})


async def listen(on: bool = True) -> None:
    endpoint = "streaming.start_listening" if on else "streaming.stop_listening"
    await _call(endpoint, {"session_id": _session().session_id})
