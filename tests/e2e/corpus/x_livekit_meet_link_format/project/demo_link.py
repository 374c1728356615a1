"""Sales demo helper: opens a HeyGen streaming session and prints a LiveKit Meet link the
prospect can open in any browser (no frontend needed), then speaks the pitch.

    $ python demo_link.py "Hi Dana, thanks for taking the call!"
"""
import asyncio
import os
import sys
from urllib.parse import quote

import httpx

HEYGEN = "https://api.heygen.com"
MEET_LINK = "https://meet.livekit.io/custom?liveKitUrl={url}&token={access_token}"
AVATAR = os.environ.get("DEMO_AVATAR_ID", "Anna_public_3_20240108")


async def open_session(client: httpx.AsyncClient) -> dict:
    r = await client.post("/v1/streaming.new", json={"avatar_id": AVATAR, "quality": "high", "version": "v2"})
    r.raise_for_status()
    session = r.json()["data"]
    await client.post("/v1/streaming.start", json={"session_id": session["session_id"]})
    return session


def meet_link(session: dict) -> str:
    return MEET_LINK.format(**{k: quote(str(v), safe="") for k, v in session.items()})


async def pitch(lines, on_link=print):
    async with httpx.AsyncClient(base_url=HEYGEN, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}, timeout=30) as client:
        session = await open_session(client)
        on_link(MEET_LINK.format(**session))
        try:
            for line in lines:
                await client.post(
                    "/v1/streaming.task",
                    json={"session_id": session["session_id"], "text": line, "task_type": "repeat"},
                )
        finally:
            await client.post("/v1/streaming.stop", json={"session_id": session["session_id"]})


if __name__ == "__main__":
    asyncio.run(pitch(sys.argv[1:] or ["Hello! This is our live avatar."]))
