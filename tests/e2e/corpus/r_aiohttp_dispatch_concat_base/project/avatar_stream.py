import json
import os

import aiohttp

ENDPOINT = "https://api.heygen.com/v1/streaming"


def _headers():
    return {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


async def _send(op, payload):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        async with http.post(ENDPOINT + "." + op, data=json.dumps(payload)) as resp:
            resp.raise_for_status()
            return await resp.json()


async def create_streaming_session(avatar_id, quality="high", voice_id=None, knowledge_base_id=os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID")):
    payload = dict(quality=quality, avatar_id=avatar_id, version="v2")
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    if voice_id:
        payload["voice"] = dict(voice_id=voice_id)
    reply = await _send("new", payload)
    info = reply["data"]
    return info["session_id"], info["url"], info["access_token"]


async def start_streaming_session(session_id):
    return await _send("start", {"session_id": session_id})


async def send_text(session_id, text, task_type="repeat"):
    reply = await _send("task", {"session_id": session_id, "text": text, "task_type": task_type})
    return reply.get("data", {}).get("task_id")


async def close_session(session_id):
    return await _send("stop", {"session_id": session_id})
