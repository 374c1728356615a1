"""Session scope for the avatar: token, new, start on enter; stop on exit."""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx

log = logging.getLogger("showrunner.live")

HEYGEN = "https://api.heygen.com/v1/"


@dataclass
class Live:
    session_id: str
    url: str
    access_token: str
    headers: dict[str, str] = field(repr=False, default_factory=dict)


@contextlib.asynccontextmanager
async def api_client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=HEYGEN, timeout=httpx.Timeout(30.0)) as client:
        yield client


async def _session_token(client: httpx.AsyncClient) -> str:
    r = await client.post("streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]["token"]


@contextlib.asynccontextmanager
async def live_session(client: httpx.AsyncClient, avatar_id: str) -> AsyncIterator[Live]:
    token = await _session_token(client)
    auth = {"Authorization": f"Bearer {token}"}
    r = await client.post("streaming.new", headers=auth, json={"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
    r.raise_for_status()
    info = r.json()["data"]
    live = Live(info["session_id"], info["url"], info["access_token"], auth)
    r = await client.post("streaming.start", headers=auth, json={"session_id": live.session_id})
    r.raise_for_status()
    try:
        yield live
    finally:
        r = await client.post("streaming.stop", headers=auth, json={"session_id": live.session_id})
        if r.is_error:
            log.warning("stop failed: %s", r.text)
