"""Route handlers (mounted by the web app; kept framework-free so they are easy to test)."""
from typing import Dict

from pydantic import BaseModel

from avatar_backend import heygen

# session_id -> create_token token used for the session's later calls
_TOKENS: Dict[str, str] = {}


class SessionOut(BaseModel):
    session_id: str
    url: str
    access_token: str


def create_avatar_session(body: dict) -> dict:
    token = heygen.create_session_token()
    data = heygen.new_session(token, language=body.get("language"))
    heygen.start_session(token, data["session_id"])
    _TOKENS[data["session_id"]] = token
    return SessionOut(**data).model_dump()


def speak(session_id: str, body: dict) -> dict:
    token = _TOKENS[session_id]
    result = heygen.send_task(token, session_id, body["text"], body.get("task_type", "talk"))
    return {"ok": True, "task": result}


def interrupt(session_id: str) -> dict:
    heygen.interrupt(_TOKENS[session_id], session_id)
    return {"ok": True}


def end_session(session_id: str) -> dict:
    token = _TOKENS.pop(session_id, None)
    if token is None:
        return {"ok": False, "error": "unknown session"}
    return {"ok": heygen.stop_session(token, session_id)}
