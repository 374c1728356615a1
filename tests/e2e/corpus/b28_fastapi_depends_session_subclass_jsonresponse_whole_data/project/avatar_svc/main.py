from typing import Optional

from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from . import config
from .client import HeyGenHTTPError, HeyGenSession, get_client

app = FastAPI()


class NewSession(BaseModel):
    avatar_id: Optional[str] = None
    quality: str = "medium"


class Say(BaseModel):
    text: str


@app.exception_handler(HeyGenHTTPError)
async def upstream(request, exc: HeyGenHTTPError):
    return JSONResponse({"detail": exc.detail}, status_code=502)


@app.post("/sessions")
def create(body: NewSession, hg: HeyGenSession = Depends(get_client)):
    r = hg.post(
        "/v1/streaming.new",
        json={"avatar_id": body.avatar_id or config.DEFAULT_AVATAR, "quality": body.quality, "version": "v2"},
    )
    data = r.json()["data"]
    hg.post("/v1/streaming.start", json={"session_id": data["session_id"]})
    # the browser's livekit-client reads data.url and data.access_token
    return JSONResponse(content=data, status_code=201)


@app.post("/sessions/{session_id}/say")
def say(session_id: str, body: Say, hg: HeyGenSession = Depends(get_client)):
    if not body.text.strip():
        raise HTTPException(422, "empty text")
    hg.post("/v1/streaming.task", json={"session_id": session_id, "text": body.text, "task_type": "repeat"})
    return {"ok": True}


@app.post("/sessions/{session_id}/keepalive")
def keepalive(session_id: str, hg: HeyGenSession = Depends(get_client)):
    hg.post("/v1/streaming.keep_alive", json={"session_id": session_id})
    return {"ok": True}


@app.get("/sessions")
def active(hg: HeyGenSession = Depends(get_client)):
    sessions = hg.get("/v1/streaming.list").json()["data"]["sessions"]
    return {"count": len(sessions), "ids": [s["session_id"] for s in sessions]}


@app.delete("/sessions/{session_id}")
def close(session_id: str, hg: HeyGenSession = Depends(get_client)):
    hg.post("/v1/streaming.stop", json={"session_id": session_id})
    return {"ok": True}
