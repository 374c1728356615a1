"""Prefect flow: a HeyGen streaming avatar presents a product demo script.

    python -m flows.product_demo  (or deploy with `prefect deploy`)
"""
import asyncio
import os

import httpx
from prefect import flow, get_run_logger, task

from .models import AvatarRoom

HEYGEN_URL = "https://api.heygen.com"
DEMO_AVATAR = os.getenv("DEMO_AVATAR", "Wayne_20240711")

# who shows the room to the audience (a Slack bot, a kiosk...): set by the caller
notify_room = print


def heygen_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=HEYGEN_URL,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=httpx.Timeout(30.0, connect=10.0),
    )


@task(retries=2, retry_delay_seconds=1)
async def open_session(client: httpx.AsyncClient, avatar_id: str) -> AvatarRoom:
    resp = await client.post("/v1/streaming.new", json={"avatar_id": avatar_id, "quality": "low", "version": "v2"})
    resp.raise_for_status()
    room = AvatarRoom(**resp.json()["data"])
    resp = await client.post("/v1/streaming.start", json={"session_id": room.session_id})
    resp.raise_for_status()
    get_run_logger().info("avatar session %s started", room.session_id)
    return room


@task
async def present(client: httpx.AsyncClient, session_id: str, lines: list[str]) -> int:
    spoken = 0
    for line in lines:
        r = await client.post(
            "/v1/streaming.task", json={"session_id": session_id, "text": line, "task_type": "repeat", "task_mode": "sync"}
        )
        r.raise_for_status()
        spoken += 1
    return spoken


@task
async def close_session(client: httpx.AsyncClient, session_id: str) -> None:
    r = await client.post("/v1/streaming.stop", json={"session_id": session_id})
    r.raise_for_status()


@flow(name="product-demo", log_prints=True)
async def product_demo(lines: list[str], avatar_id: str = DEMO_AVATAR) -> int:
    async with heygen_client() as client:
        room = await open_session(client, avatar_id)
        notify_room(room.url, room.access_token)
        try:
            return await present(client, room.session_id, lines)
        finally:
            await close_session(client, room.session_id)


if __name__ == "__main__":
    asyncio.run(product_demo(["Meet the Aurora lamp.", "It lasts twelve hours on a charge."]))
