"""Narrates a text file through a HeyGen streaming avatar, paragraph by paragraph.

Runs on anyio (asyncio or trio backend): a producer reads and splits the script into a memory
object stream, one consumer sends each paragraph as a repeat task.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

import anyio
import httpx

HEYGEN = "https://api.heygen.com"


@dataclass
class Narration:
    session_id: str = ""
    room_url: str = ""
    room_token: str = ""
    spoken: list = field(default_factory=list)


def _client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=HEYGEN,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=httpx.Timeout(30.0),
    )


async def open_session(client: httpx.AsyncClient, narration: Narration) -> None:
    with anyio.fail_after(60):
        r = await client.post(
            "/v1/streaming.new",
            json={
                "avatar_id": os.getenv("NARRATOR_AVATAR", "Anna_public_3_20240108"),
                "quality": "high",
                "voice": {"rate": 0.9},
                "version": "v2",
            },
        )
        r.raise_for_status()
        data = r.json()["data"]
        narration.session_id = data["session_id"]
        narration.room_url, narration.room_token = data["url"], data["access_token"]
        r = await client.post("/v1/streaming.start", json={"session_id": narration.session_id})
        r.raise_for_status()


async def produce(path: Path, send_stream) -> None:
    async with send_stream:
        text = await anyio.Path(path).read_text()
        for paragraph in text.split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if paragraph:
                await send_stream.send(paragraph)


async def narrate(client: httpx.AsyncClient, narration: Narration, receive_stream) -> None:
    async with receive_stream:
        async for paragraph in receive_stream:
            r = await client.post(
                "/v1/streaming.task",
                json={"session_id": narration.session_id, "text": paragraph, "task_type": "repeat"},
            )
            r.raise_for_status()
            narration.spoken.append(r.json()["data"]["task_id"])


async def close_session(client: httpx.AsyncClient, narration: Narration) -> None:
    with anyio.CancelScope(shield=True):
        await client.post("/v1/streaming.interrupt", json={"session_id": narration.session_id})
        await client.post("/v1/streaming.stop", json={"session_id": narration.session_id})


async def run(path: Path, on_ready=None) -> Narration:
    narration = Narration()
    async with _client() as client:
        await open_session(client, narration)
        if on_ready is not None:
            on_ready(narration.room_url, narration.room_token)
        try:
            send_stream, receive_stream = anyio.create_memory_object_stream(max_buffer_size=4)
            async with anyio.create_task_group() as tg:
                tg.start_soon(produce, path, send_stream)
                tg.start_soon(narrate, client, narration, receive_stream)
        finally:
            await close_session(client, narration)
    return narration


def main(path: str, on_ready=None) -> Narration:
    return anyio.run(run, Path(path), on_ready)


if __name__ == "__main__":
    import sys

    main(sys.argv[1], lambda url, token: print("watch:", url))
