import logging
import os
from typing import Optional

from dotenv import load_dotenv
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

load_dotenv()

from . import llm, storage  # noqa: E402
from .providers import ProviderError, get_provider  # noqa: E402

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("avatar_backend")

app = FastAPI(title="Northwind front desk")
provider = get_provider()
sessions = {}  # session_id -> dict


class ChatIn(BaseModel):
    message: str
    interrupt: bool = True


class SayIn(BaseModel):
    text: str


@app.get("/health")
def health():
    return {"ok": True, "provider": provider.name, "sessions": len(sessions)}


@app.post("/session")
async def open_session():
    try:
        info = await provider.open()
    except ProviderError as e:
        raise HTTPException(502, str(e))
    sessions[info["session_id"]] = {"turns": 0, **info}
    return info


@app.post("/session/{session_id}/chat")
async def chat(session_id: str, body: ChatIn):
    if session_id not in sessions:
        raise HTTPException(404, "unknown session")
    storage.log_turn(session_id, "user", body.message)
    reply = llm.answer(body.message, storage.history(session_id)[:-1])
    storage.log_turn(session_id, "assistant", reply)
    # the visitor usually talks over the avatar: cut it off before answering
    await provider.speak(session_id, reply, interrupt_first=body.interrupt)
    sessions[session_id]["turns"] += 1
    return {"reply": reply}


@app.post("/session/{session_id}/say")
async def say(session_id: str, body: SayIn):
    result = await provider.speak(session_id, body.text)
    return {"task_id": (result or {}).get("task_id")}


@app.post("/session/{session_id}/ping")
async def ping(session_id: str):
    await provider.ping(session_id)
    return {"ok": True}


@app.delete("/session/{session_id}")
async def close(session_id: str):
    info: Optional[dict] = sessions.pop(session_id, None)
    if info is None:
        raise HTTPException(404, "unknown session")
    await provider.close(session_id)
    return {"closed": session_id, "turns": info["turns"]}
