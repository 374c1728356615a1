"""Say hello through a HeyGen streaming avatar, then hang up (the aiohttp edition)."""

import asyncio
import os

import aiohttp

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]  # answers the "chat" task below
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


async def _main():
    async with aiohttp.ClientSession(base_url=BASE_URL, headers=HEADERS, raise_for_status=True) as http:
        resp = await http.post(
            "/v1/streaming.new",
            json={
                "avatar_id": AVATAR_ID,
                "quality": "low",
                "version": "v2",
                "knowledge_base_id": KNOWLEDGE_BASE_ID,
            },
        )
        session_id = (await resp.json())["data"]["session_id"]
        await http.post("/v1/streaming.start", json={"session_id": session_id})

        await http.post(
            "/v1/streaming.task",
            json={"session_id": session_id, "text": "Hello there!", "task_type": "repeat"},
        )
        await http.post(
            "/v1/streaming.task",
            json={"session_id": session_id, "text": "What can you do?", "task_type": "chat"},
        )
        await http.post("/v1/streaming.interrupt", json={"session_id": session_id})
        await http.post("/v1/streaming.keep_alive", json={"session_id": session_id})
        await http.post("/v1/streaming.stop", json={"session_id": session_id})


def main():
    asyncio.run(_main())


if __name__ == "__main__":
    main()
