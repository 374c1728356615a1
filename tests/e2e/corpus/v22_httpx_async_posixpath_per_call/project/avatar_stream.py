import os
import posixpath
from operator import itemgetter

import httpx

HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
KNOWLEDGE_BASE_ID = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")
_room = itemgetter("session_id", "url", "access_token")


def _headers():
    return {"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


async def create_streaming_session(avatar_id, quality="high", voice_id=None, knowledge_base_id=KNOWLEDGE_BASE_ID):
    payload = {"quality": quality, "avatar_id": avatar_id, "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    if voice_id:
        payload["voice"] = {"voice_id": voice_id}
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.post(posixpath.join(HEYGEN_BASE_URL, "streaming.new"), headers=_headers(), json=payload)
    data = r.json().get("data", {})
    if not data.get("session_id"):
        raise RuntimeError(f"HeyGen did not return a session: {r.text}")
    return _room(data)


async def start_streaming_session(session_id):
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.post(
            posixpath.join(HEYGEN_BASE_URL, "streaming.start"),
            headers=_headers(),
            json={"session_id": session_id},
        )
        r.raise_for_status()
        return r.json()


async def send_text(session_id, text, task_type="repeat"):
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.post(
            posixpath.join(HEYGEN_BASE_URL, "streaming.task"),
            headers=_headers(),
            json={"session_id": session_id, "text": text, "task_type": task_type},
        )
        return r.json().get("data", {}).get("task_id")


async def close_session(session_id):
    async with httpx.AsyncClient(timeout=30) as client:
        r = await client.post(
            posixpath.join(HEYGEN_BASE_URL, "streaming.stop"), headers=_headers(), json={"session_id": session_id}
        )
        return r.text
