"""Async helpers around the HeyGen Interactive Avatar API (one aiohttp session per call)."""
import os

import aiohttp

HEYGEN_URL = os.getenv("HEYGEN_URL", "https://api.heygen.com")
KNOWLEDGE_BASE_ID = os.getenv("KNOWLEDGE_BASE_ID", "")


class AvatarAPIError(RuntimeError):
    pass


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}


async def _post(path, payload):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        async with http.post(f"{HEYGEN_URL}{path}", json=payload) as resp:
            body = await resp.json(content_type=None)
            if resp.status != 200 or body.get("code") != 100:
                raise AvatarAPIError(f"{path}: {resp.status} {body.get('message')}")
            return body["data"]


async def start(avatar_id, language="en"):
    config = {"avatar_id": avatar_id, "version": "v2", "language": language, "quality": "high"}
    if KNOWLEDGE_BASE_ID:
        config["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    info = await _post("/v1/streaming.new", config)
    await _post("/v1/streaming.start", {"session_id": info["session_id"]})
    return info


async def chat(session_id, text):
    return await _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "chat"})


async def stop(session_id):
    await _post("/v1/streaming.stop", {"session_id": session_id})
