"""Station announcer: a HeyGen streaming avatar on the platform screens."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from operator import itemgetter
from typing import AsyncIterator, Callable, NamedTuple, Sequence

import httpx

log = logging.getLogger("announce")

API_URL = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com/v1")


class LiveSession(NamedTuple):
    session_id: str
    url: str
    access_token: str


async def _call(client: httpx.AsyncClient, endpoint: str, **fields) -> dict:
    resp = await client.post(f"/{endpoint}", json=fields)
    resp.raise_for_status()
    return resp.json().get("data") or {}


@contextlib.asynccontextmanager
async def streaming_session(
    client: httpx.AsyncClient, avatar_id: str, *, knowledge_base_id: str | None = None
) -> AsyncIterator[LiveSession]:
    body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = await _call(client, "streaming.new", **body)
    live = LiveSession._make(itemgetter(*LiveSession._fields)(data))
    await _call(client, "streaming.start", session_id=live.session_id)
    log.info("session %s started", live.session_id)
    try:
        yield live
    finally:
        await _call(client, "streaming.stop", session_id=live.session_id)
        log.info("session %s stopped", live.session_id)


async def say(client: httpx.AsyncClient, session_id: str, text: str) -> None:
    await _call(client, "streaming.task", session_id=session_id, text=text, task_type="repeat")


async def ask(client: httpx.AsyncClient, session_id: str, question: str) -> None:
    await _call(client, "streaming.task", session_id=session_id, text=question, task_type="chat")


async def _run(lines, question, on_room) -> None:
    avatar = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    headers = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"}
    async with httpx.AsyncClient(base_url=API_URL, headers=headers, timeout=30) as client:
        async with streaming_session(client, avatar, knowledge_base_id=os.environ.get("ANNOUNCER_KB")) as live:
            if on_room is not None:
                on_room(live)
            for line in lines:
                await say(client, live.session_id, line)
                await _call(client, "streaming.keep_alive", session_id=live.session_id)
            if question:
                await ask(client, live.session_id, question)
            await _call(client, "streaming.interrupt", session_id=live.session_id)


def main(
    lines: Sequence[str],
    question: str | None = None,
    on_room: Callable[[LiveSession], None] | None = None,
) -> None:
    asyncio.run(_run(lines, question, on_room))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(["Good morning, this is a test announcement."])
