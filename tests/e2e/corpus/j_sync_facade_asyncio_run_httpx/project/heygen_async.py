"""Async HeyGen streaming calls (used by the bot directly, and by the sync facade)."""

import os

import httpx

BASE_URL = "https://api.heygen.com/v1"


def _headers() -> dict:
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Accept": "application/json"}


async def create_session(avatar_id: str) -> dict:
    async with httpx.AsyncClient(base_url=BASE_URL, headers=_headers(), timeout=30) as client:
        resp = await client.post("/streaming.new", json={"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
        resp.raise_for_status()
        data = resp.json()["data"]
        resp = await client.post("/streaming.start", json={"session_id": data["session_id"]})
        resp.raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


async def speak(session_id: str, text: str) -> None:
    async with httpx.AsyncClient(base_url=BASE_URL, headers=_headers(), timeout=30) as client:
        resp = await client.post("/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"})
        resp.raise_for_status()


async def interrupt(session_id: str) -> None:
    async with httpx.AsyncClient(base_url=BASE_URL, headers=_headers(), timeout=30) as client:
        resp = await client.post("/streaming.interrupt", json={"session_id": session_id})
        resp.raise_for_status()


async def keep_alive(session_id: str) -> None:
    async with httpx.AsyncClient(base_url=BASE_URL, headers=_headers(), timeout=30) as client:
        await client.post("/streaming.keep_alive", json={"session_id": session_id})


async def stop(session_id: str) -> None:
    async with httpx.AsyncClient(base_url=BASE_URL, headers=_headers(), timeout=30) as client:
        resp = await client.post("/streaming.stop", json={"session_id": session_id})
        resp.raise_for_status()
