"""Every call goes through `heygen(path, body)` of another module: its task and interrupt calls
send (the project facts read the helper), and the helper's own module sends the LiveAvatar key."""
from heygen import heygen


def open_avatar(avatar_id):
    data = heygen("/v1/streaming.new", dict(avatar_id=avatar_id, version="v2"))
    heygen("/v1/streaming.start", dict(session_id=data["session_id"]))
    return data["session_id"], data["url"], data["access_token"]


def say(session_id, text):
    heygen("/v1/streaming.task", dict(session_id=session_id, text=text, task_type="repeat"))


def interrupt(session_id):
    heygen("/v1/streaming.interrupt", dict(session_id=session_id))


def close(session_id):
    heygen("/v1/streaming.stop", dict(session_id=session_id))
