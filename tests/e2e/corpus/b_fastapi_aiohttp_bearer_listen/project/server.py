"""Santa avatar backend. The browser shows the LiveKit stream, the server drives it."""
import os
from contextlib import asynccontextmanager

import aiohttp
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
HEYGEN_URL = "https://api.heygen.com"
AVATAR_NAME = os.environ.get("AVATAR_NAME", "Santa_Fireplace_Front_public")

# session_id -> streaming token (HeyGen wants the same token for the whole session)
TOKENS: dict[str, str] = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = aiohttp.ClientSession()
    yield
    await app.state.http.close()


app = FastAPI(lifespan=lifespan)


class StartResponse(BaseModel):
    session_id: str
    url: str
    access_token: str


class SessionBody(BaseModel):
    session_id: str


class SayBody(SessionBody):
    text: str


class ListenBody(SessionBody):
    on: bool = True


async def _call(http: aiohttp.ClientSession, path: str, token: str, payload: dict) -> dict:
    async with http.post(
        f"{HEYGEN_URL}{path}",
        json=payload,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    ) as resp:
        result = await resp.json()
        if resp.status != 200:
            raise HTTPException(resp.status, detail=result)
        return result


def _token_for(session_id: str) -> str:
    try:
        return TOKENS[session_id]
    except KeyError:
        raise HTTPException(404, "unknown session")


@app.post("/avatar/start", response_model=StartResponse)
async def start(request: Request):
    http = request.app.state.http
    async with http.post(
        f"{HEYGEN_URL}/v1/streaming.create_token", headers={"x-api-key": HEYGEN_API_KEY}
    ) as resp:
        token = (await resp.json())["data"]["token"]

    new = await _call(
        http,
        "/v1/streaming.new",
        token,
        {
            "quality": "high",
            "avatar_name": AVATAR_NAME,
            "voice": {"rate": 0.9, "emotion": "excited"},
            "version": "v2",
            "video_encoding": "H264",
        },
    )
    data = new["data"]
    await _call(http, "/v1/streaming.start", token, {"session_id": data["session_id"]})
    TOKENS[data["session_id"]] = token
    return StartResponse(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


@app.post("/avatar/say")
async def say(body: SayBody, request: Request):
    await _call(
        request.app.state.http,
        "/v1/streaming.task",
        _token_for(body.session_id),
        {"session_id": body.session_id, "text": body.text, "task_type": "repeat", "task_mode": "async"},
    )
    return {"ok": True}


@app.post("/avatar/listen")
async def listen(body: ListenBody, request: Request):
    path = "/v1/streaming.start_listening" if body.on else "/v1/streaming.stop_listening"
    await _call(request.app.state.http, path, _token_for(body.session_id), {"session_id": body.session_id})
    return {"listening": body.on}


@app.post("/avatar/interrupt")
async def interrupt(body: SessionBody, request: Request):
    await _call(
        request.app.state.http,
        "/v1/streaming.interrupt",
        _token_for(body.session_id),
        {"session_id": body.session_id},
    )
    return {"ok": True}


@app.post("/avatar/end")
async def end(body: SessionBody, request: Request):
    token = TOKENS.pop(body.session_id, None)
    if token is None:
        raise HTTPException(404, "unknown session")
    await _call(request.app.state.http, "/v1/streaming.stop", token, {"session_id": body.session_id})
    return {"ok": True}
