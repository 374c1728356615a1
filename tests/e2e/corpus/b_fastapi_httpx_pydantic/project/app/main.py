from typing import AsyncIterator

import httpx
from fastapi import Depends, FastAPI, HTTPException

from .config import Settings, get_settings
from .schemas import (
    HeyGenEnvelope,
    NewSessionRequest,
    NewSessionResponse,
    TaskRequest,
    TaskResponse,
)

app = FastAPI(title="study-buddy-avatar")


async def heygen_client(settings: Settings = Depends(get_settings)) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=settings.heygen_api_url,
        headers={"X-Api-Key": settings.heygen_api_key},
        timeout=20.0,
    ) as client:
        yield client


def _unwrap(resp: httpx.Response) -> HeyGenEnvelope:
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail=resp.text)
    return HeyGenEnvelope.model_validate(resp.json())


@app.post("/sessions", response_model=NewSessionResponse)
async def create_session(
    req: NewSessionRequest,
    client: httpx.AsyncClient = Depends(heygen_client),
    settings: Settings = Depends(get_settings),
):
    body = {
        "avatar_id": req.avatar_id or settings.heygen_avatar_id,
        "quality": req.quality,
        "language": req.language,
        "version": "v2",
    }
    if settings.heygen_knowledge_base_id:
        body["knowledge_base_id"] = settings.heygen_knowledge_base_id
    envelope = _unwrap(await client.post("/streaming.new", json=body))
    session = NewSessionResponse(**envelope.data)

    _unwrap(await client.post("/streaming.start", json={"session_id": session.session_id}))
    return session


@app.post("/sessions/{session_id}/tasks", response_model=TaskResponse)
async def send_task(session_id: str, req: TaskRequest, client: httpx.AsyncClient = Depends(heygen_client)):
    envelope = _unwrap(
        await client.post(
            "/streaming.task",
            json={"session_id": session_id, "text": req.text, "task_type": req.task_type},
        )
    )
    return TaskResponse(**(envelope.data or {}))


@app.delete("/sessions/{session_id}")
async def close_session(session_id: str, client: httpx.AsyncClient = Depends(heygen_client)):
    _unwrap(await client.post("/streaming.stop", json={"session_id": session_id}))
    return {"closed": True}
