import os

from fastapi import APIRouter

from ..services import heygen

router = APIRouter(prefix="/live", tags=["live"])


@router.post("")
def open_live():
    data = heygen.post("/v1/streaming.new", {"avatar_id": os.environ["LIVE_AVATAR"], "version": "v2"})
    heygen.post("/v1/streaming.start", {"session_id": data["session_id"]})
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


@router.post("/{session_id}/say")
def say(session_id: str, text: str):
    heygen.post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
    return {"ok": True}


@router.delete("/{session_id}")
def close_live(session_id: str):
    heygen.post("/v1/streaming.stop", {"session_id": session_id})
    return {"ok": True}
