#!/usr/bin/env python
"""Open a session, make the avatar greet, then close it (aiohttp, token flow like HeyGen's SDK)."""
import asyncio
import os
import sys

import aiohttp

HEYGEN_API = "https://api.heygen.com"
API_KEY = os.environ["HEYGEN_API_KEY"]
AVATAR = os.environ.get("AVATAR_ID", "Wayne_20240711")

API_TOKEN = f"{HEYGEN_API}/v1/streaming.create_token"
API_NEW = f"{HEYGEN_API}/v1/streaming.new"
API_START = f"{HEYGEN_API}/v1/streaming.start"
API_TASK = f"{HEYGEN_API}/v1/streaming.task"
API_STOP = f"{HEYGEN_API}/v1/streaming.stop"


async def main(text: str) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(API_TOKEN, headers={"X-Api-Key": API_KEY}) as r:
            token = (await r.json())["data"]["token"]
        auth = {"Authorization": f"Bearer {token}"}

        async with http.post(
            API_NEW,
            headers=auth,
            json={"avatar_name": AVATAR, "quality": "low", "version": "v2"},
        ) as r:
            info = (await r.json())["data"]
        session_id = info["session_id"]
        print("LiveKit room:", info["url"])

        async with http.post(API_START, headers=auth, json={"session_id": session_id}) as r:
            if r.status != 200:
                sys.exit(f"start failed: {await r.text()}")

        async with http.post(
            API_TASK,
            headers=auth,
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
        ) as r:
            print("task:", (await r.json())["data"]["task_id"])

        await asyncio.sleep(0.1)
        async with http.post(API_STOP, headers=auth, json={"session_id": session_id}) as r:
            print("stopped:", r.status)


if __name__ == "__main__":
    asyncio.run(main(" ".join(sys.argv[1:]) or "Hello from HeyGen!"))
