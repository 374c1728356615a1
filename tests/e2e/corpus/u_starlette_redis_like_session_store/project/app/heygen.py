import os

import httpx

HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.getenv("KNOWLEDGE_BASE_ID")


class HeyGenError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen {status}: {detail}")
        self.status = status


def _client():
    return httpx.AsyncClient(
        base_url=HEYGEN_BASE_URL,
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        timeout=30.0,
    )


async def _post(path, payload):
    async with _client() as client:
        resp = await client.post(path, json=payload)
    body = resp.json()
    if resp.status_code != 200 or body.get("code", 100) != 100:
        raise HeyGenError(resp.status_code, body.get("message") or resp.text)
    return body.get("data") or {}


async def create_session():
    payload = {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"}
    if KNOWLEDGE_BASE_ID:
        payload["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    data = await _post("/v1/streaming.new", payload)
    await _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


async def send_task(session_id, text, task_type="repeat"):
    return await _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})


async def keep_alive(session_id):
    await _post("/v1/streaming.keep_alive", {"session_id": session_id})


async def stop_session(session_id):
    await _post("/v1/streaming.stop", {"session_id": session_id})
