from . import heygen


def open_session(avatar):
    data = heygen.streaming("new", avatar_name=avatar, version="v2")
    heygen.streaming("start", session_id=data["session_id"])
    return data["url"], data["access_token"]


def say(session_id, text):
    heygen.streaming("task", session_id=session_id, text=text, task_type="repeat")
