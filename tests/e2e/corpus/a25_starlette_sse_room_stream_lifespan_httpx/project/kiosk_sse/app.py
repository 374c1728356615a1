from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager
from typing import AsyncIterator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

HEYGEN_BASE = "https://api.heygen.com/v1/"


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with httpx.AsyncClient(base_url=HEYGEN_BASE, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}) as http:
        app.state.http = http
        yield


async def _room_events(http: httpx.AsyncClient) -> AsyncIterator[str]:
    resp = await http.post("streaming.new", json={"avatar_id": os.environ.get("SSE_AVATAR", "Anna_public_3_20240108"), "version": "v2"})
    resp.raise_for_status()
    session = resp.json()["data"]
    started = await http.post("streaming.start", json={"session_id": session["session_id"]})
    started.raise_for_status()
    payload = {"url": session["url"], "token": session["access_token"], "session": session["session_id"]}
    yield f"event: room\ndata: {json.dumps(payload)}\n\n"
    yield "event: ready\ndata: {}\n\n"


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(_room_events(request.app.state.http), media_type="text/event-stream")


async def say(request: Request) -> JSONResponse:
    body = await request.json()
    resp = await request.app.state.http.post(
        "streaming.task",
        json={"session_id": request.path_params["session_id"], "text": body["text"], "task_type": "repeat"},
    )
    resp.raise_for_status()
    return JSONResponse({"ok": True})


async def close(request: Request) -> Response:
    resp = await request.app.state.http.post("streaming.stop", json={"session_id": request.path_params["session_id"]})
    resp.raise_for_status()
    return Response(status_code=204)


app = Starlette(
    routes=[
        Route("/avatar/stream", stream),
        Route("/avatar/{session_id}/say", say, methods=["POST"]),
        Route("/avatar/{session_id}", close, methods=["DELETE"]),
    ],
    lifespan=lifespan,
)
