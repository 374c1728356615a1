"""Background job: open a HeyGen avatar session for a kiosk, read the day's notices, close it.

The job queue calls ``run_notices(avatar_id, notices)``; each step is also importable on its own.
"""
import asyncio
import os

import httpx

API_KEY = os.environ["HEYGEN_API_KEY"]
BASE = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")


async def open_session(avatar_id):
    # a short-lived client just to exchange the API key for a session token
    async with httpx.AsyncClient(base_url=BASE, timeout=15) as bootstrap:
        resp = await bootstrap.post("/v1/streaming.create_token", headers={"x-api-key": API_KEY})
        resp.raise_for_status()
        token = resp.json()["data"]["token"]
    client = httpx.AsyncClient(
        base_url=BASE,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=15,
    )
    resp = await client.post("/v1/streaming.new", json={"avatar_id": avatar_id, "version": "v2", "quality": "low"})
    resp.raise_for_status()
    info = resp.json()["data"]
    resp = await client.post("/v1/streaming.start", json={"session_id": info["session_id"]})
    resp.raise_for_status()
    return client, info


async def say(client, session_id, text):
    resp = await client.post(
        "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"}
    )
    resp.raise_for_status()


async def keep_alive(client, session_id):
    await client.post("/v1/streaming.keep_alive", json={"session_id": session_id})


async def close_session(client, session_id):
    try:
        await client.post("/v1/streaming.stop", json={"session_id": session_id})
    finally:
        await client.aclose()


async def run_notices(avatar_id, notices, on_ready=None):
    client, info = await open_session(avatar_id)
    try:
        if on_ready is not None:
            on_ready(info["url"], info["access_token"])
        for notice in notices:
            await say(client, info["session_id"], notice)
            await keep_alive(client, info["session_id"])
    finally:
        await close_session(client, info["session_id"])
    return info["session_id"]


if __name__ == "__main__":
    asyncio.run(run_notices(os.environ["AVATAR_ID"], ["Good morning!"]))
