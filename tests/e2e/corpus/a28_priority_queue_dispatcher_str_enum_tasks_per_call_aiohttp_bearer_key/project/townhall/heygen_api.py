import os

import aiohttp

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")


class HeyGenError(RuntimeError):
    pass


def _auth_headers():
    return {"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}", "Accept": "application/json"}


async def _post(path, payload):
    async with aiohttp.ClientSession(headers=_auth_headers()) as http:
        async with http.post(HEYGEN_BASE + path, json=payload) as resp:
            body = await resp.json()
            if resp.status != 200:
                raise HeyGenError(f"{path}: {resp.status} {body}")
            return body


async def new_session(avatar_id, knowledge_base_id):
    body = await _post(
        "/v1/streaming.new",
        {"avatar_id": avatar_id, "knowledge_base_id": knowledge_base_id, "version": "v2", "quality": "medium"},
    )
    return body.get("data", {})


async def start_session(session_id):
    await _post("/v1/streaming.start", {"session_id": session_id})


async def send_task(session_id, text, task_type):
    body = await _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})
    return body.get("data", {}).get("task_id")


async def interrupt(session_id):
    await _post("/v1/streaming.interrupt", {"session_id": session_id})


async def stop_session(session_id):
    await _post("/v1/streaming.stop", {"session_id": session_id})
