import httpx
from fastapi import FastAPI, HTTPException

from .config import get_settings
from .schemas import NewSessionRequest, NewSessionResponse, TaskRequest, TaskResponse

app = FastAPI(title="study-buddy-avatar")

STREAMING_PATHS = {
    "create": "/streaming.new",
    "start": "/streaming.start",
    "task": "/streaming.task",
    "stop": "/streaming.stop",
}


async def call_heygen(path: str, payload: dict) -> dict:
    settings = get_settings()
    async with httpx.AsyncClient(base_url=settings.heygen_api_url, timeout=20.0) as client:
        resp = await client.post(path, json=payload, headers={"x-api-key": settings.heygen_api_key})
    if resp.is_error:
        raise HTTPException(status_code=502, detail=resp.text)
    return resp.json().get("data") or {}


@app.post("/sessions", response_model=NewSessionResponse)
async def create_session(req: NewSessionRequest):
    settings = get_settings()
    body = dict(avatar_id=req.avatar_id or settings.heygen_avatar_id, quality=req.quality, language=req.language, version="v2")
    if settings.heygen_knowledge_base_id:
        body["knowledge_base_id"] = settings.heygen_knowledge_base_id
    data = await call_heygen(STREAMING_PATHS["create"], body)
    await call_heygen(STREAMING_PATHS["start"], {"session_id": data["session_id"]})
    return NewSessionResponse(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


@app.post("/sessions/{session_id}/tasks", response_model=TaskResponse)
async def send_task(session_id: str, req: TaskRequest):
    data = await call_heygen(STREAMING_PATHS["task"], {"session_id": session_id, "text": req.text, "task_type": req.task_type})
    return TaskResponse(**data)


@app.delete("/sessions/{session_id}")
async def close_session(session_id: str):
    await call_heygen(STREAMING_PATHS["stop"], {"session_id": session_id})
    return {"closed": True}
