from typing import Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException
from pydantic import BaseModel

from .heygen import HeyGenError, HeyGenStreaming, get_heygen

router = APIRouter(prefix="/avatar", tags=["avatar"])


class SessionIn(BaseModel):
    session_id: str


class SayIn(SessionIn):
    text: str
    task_type: Literal["repeat", "chat"] = "repeat"


@router.post("/session")
def open_session(heygen: HeyGenStreaming = Depends(get_heygen)) -> dict:
    try:
        return heygen.create_session()
    except HeyGenError as exc:
        raise HTTPException(status_code=502, detail=str(exc)) from exc


@router.post("/say")
def say(body: SayIn, heygen: HeyGenStreaming = Depends(get_heygen)) -> dict:
    heygen.speak(body.session_id, body.text, body.task_type)
    return {"ok": True}


@router.post("/interrupt")
def interrupt(body: SessionIn, heygen: HeyGenStreaming = Depends(get_heygen)) -> dict:
    heygen.interrupt(body.session_id)
    return {"ok": True}


@router.post("/close")
def close(body: SessionIn, heygen: HeyGenStreaming = Depends(get_heygen)) -> dict:
    heygen.close(body.session_id)
    return {"ok": True}


app = FastAPI(title="Acme avatar backend")
app.include_router(router)
