"""Kiosk backend: the page asks for an avatar session, then drives it through these routes."""
import os
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

HEYGEN_BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ.get("KIOSK_KB_ID")


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.heygen = httpx.AsyncClient(
        base_url=HEYGEN_BASE_URL,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=httpx.Timeout(20.0),
    )
    try:
        yield
    finally:
        await app.state.heygen.aclose()


app = FastAPI(title="kiosk", lifespan=lifespan)


class Say(BaseModel):
    session_id: str
    text: str
    task_type: str = "repeat"


class SessionRef(BaseModel):
    session_id: str


async def heygen_post(request: Request, path: str, payload: dict) -> dict:
    client: httpx.AsyncClient = request.app.state.heygen
    resp = await client.post(path, json=payload)
    if resp.is_error:
        raise HTTPException(status_code=502, detail=resp.text)
    return resp.json()["data"]


@app.post("/sessions")
async def open_session(request: Request):
    body = {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"}
    if KNOWLEDGE_BASE_ID:
        body["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    data = await heygen_post(request, "/v1/streaming.new", body)
    await heygen_post(request, "/v1/streaming.start", {"session_id": data["session_id"]})
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


@app.post("/sessions/say")
async def say(request: Request, msg: Say):
    data = await heygen_post(
        request,
        "/v1/streaming.task",
        {"session_id": msg.session_id, "text": msg.text, "task_type": msg.task_type},
    )
    return {"task_id": data.get("task_id")}


@app.post("/sessions/interrupt")
async def interrupt(request: Request, ref: SessionRef):
    await heygen_post(request, "/v1/streaming.interrupt", {"session_id": ref.session_id})
    return {"ok": True}


@app.post("/sessions/close")
async def close(request: Request, ref: SessionRef):
    await heygen_post(request, "/v1/streaming.stop", {"session_id": ref.session_id})
    return {"ok": True}
