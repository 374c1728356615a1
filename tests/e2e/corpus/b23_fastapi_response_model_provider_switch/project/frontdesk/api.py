"""HTTP API for the lobby screen."""
from functools import lru_cache
from typing import Optional

from fastapi import Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel, ConfigDict

from . import llm
from .config import Settings
from .providers import make_provider
from .providers.heygen import HeyGenAPIError

app = FastAPI(title="Harbour front desk")


@lru_cache
def get_settings() -> Settings:
    return Settings.from_env()


@lru_cache
def get_provider():
    return make_provider(get_settings())


class RoomInfo(BaseModel):
    """What the lobby screen needs to join the avatar's LiveKit room."""

    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str


class Question(BaseModel):
    text: str


class Answer(BaseModel):
    question: str
    answer: str


@app.post("/rooms", response_model=RoomInfo)
def open_room(provider=Depends(get_provider)):
    try:
        return provider.open()
    except HeyGenAPIError as exc:
        raise HTTPException(status_code=502, detail=str(exc))


@app.post("/rooms/{session_id}/questions", response_model=Answer)
def ask(session_id: str, question: Question, provider=Depends(get_provider),
        settings: Settings = Depends(get_settings)):
    reply = llm.answer(question.text, settings)
    provider.say(session_id, reply)
    return Answer(question=question.text, answer=reply)


@app.post("/rooms/{session_id}/interrupt", status_code=204)
def interrupt(session_id: str, provider=Depends(get_provider)):
    provider.interrupt(session_id)
    return Response(status_code=204)


@app.delete("/rooms/{session_id}", status_code=204)
def close_room(session_id: str, provider=Depends(get_provider)):
    provider.close(session_id)
    return Response(status_code=204)


@app.get("/provider")
def which_provider(provider: Optional[object] = Depends(get_provider)):
    return {"provider": getattr(provider, "name", "unknown")}
