from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from .agent import run_agent
from .providers import ProviderError, get_provider
from .settings import get_settings
from .tasks import announce

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    async with httpx.AsyncClient(
        base_url=settings.heygen_api_base,
        headers={"X-Api-Key": settings.heygen_api_key},
        timeout=settings.request_timeout,
    ) as client:
        app.state.provider = get_provider(settings, client)
        yield


app = FastAPI(title="Avatar concierge", lifespan=lifespan)


class SayRequest(BaseModel):
    text: str
    task_type: str = "repeat"
    background: bool = False


class AgentRequest(BaseModel):
    request: str


@app.get("/avatar", response_class=HTMLResponse)
async def avatar_page(request: Request):
    try:
        session = await request.app.state.provider.open_session()
    except ProviderError as exc:
        raise HTTPException(status_code=502, detail=str(exc))
    return templates.TemplateResponse(
        request,
        "viewer.html",
        {"session_id": session.session_id, "room_url": session.room_url, "room_token": session.room_token},
    )


@app.post("/avatar/{session_id}/say")
async def say(session_id: str, body: SayRequest, request: Request):
    if body.background:
        result = announce.delay(session_id, body.text, body.task_type)
        return {"queued": True, "task_id": result.get()["task_id"]}
    task_id = await request.app.state.provider.speak(session_id, body.text, body.task_type)
    return {"queued": False, "task_id": task_id}


@app.post("/avatar/{session_id}/interrupt")
async def interrupt(session_id: str, request: Request):
    await request.app.state.provider.interrupt(session_id)
    return {"ok": True}


@app.delete("/avatar/{session_id}")
async def close(session_id: str, request: Request):
    await request.app.state.provider.close_session(session_id)
    return {"closed": session_id}


@app.post("/agent")
async def agent(body: AgentRequest, request: Request):
    state = await run_agent(request.app.state.provider, body.request)
    return {"session_id": state["session_id"], "transcript": state["transcript"]}
