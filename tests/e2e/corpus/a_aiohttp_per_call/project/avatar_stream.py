import os

import aiohttp

HEYGEN_BASE_URL = "https://api.heygen.com/v1"
HEADERS_XAPI = {
    "x-api-key": os.getenv("HEYGEN_API_KEY", ""),
    "Content-Type": "application/json",
}
KNOWLEDGE_BASE_ID = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")


async def create_streaming_session(avatar_id, quality="high", voice_id=None, knowledge_base_id=KNOWLEDGE_BASE_ID):
    payload = {"quality": quality, "avatar_id": avatar_id, "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    if voice_id:
        payload["voice"] = {"voice_id": voice_id}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{HEYGEN_BASE_URL}/streaming.new", headers=HEADERS_XAPI, json=payload) as resp:
            result = await resp.json()
    x = result.get("data") or {}
    if not x.get("session_id"):
        raise RuntimeError(f"HeyGen did not return a session: {result}")
    return x["session_id"], x.get("url"), x.get("access_token")


async def start_streaming_session(session_id):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{HEYGEN_BASE_URL}/streaming.start",
            headers=HEADERS_XAPI,
            json={"session_id": session_id},
        ) as resp:
            if resp.status != 200:
                raise RuntimeError(await resp.text())
            return await resp.json()


async def send_text(session_id, text, task_type="repeat"):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{HEYGEN_BASE_URL}/streaming.task",
            headers=HEADERS_XAPI,
            json={"session_id": session_id, "text": text, "task_type": task_type},
        ) as resp:
            data = await resp.json()
            return data.get("data", {}).get("task_id")


async def close_session(session_id):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{HEYGEN_BASE_URL}/streaming.stop", headers=HEADERS_XAPI, json={"session_id": session_id}
        ) as resp:
            return await resp.text()
