from contextlib import asynccontextmanager

import aiohttp
from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel

from . import heygen
from .config import Settings, get_settings


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = aiohttp.ClientSession()
    yield
    await app.state.http.close()


app = FastAPI(title="avatar api", lifespan=lifespan)


class SayBody(BaseModel):
    session_id: str
    text: str


class SessionRef(BaseModel):
    session_id: str


@app.post("/sessions")
async def create_session(request: Request, settings: Settings = Depends(get_settings)):
    data = await heygen.open_session(request.app.state.http, settings)
    return {
        "session_id": data["session_id"],
        "livekit_url": data["url"],
        "livekit_token": data["access_token"],
    }


@app.post("/say")
async def say(body: SayBody, request: Request, settings: Settings = Depends(get_settings)):
    await heygen.say(request.app.state.http, settings, body.session_id, body.text)
    return {"ok": True}


@app.post("/interrupt")
async def interrupt(body: SessionRef, request: Request, settings: Settings = Depends(get_settings)):
    await heygen.interrupt(request.app.state.http, settings, body.session_id)
    return {"ok": True}


@app.post("/close")
async def close(body: SessionRef, request: Request, settings: Settings = Depends(get_settings)):
    await heygen.close(request.app.state.http, settings, body.session_id)
    return {"ok": True}
