from __future__ import annotations

import asyncio
import os

import httpx

HEYGEN_API = "https://api.heygen.com"
INTERRUPT = "<interrupt>"


class HeyGenHTTP(httpx.AsyncClient):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            base_url=HEYGEN_API,
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
            timeout=20,
            **kwargs,
        )


async def avatar_sink(sentences: asyncio.Queue, room: asyncio.Future) -> int:
    spoken = 0
    async with HeyGenHTTP() as http:
        resp = await http.post(
            "/v1/streaming.new",
            json={"avatar_id": os.environ.get("GUIDE_AVATAR_ID", "Anna_public_3_20240108"), "version": "v2"},
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        (await http.post("/v1/streaming.start", json={"session_id": data["session_id"]})).raise_for_status()
        room.set_result((data["url"], data["access_token"]))
        while (item := await sentences.get()) is not None:
            if item == INTERRUPT:
                (await http.post("/v1/streaming.interrupt", json={"session_id": data["session_id"]})).raise_for_status()
                continue
            r = await http.post(
                "/v1/streaming.task", json={"session_id": data["session_id"], "text": item, "task_type": "repeat"}
            )
            r.raise_for_status()
            spoken += 1
        (await http.post("/v1/streaming.stop", json={"session_id": data["session_id"]})).raise_for_status()
    return spoken
