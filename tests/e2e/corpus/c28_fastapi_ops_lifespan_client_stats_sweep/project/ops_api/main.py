import os
from contextlib import asynccontextmanager

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request, Response

from .models import Opened, OpenBody, Stats, Swept, SweepBody

API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1")


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.heygen = httpx.AsyncClient(
        base_url=API_BASE,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=10.0,
    )
    try:
        yield
    finally:
        await app.state.heygen.aclose()


app = FastAPI(title="avatar-ops", lifespan=lifespan)


def heygen(request: Request) -> httpx.AsyncClient:
    return request.app.state.heygen


async def _ok(resp: httpx.Response) -> dict:
    if resp.status_code >= 400:
        raise HTTPException(status_code=502, detail=resp.text)
    return resp.json()


@app.post("/sessions", response_model=Opened, status_code=201)
async def open_session(body: OpenBody, client: httpx.AsyncClient = Depends(heygen)):
    data = (await _ok(await client.post("/streaming.new", json={"avatar_id": body.avatar_id, "quality": body.quality, "version": "v2"})))["data"]
    await _ok(await client.post("/streaming.start", json={"session_id": data["session_id"]}))
    if body.greeting:
        await _ok(await client.post("/streaming.task", json={"session_id": data["session_id"], "text": body.greeting}))
    return Opened(session_id=data["session_id"], url=data["url"], token=data["access_token"])


async def _active_ids(client):
    body = await _ok(await client.get("/streaming.list"))
    return [s["session_id"] for s in body["data"]["sessions"]]


@app.get("/stats", response_model=Stats)
async def stats(client: httpx.AsyncClient = Depends(heygen)):
    history = await _ok(await client.get("https://api.heygen.com/v2/streaming.list", params={"page": 1, "page_size": 1}))
    return Stats(active=len(await _active_ids(client)), history_total=history["total"])


@app.post("/sweep", response_model=Swept)
async def sweep(body: SweepBody, client: httpx.AsyncClient = Depends(heygen)):
    stopped = []
    for sid in await _active_ids(client):
        if sid in body.keep:
            continue
        await _ok(await client.post("/streaming.stop", json={"session_id": sid}))
        stopped.append(sid)
    return Swept(stopped=stopped)


@app.delete("/sessions/{session_id}", status_code=204)
async def stop_session(session_id: str, client: httpx.AsyncClient = Depends(heygen)):
    await _ok(await client.post("/streaming.stop", json={"session_id": session_id}))
    return Response(status_code=204)
