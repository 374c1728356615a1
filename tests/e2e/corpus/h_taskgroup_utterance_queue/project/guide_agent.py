"""Tour-guide agent: feeds utterances to a HeyGen streaming avatar through a queue."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx

log = logging.getLogger("guide")

API_BASE = "https://api.heygen.com"
NEW = "/v1/streaming.new"
START = "/v1/streaming.start"
TASK = "/v1/streaming.task"
INTERRUPT = "/v1/streaming.interrupt"
STOP = "/v1/streaming.stop"


@dataclass(slots=True)
class Utterance:
    text: str
    kind: str = "talk"
    barge_in: bool = False


async def open_session(client: httpx.AsyncClient, avatar_id: str) -> dict:
    r = await client.post(
        NEW,
        json={
            "avatar_id": avatar_id,
            "quality": "medium",
            "version": "v2",
            "knowledge_base_id": os.getenv("KB_ID"),
        },
    )
    r.raise_for_status()
    info = r.json()["data"]
    r = await client.post(START, json={"session_id": info["session_id"]})
    r.raise_for_status()
    return info


async def producer(queue: asyncio.Queue[Utterance | None], items: Iterable[Utterance]) -> None:
    for item in items:
        await queue.put(item)
        await asyncio.sleep(0)
    await queue.put(None)


async def speaker(client: httpx.AsyncClient, session_id: str, queue: asyncio.Queue[Utterance | None]) -> int:
    spoken = 0
    while (item := await queue.get()) is not None:
        if item.barge_in:
            r = await client.post(INTERRUPT, json={"session_id": session_id})
            r.raise_for_status()
        r = await client.post(
            TASK, json={"session_id": session_id, "text": item.text, "task_type": item.kind, "task_mode": "sync"}
        )
        r.raise_for_status()
        log.info("task %s", r.json()["data"]["task_id"])
        spoken += 1
        queue.task_done()
    return spoken


async def main(items: Iterable[Utterance], on_room: Callable[[str, str], None] | None = None) -> int:
    headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Accept": "application/json"}
    async with httpx.AsyncClient(base_url=API_BASE, headers=headers, timeout=20) as client:
        info = await open_session(client, os.environ.get("AVATAR_ID", "Anna_public_3_20240108"))
        session_id = info["session_id"]
        if on_room:
            on_room(info["url"], info["access_token"])
        queue: asyncio.Queue[Utterance | None] = asyncio.Queue(maxsize=8)
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(producer(queue, items))
                speaking = tg.create_task(speaker(client, session_id, queue))
            return speaking.result()
        finally:
            await client.post(STOP, json={"session_id": session_id})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main([Utterance("Hello!", kind="repeat")]))
