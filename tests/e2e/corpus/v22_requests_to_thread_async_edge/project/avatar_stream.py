import asyncio
import os

import requests

HEYGEN_BASE_URL = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
KNOWLEDGE_BASE_ID = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")


def _post(path, payload):
    r = requests.post(f"{HEYGEN_BASE_URL}/{path}", headers=HEADERS, json=payload, timeout=30)
    r.raise_for_status()
    return r.json()


async def create_streaming_session(avatar_id, quality="high", voice_id=None, knowledge_base_id=KNOWLEDGE_BASE_ID):
    payload = {"quality": quality, "avatar_id": avatar_id, "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    if voice_id:
        payload["voice"] = {"voice_id": voice_id}
    result = await asyncio.to_thread(_post, "streaming.new", payload)
    d = result["data"]
    return d["session_id"], d["url"], d["access_token"]


async def start_streaming_session(session_id):
    return await asyncio.to_thread(_post, "streaming.start", {"session_id": session_id})


async def send_text(session_id, text, task_type="repeat"):
    result = await asyncio.to_thread(
        _post, "streaming.task", {"session_id": session_id, "text": text, "task_type": task_type}
    )
    return (result.get("data") or {}).get("task_id")


async def close_session(session_id):
    result = await asyncio.to_thread(_post, "streaming.stop", {"session_id": session_id})
    return result.get("message")
