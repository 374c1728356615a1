"""Concierge API: the kiosk front end opens a session, asks questions, closes it."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel

from .config import Settings, get_settings
from .heygen import HeyGenService, UpstreamError, make_client


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    app.state.http = make_client(settings.heygen_base, settings.heygen_api_key)
    app.state.pingers = {}
    try:
        yield
    finally:
        for task in app.state.pingers.values():
            task.cancel()
        await app.state.http.aclose()


app = FastAPI(lifespan=lifespan)


def get_service(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> HeyGenService:
    return HeyGenService(request.app.state.http, settings.avatar_id, settings.knowledge_base_id)


Service = Annotated[HeyGenService, Depends(get_service)]


class Question(BaseModel):
    text: str
    announce: bool = False


async def _pinger(service: HeyGenService, session_id: str, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        await service.keep_alive(session_id)


@app.post("/sessions")
async def open_session(request: Request, service: Service, settings: Annotated[Settings, Depends(get_settings)]) -> dict:
    try:
        envelope = await service.open()
    except UpstreamError as exc:
        raise HTTPException(502, f"avatar service: {exc}") from exc
    session = envelope["data"]
    request.app.state.pingers[session["session_id"]] = asyncio.create_task(
        _pinger(service, session["session_id"], settings.keepalive_seconds)
    )
    return {"id": session["session_id"], "room": session["url"], "token": session["access_token"]}


@app.post("/sessions/{session_id}/questions")
async def ask(session_id: str, question: Question, service: Service) -> dict:
    if question.announce:
        await service.announce(session_id, question.text)
    else:
        await service.ask(session_id, question.text)
    return {"ok": True}


@app.post("/sessions/{session_id}/ping")
async def ping(session_id: str, service: Service) -> dict:
    await service.keep_alive(session_id)
    return {"ok": True}


@app.delete("/sessions/{session_id}")
async def close(session_id: str, request: Request, service: Service) -> dict:
    task = request.app.state.pingers.pop(session_id, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await service.close(session_id)
    return {"closed": session_id}
