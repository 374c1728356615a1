from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from app.services import avatar_service

router = APIRouter(prefix="/api/avatar", tags=["avatar"])


class SpeakRequest(BaseModel):
    text: str
    task_type: str = "repeat"


@router.post("/session")
async def new_session():
    try:
        return await avatar_service.create_session()
    except Exception as e:
        raise HTTPException(status_code=502, detail=str(e))


@router.post("/session/{session_id}/speak")
async def speak(session_id: str, req: SpeakRequest):
    data = await avatar_service.speak(session_id, req.text, req.task_type)
    return {"ok": True, "task_id": data.get("task_id")}


@router.post("/session/{session_id}/interrupt")
async def interrupt(session_id: str):
    return {"ok": await avatar_service.interrupt(session_id)}


@router.delete("/session/{session_id}")
async def close(session_id: str):
    await avatar_service.close_session(session_id)
    return {"ok": True}
