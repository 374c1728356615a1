"""A show is an async generator of events; the caller drives it with `async for`."""
from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from .live import Live, api_client, live_session


@dataclass(frozen=True)
class Event:
    kind: str  # "ready" | "spoke" | "cut" | "done"
    payload: dict[str, Any]


async def _say(client: httpx.AsyncClient, live: Live, text: str) -> None:
    r = await client.post("streaming.task", headers=live.headers, json={"session_id": live.session_id, "text": text, "task_type": "repeat"})
    r.raise_for_status()


async def _cut(client: httpx.AsyncClient, live: Live) -> None:
    r = await client.post("streaming.interrupt", headers=live.headers, json={"session_id": live.session_id})
    r.raise_for_status()


async def run_show(script: Sequence[str]) -> AsyncIterator[Event]:
    avatar = os.environ.get("SHOW_AVATAR", "Anna_public_3_20240108")
    async with api_client() as client, live_session(client, avatar) as live:
        yield Event("ready", {"url": live.url, "token": live.access_token, "session": live.session_id})
        for line in script:
            if line == "<cut>":
                await _cut(client, live)
                yield Event("cut", {})
                continue
            await _say(client, live, line)
            yield Event("spoke", {"text": line})
    yield Event("done", {})
