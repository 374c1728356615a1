from contextlib import asynccontextmanager

import aiohttp
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

from . import heygen
from .settings import settings


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = aiohttp.ClientSession(headers={"x-api-key": settings.heygen_api_key})
    app.state.sessions = set()
    yield
    await app.state.http.close()


app = FastAPI(title="Story narrator", lifespan=lifespan)


class Chapter(BaseModel):
    text: str
    cut_in: bool = False


@app.post("/stories")
async def start_story(request: Request):
    data = await heygen.new_session(
        request.app.state.http,
        settings.avatar_id,
        voice_id=settings.default_voice,
        rate=settings.speaking_rate,
    )
    request.app.state.sessions.add(data["session_id"])
    return {"story": data["session_id"], "room": data["url"], "token": data["access_token"]}


@app.post("/stories/{story}/chapters")
async def read_chapter(story: str, chapter: Chapter, request: Request):
    if story not in request.app.state.sessions:
        raise HTTPException(404, "no such story")
    if chapter.cut_in:
        await heygen.interrupt(request.app.state.http, story)
    await heygen.narrate(request.app.state.http, story, chapter.text)
    return {"ok": True}


@app.delete("/stories/{story}")
async def end_story(story: str, request: Request):
    request.app.state.sessions.discard(story)
    await heygen.stop(request.app.state.http, story)
    return {"ended": story}
