import uuid
from typing import Literal

from fastapi import Depends, FastAPI, HTTPException, Request, WebSocket
from pydantic import BaseModel

from . import heygen
from .settings import Settings, get_settings

app = FastAPI(title="tutor")
LESSONS: dict[str, dict] = {}


class Ask(BaseModel):
    text: str
    task_type: Literal["repeat", "chat"] = "chat"


@app.websocket("/ws/lessons")
async def lesson_socket(websocket: WebSocket, settings: Settings = Depends(get_settings)):
    """The page opens this socket; the server opens the avatar and pushes the room to join."""
    await websocket.accept()
    info = await heygen.open_stream(settings)
    lesson_id = uuid.uuid4().hex
    LESSONS[lesson_id] = {"session_id": info["session_id"]}
    await websocket.send_json(
        {"type": "room", "lesson": lesson_id, "livekit_url": info["url"], "livekit_token": info["access_token"]}
    )
    while True:
        message = await websocket.receive_json()
        if message.get("type") == "bye":
            break
        await heygen.send_task(settings, info["session_id"], message["text"], message.get("task_type", "repeat"))
        await websocket.send_json({"type": "queued"})
    await websocket.close()


@app.post("/lessons/{lesson_id}/ask")
async def ask(lesson_id: str, body: Ask, settings: Settings = Depends(get_settings)):
    lesson = LESSONS.get(lesson_id)
    if lesson is None:
        raise HTTPException(404)
    await heygen.send_task(settings, lesson["session_id"], body.text, body.task_type)
    return {"ok": True}


@app.post("/lessons/{lesson_id}/raw")
async def raw(lesson_id: str, request: Request, settings: Settings = Depends(get_settings)):
    """For the teacher's console, which posts the task JSON as it is."""
    payload = await request.json()
    await heygen.send_task(settings, LESSONS[lesson_id]["session_id"], payload["text"], payload["task_type"])
    return {"ok": True}


@app.delete("/lessons/{lesson_id}")
async def finish(lesson_id: str, settings: Settings = Depends(get_settings)):
    lesson = LESSONS.pop(lesson_id, None)
    if lesson is None:
        raise HTTPException(404)
    await heygen.close_stream(settings, lesson["session_id"])
    return {"ok": True}
