import posixpath
from typing import Iterator

import requests
from fastapi import Depends, FastAPI, HTTPException

from .config import Settings, get_settings
from .schemas import NewSessionRequest, NewSessionResponse, TaskRequest, TaskResponse

app = FastAPI(title="study-buddy-avatar")


def heygen_session(settings: Settings = Depends(get_settings)) -> Iterator[requests.Session]:
    s = requests.Session()
    s.headers.update({"X-Api-Key": settings.heygen_api_key})
    try:
        yield s
    finally:
        s.close()


def _post(s: requests.Session, settings: Settings, endpoint: str, payload: dict) -> dict:
    resp = s.post(posixpath.join(settings.heygen_api_url, endpoint), json=payload, timeout=20)
    try:
        resp.raise_for_status()
    except requests.HTTPError as exc:
        raise HTTPException(status_code=502, detail=resp.text) from exc
    return resp.json().get("data") or {}


@app.post("/sessions", response_model=NewSessionResponse)
def create_session(
    req: NewSessionRequest,
    s: requests.Session = Depends(heygen_session),
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
    data = _post(s, settings, "streaming.new", body)
    session = NewSessionResponse.model_validate(data)
    _post(s, settings, "streaming.start", {"session_id": session.session_id})
    return session


@app.post("/sessions/{session_id}/tasks", response_model=TaskResponse)
def send_task(
    session_id: str,
    req: TaskRequest,
    s: requests.Session = Depends(heygen_session),
    settings: Settings = Depends(get_settings),
):
    data = _post(s, settings, "streaming.task", {"session_id": session_id, "text": req.text, "task_type": req.task_type})
    return TaskResponse.model_validate(data)


@app.delete("/sessions/{session_id}")
def close_session(
    session_id: str,
    s: requests.Session = Depends(heygen_session),
    settings: Settings = Depends(get_settings),
):
    _post(s, settings, "streaming.stop", {"session_id": session_id})
    return {"closed": True}
