"""Synthetic check: can we open, use and close a session, and how fast?"""
import time
from dataclasses import dataclass

from .client import StreamingClient


@dataclass
class Probe:
    session_id: str
    livekit_url: str
    access_token: str


async def open_probe(avatar_id, client=None):
    client = client or StreamingClient()
    data = await client._post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2", "quality": "low"})
    await client._post("/v1/streaming.start", {"session_id": data["session_id"]})
    return Probe(data["session_id"], data["url"], data["access_token"])


async def close_probe(probe, client=None):
    async with client or StreamingClient() as c:
        await c._post("/v1/streaming.stop", {"session_id": probe.session_id})


async def synthetic_check(avatar_id, join=None):
    timings = {}
    async with StreamingClient() as client:
        t0 = time.perf_counter()
        data = await client._post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2", "quality": "low"})
        timings["new"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        await client._post("/v1/streaming.start", {"session_id": data["session_id"]})
        timings["start"] = time.perf_counter() - t0
        if join is not None:
            join(data["url"], data["access_token"])
        t0 = time.perf_counter()
        await client._post(
            "/v1/streaming.task",
            {"session_id": data["session_id"], "text": "Synthetic check, please ignore.", "task_type": "repeat"},
        )
        timings["task"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        await client._post("/v1/streaming.stop", {"session_id": data["session_id"]})
        timings["stop"] = time.perf_counter() - t0
    return timings
