"""Concierge API: the web front-end opens an avatar session and watches it in LiveKit Meet."""
from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, HTTPException, Query, Security
from fastapi.responses import RedirectResponse
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

from .settings import Settings, get_settings
from .streaming import StreamingDep

app_key_header = APIKeyHeader(name="X-App-Key")

# session_id -> the session data HeyGen returned (one worker)
ROOMS: dict[str, dict] = {}


def require_app_key(
    key: Annotated[str, Security(app_key_header)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> None:
    if key != settings.app_key:
        raise HTTPException(status_code=403, detail="bad app key")


class OpenRequest(BaseModel):
    greeting: str | None = Field(default=None, max_length=500)


class SessionOut(BaseModel):
    session_id: str
    watch_url: str


class SayRequest(BaseModel):
    text: str = Field(min_length=1)
    mode: Literal["repeat", "chat"] = "repeat"


router = APIRouter(prefix="/avatar", tags=["avatar"], dependencies=[Depends(require_app_key)])


@router.post("/sessions", response_model=SessionOut, status_code=201)
async def open_session(body: OpenRequest, streaming: StreamingDep, background: BackgroundTasks):
    session = await streaming.open_session()
    ROOMS[session["session_id"]] = session
    if body.greeting:
        background.add_task(streaming.say, session["session_id"], body.greeting)
    return SessionOut(
        session_id=session["session_id"],
        watch_url=f"/avatar/sessions/{session['session_id']}/watch",
    )


@router.get("/sessions/{session_id}/watch")
def watch(session_id: str, settings: Annotated[Settings, Depends(get_settings)]):
    room = ROOMS.get(session_id)
    if room is None:
        raise HTTPException(status_code=404, detail="unknown session")
    query = urlencode({"liveKitUrl": room["url"], "token": room["access_token"]})
    return RedirectResponse(f"{settings.viewer_base}?{query}", status_code=307)


@router.post("/sessions/{session_id}/say", status_code=202)
async def say(session_id: str, body: SayRequest, streaming: StreamingDep):
    if session_id not in ROOMS:
        raise HTTPException(status_code=404, detail="unknown session")
    await streaming.say(session_id, body.text, task_type=body.mode)
    return {"queued": True}


@router.delete("/sessions/{session_id}", status_code=204)
async def close(
    session_id: str,
    streaming: StreamingDep,
    forget: Annotated[bool, Query()] = True,
):
    if session_id not in ROOMS:
        raise HTTPException(status_code=404, detail="unknown session")
    await streaming.close(session_id)
    if forget:
        ROOMS.pop(session_id, None)


app = FastAPI(title="Concierge")
app.include_router(router)
