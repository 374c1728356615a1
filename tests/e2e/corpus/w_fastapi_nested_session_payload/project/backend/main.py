"""Backend for the React avatar widget (frontend/ calls these routes with fetch()).

    uvicorn backend.main:app --reload
"""
import os
from typing import Literal

import httpx
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]
HEYGEN_BASE_URL = "https://api.heygen.com"
AVATAR = {"id": os.getenv("AVATAR_ID", "Anna_public_3_20240108"), "name": "Anna"}
KNOWLEDGE_BASE_ID = os.getenv("KNOWLEDGE_BASE_ID")

app = FastAPI(title="avatar-widget")
app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:5173"], allow_methods=["*"], allow_headers=["*"])


class SpeakRequest(BaseModel):
    text: str
    mode: Literal["repeat", "talk"] = "repeat"


async def heygen_post(path: str, payload: dict) -> dict:
    async with httpx.AsyncClient(base_url=HEYGEN_BASE_URL, timeout=30) as client:
        res = await client.post(path, json=payload, headers={"x-api-key": HEYGEN_API_KEY})
    if res.status_code != 200:
        raise HTTPException(status_code=502, detail=f"HeyGen error on {path}: {res.text}")
    return res.json()


@app.post("/api/avatar/session")
async def create_session():
    payload = {"avatar_id": AVATAR["id"], "quality": "high", "version": "v2", "activity_idle_timeout": 120}
    if KNOWLEDGE_BASE_ID:
        payload["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    created = await heygen_post("/v1/streaming.new", payload)
    data = created["data"]
    await heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    # the widget reads session.url / session.access_token to join the room
    return {"session": data, "avatar": AVATAR}


@app.post("/api/avatar/{session_id}/speak")
async def speak(session_id: str, req: SpeakRequest):
    result = await heygen_post(
        "/v1/streaming.task", {"session_id": session_id, "text": req.text, "task_type": req.mode}
    )
    return {"task_id": result["data"]["task_id"]}


@app.post("/api/avatar/{session_id}/keepalive")
async def keepalive(session_id: str):
    await heygen_post("/v1/streaming.keep_alive", {"session_id": session_id})
    return {"ok": True}


@app.delete("/api/avatar/{session_id}")
async def close_session(session_id: str):
    await heygen_post("/v1/streaming.stop", {"session_id": session_id})
    return {"ok": True}
