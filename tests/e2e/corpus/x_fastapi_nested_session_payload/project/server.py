"""Backend for the avatar widget. The widget calls POST /api/avatar/session and reads
`payload.session.url` / `payload.session.access_token` to join the room."""
import os
import time

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

HEYGEN_API = os.getenv("HEYGEN_API", "https://api.heygen.com/v1")
app = FastAPI(title="avatar-widget")


class SpeakIn(BaseModel):
    session_id: str
    text: str


class SessionRef(BaseModel):
    session_id: str


async def heygen(endpoint: str, payload: dict) -> dict:
    async with httpx.AsyncClient(timeout=20) as client:
        r = await client.post(f"{HEYGEN_API}/{endpoint}", json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    if r.status_code >= 400:
        raise HTTPException(status_code=502, detail=f"HeyGen {endpoint}: {r.status_code}")
    return r.json()


@app.post("/api/avatar/session")
async def create_session():
    started_at = time.time()
    data = (await heygen("streaming.new", {"avatar_id": os.environ["WIDGET_AVATAR_ID"], "version": "v2"}))["data"]
    await heygen("streaming.start", {"session_id": data["session_id"]})
    return {"session": data, "meta": {"created_in_ms": int((time.time() - started_at) * 1000)}}


@app.post("/api/avatar/speak")
async def speak(body: SpeakIn):
    await heygen("streaming.task", {"session_id": body.session_id, "text": body.text, "task_type": "repeat"})
    return {"ok": True}


@app.post("/api/avatar/end")
async def end(body: SessionRef):
    await heygen("streaming.stop", {"session_id": body.session_id})
    return {"ok": True}
