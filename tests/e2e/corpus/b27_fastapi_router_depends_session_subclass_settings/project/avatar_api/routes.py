from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from .client import HeyGenError, StreamingClient
from .deps import get_client
from .settings import Settings, get_settings

router = APIRouter(prefix="/api/avatar", tags=["avatar"])


class SessionOut(BaseModel):
    session_id: str
    url: str
    access_token: str


class SpeakIn(BaseModel):
    text: str


class Ok(BaseModel):
    ok: bool = True


@router.post("/sessions", response_model=SessionOut)
def open_session(
    client: StreamingClient = Depends(get_client),
    settings: Settings = Depends(get_settings),
):
    try:
        data = client.new_session(settings.avatar_id, settings.quality, settings.voice_id)
        client.start_session(data["session_id"])
    except HeyGenError as exc:
        raise HTTPException(status_code=502, detail=str(exc))
    return SessionOut(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


@router.post("/sessions/{session_id}/speak", response_model=Ok)
def speak(session_id: str, body: SpeakIn, client: StreamingClient = Depends(get_client)):
    if not body.text.strip():
        raise HTTPException(status_code=422, detail="empty text")
    try:
        client.speak(session_id, body.text)
    except HeyGenError as exc:
        raise HTTPException(status_code=502, detail=str(exc))
    return Ok()


@router.post("/sessions/{session_id}/interrupt", response_model=Ok)
def interrupt(session_id: str, client: StreamingClient = Depends(get_client)):
    client.interrupt(session_id)
    return Ok()


@router.delete("/sessions/{session_id}", response_model=Ok)
def close(session_id: str, client: StreamingClient = Depends(get_client)):
    client.close(session_id)
    return Ok()
