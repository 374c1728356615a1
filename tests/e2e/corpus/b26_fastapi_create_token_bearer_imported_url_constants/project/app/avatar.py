import os
import uuid

import requests

from .auth import get_streaming_token
from .urls import INTERRUPT_URL, NEW_URL, START_URL, STOP_URL, TASK_URL

ROOMS: dict[str, dict] = {}


def _headers(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def open_room() -> dict:
    token = get_streaming_token()
    r = requests.post(NEW_URL, headers=_headers(token), json={"avatar_id": os.environ["AVATAR_ID"], "version": "v2"}, timeout=30)
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(START_URL, headers=_headers(token), json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
    room_id = uuid.uuid4().hex[:8]
    ROOMS[room_id] = {"token": token, "session_id": data["session_id"]}
    return {"room_id": room_id, "livekit_url": data["url"], "livekit_token": data["access_token"]}


def say(room_id: str, text: str) -> None:
    room = ROOMS[room_id]
    requests.post(TASK_URL, headers=_headers(room["token"]), json={"session_id": room["session_id"], "text": text}, timeout=30).raise_for_status()


def hush(room_id: str) -> None:
    room = ROOMS[room_id]
    requests.post(INTERRUPT_URL, headers=_headers(room["token"]), json={"session_id": room["session_id"]}, timeout=30)


def close_room(room_id: str) -> None:
    room = ROOMS.pop(room_id)
    requests.post(STOP_URL, headers=_headers(room["token"]), json={"session_id": room["session_id"]}, timeout=30)
