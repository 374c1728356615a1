"""Async calls to HeyGen's Interactive Avatar API (one short-lived client per call)."""
import os

import httpx

API = "https://api.heygen.com"
HEADERS = {
    "X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""),
    "Content-Type": "application/json",
}


async def _post(path: str, payload: dict) -> dict:
    async with httpx.AsyncClient(base_url=API, headers=HEADERS, timeout=30) as client:
        resp = await client.post(path, json=payload)
    resp.raise_for_status()
    return resp.json()["data"]


async def create_session(avatar_id: str, language: str = "en") -> dict:
    return await _post(
        "/v1/streaming.new",
        {"avatar_id": avatar_id, "quality": "medium", "version": "v2", "language": language},
    )


async def start_session(session_id: str) -> None:
    await _post("/v1/streaming.start", {"session_id": session_id})


async def speak(session_id: str, text: str) -> str:
    data = await _post(
        "/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"}
    )
    return data["task_id"]


async def interrupt(session_id: str) -> None:
    await _post("/v1/streaming.interrupt", {"session_id": session_id})


async def stop_session(session_id: str) -> None:
    await _post("/v1/streaming.stop", {"session_id": session_id})
