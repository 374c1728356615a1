"""Bootstrap the hotel concierge avatar.

1. close sessions left over from a crashed run (the plan allows only a few concurrent sessions)
2. create the concierge knowledge base
3. open a session that uses it and say hello
"""
import asyncio
import os

import aiohttp
from dotenv import load_dotenv

load_dotenv()

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR_ID = os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")

CONCIERGE = {
    "name": "Hotel concierge",
    "opening": "Good evening, how can I help you?",
    "prompt": "You are the concierge of the Grand Hotel. Breakfast is served 7-10 in the atrium.",
}


def _headers():
    return {"X-Api-Key": API_KEY, "Content-Type": "application/json"}


async def close_stale_sessions(http):
    async with http.get(f"{BASE_URL}/v1/streaming.list") as r:
        r.raise_for_status()
        payload = await r.json()
    for s in payload.get("data", {}).get("sessions", []):
        async with http.post(f"{BASE_URL}/v1/streaming.stop", json={"session_id": s["session_id"]}) as r:
            print("closed stale", s["session_id"], r.status)


async def create_knowledge_base(http):
    async with http.post(f"{BASE_URL}/v1/streaming/knowledge_base/create", json=CONCIERGE) as r:
        r.raise_for_status()
        return (await r.json())["data"]["id"]


async def open_session(http, kb_id):
    body = {"avatar_id": AVATAR_ID, "knowledge_base_id": kb_id, "version": "v2", "quality": "medium"}
    async with http.post(f"{BASE_URL}/v1/streaming.new", json=body) as r:
        r.raise_for_status()
        data = (await r.json())["data"]
    async with http.post(f"{BASE_URL}/v1/streaming.start", json={"session_id": data["session_id"]}) as r:
        r.raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


async def task(http, session_id, text, task_type):
    async with http.post(
        f"{BASE_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": task_type},
    ) as r:
        r.raise_for_status()


async def main():
    if not API_KEY:
        raise SystemExit("set HEYGEN_API_KEY in .env")
    async with aiohttp.ClientSession(headers=_headers()) as http:
        await close_stale_sessions(http)
        kb_id = await create_knowledge_base(http)
        room = await open_session(http, kb_id)
    print("viewer:", room["url"])
    return room


async def finish(session_id):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        await task(http, session_id, "Welcome to the Grand Hotel!", "repeat")
        await task(http, session_id, "When is breakfast served?", "chat")
        async with http.post(f"{BASE_URL}/v1/streaming.stop", json={"session_id": session_id}) as r:
            print("stop:", r.status)


if __name__ == "__main__":
    r = asyncio.run(main())
    asyncio.run(finish(r["session_id"]))
