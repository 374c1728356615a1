"""Minimal HeyGen streaming helper for the quiz show. Results are namedtuples so the rest of
the code reads `room.url` instead of digging in dicts."""
from collections import namedtuple
import os

import httpx

Room = namedtuple("Room", "session_id url access_token")
TaskResult = namedtuple("TaskResult", "task_id", defaults=(None,))

API = "https://api.heygen.com/v1"
_client = httpx.Client(headers={"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")}, timeout=20)


def _post(endpoint, body):
    r = _client.post(f"{API}/{endpoint}", json=body)
    r.raise_for_status()
    return r.json()["data"]


def open_room(avatar_id):
    data = _post("streaming.new", {"avatar_id": avatar_id, "version": "v2", "quality": "low"})
    room = Room(**{field: data[field] for field in Room._fields})
    _post("streaming.start", {"session_id": room.session_id})
    return room


def say(room, text):
    data = _post("streaming.task", {"session_id": room.session_id, "text": text})
    return TaskResult(**{f: data.get(f) for f in TaskResult._fields})


def close(room):
    _post("streaming.stop", {"session_id": room.session_id})
