"""The kiosk screen opens a session, greets, and closes it (`heygen("task", session_id=..., ...)`)."""
from .heygen import heygen


def open_screen(avatar_id):
    data = heygen("new", avatar_id=avatar_id, version="v2")["data"]
    heygen("start", session_id=data["session_id"])
    return data["session_id"], data["url"], data["access_token"]


def greet(sid, text):
    heygen("task", session_id=sid, text=text, task_type="repeat")
    heygen("keep_alive", session_id=sid)


def close_screen(sid):
    heygen("stop", session_id=sid)
