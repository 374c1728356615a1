from fastapi import FastAPI
from pydantic import BaseModel

from . import avatar

app = FastAPI()


class Say(BaseModel):
    text: str


@app.post("/rooms")
def create_room():
    return avatar.open_room()


@app.post("/rooms/{room_id}/say")
def say(room_id: str, body: Say):
    avatar.say(room_id, body.text)
    return {"ok": True}


@app.post("/rooms/{room_id}/hush")
def hush(room_id: str):
    avatar.hush(room_id)
    return {"ok": True}


@app.delete("/rooms/{room_id}")
def close(room_id: str):
    avatar.close_room(room_id)
    return {"ok": True}
