"""Station announcer: a HeyGen streaming avatar on the platform screens (async rewrite)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import dataclass
from typing import AsyncIterator, Callable, Sequence
from urllib.parse import urljoin

import aiohttp

log = logging.getLogger("announce")

API_URL = "https://api.heygen.com/v1/"
HEADERS = {
    "x-api-key": os.environ.get("HEYGEN_API_KEY", ""),
    "accept": "application/json",
}


@dataclass(slots=True)
class LiveSession:
    session_id: str
    url: str
    access_token: str


async def _call(http: aiohttp.ClientSession, endpoint: str, **fields) -> dict:
    async with http.post(urljoin(API_URL, endpoint), json=fields) as resp:
        return (await resp.json()).get("data") or {}


@contextlib.asynccontextmanager
async def streaming_session(
    http: aiohttp.ClientSession, avatar_id: str, *, knowledge_base_id: str | None = None
) -> AsyncIterator[LiveSession]:
    body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = await _call(http, "streaming.new", **body)
    live = LiveSession(**{k: data[k] for k in ("session_id", "url", "access_token")})
    await _call(http, "streaming.start", session_id=live.session_id)
    log.info("session %s started", live.session_id)
    try:
        yield live
    finally:
        await _call(http, "streaming.stop", session_id=live.session_id)
        log.info("session %s stopped", live.session_id)


async def say(http: aiohttp.ClientSession, session_id: str, text: str) -> None:
    await _call(http, "streaming.task", session_id=session_id, text=text, task_type="repeat")


async def ask(http: aiohttp.ClientSession, session_id: str, question: str) -> None:
    await _call(http, "streaming.task", session_id=session_id, text=question, task_type="chat")


async def interrupt(http: aiohttp.ClientSession, session_id: str) -> None:
    await _call(http, "streaming.interrupt", session_id=session_id)


async def keep_alive(http: aiohttp.ClientSession, session_id: str) -> None:
    await _call(http, "streaming.keep_alive", session_id=session_id)


async def _run(
    lines: Sequence[str],
    question: str | None,
    on_room: Callable[[LiveSession], None] | None,
) -> None:
    avatar = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    async with aiohttp.ClientSession(headers=HEADERS, raise_for_status=True) as http:
        async with streaming_session(http, avatar, knowledge_base_id=os.environ.get("ANNOUNCER_KB")) as live:
            if on_room is not None:
                on_room(live)
            for line in lines:
                await say(http, live.session_id, line)
                await keep_alive(http, live.session_id)
            if question:
                await ask(http, live.session_id, question)
            await interrupt(http, live.session_id)


def main(
    lines: Sequence[str],
    question: str | None = None,
    on_room: Callable[[LiveSession], None] | None = None,
) -> None:
    asyncio.run(_run(lines, question, on_room))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(["Good morning, this is a test announcement."])
