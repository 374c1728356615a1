"""Chat-bot command: `!avatar <text>` opens a HeyGen avatar session, says the text, closes it."""
import asyncio
import os
import sys

import aiohttp

HEYGEN = "https://api.heygen.com/v1"
HEYGEN_KEY = os.getenv("HEYGEN_API_KEY", "")


async def avatar_command(avatar_id, lines, show=print):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        async with session.post(f"{HEYGEN}/streaming.create_token", headers={"x-api-key": HEYGEN_KEY}) as resp:
            resp.raise_for_status()
            token = (await resp.json())["data"]["token"]
        # every call below runs as the session token
        session.headers.update({"Authorization": f"Bearer {token}"})

        async with session.post(f"{HEYGEN}/streaming.new", json={"avatar_id": avatar_id, "version": "v2", "quality": "low"}) as resp:
            resp.raise_for_status()
            room = (await resp.json())["data"]
        async with session.post(f"{HEYGEN}/streaming.start", json={"session_id": room["session_id"]}) as resp:
            resp.raise_for_status()
        show(room["url"], room["access_token"])

        for line in lines:
            async with session.post(
                f"{HEYGEN}/streaming.task",
                json={"session_id": room["session_id"], "text": line, "task_type": "repeat", "task_mode": "async"},
            ) as resp:
                resp.raise_for_status()

        async with session.post(f"{HEYGEN}/streaming.stop", json={"session_id": room["session_id"]}) as resp:
            resp.raise_for_status()
        return room["session_id"]


if __name__ == "__main__":
    asyncio.run(avatar_command(os.environ["AVATAR_ID"], sys.argv[1:]))
