from glob import *  # noqa: F403  (a star import of the standard library brings no opener)
from . import avatar

handles = []


def open_room(avatar_id, log_path):
    log = open(log_path, "a")
    handles.append(log)
    room = avatar.open(avatar_id)
    avatar.start(room["session_id"])
    log.write(f"joined {room['session_id']}\n")
    return room


def close_logs():
    while handles:
        handles.pop().close()
