# Names no HeyGen word: the paths come from routes.py, the requests from transport.py.
from . import transport
from .routes import NEW, START, STOP, TASK


def open_screen(avatar_id):
    data = transport.send("POST", NEW, {"avatar_id": avatar_id, "version": "v2"})
    transport.send("POST", START, {"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]


def say(session_id, text):
    transport.send("POST", TASK, {"session_id": session_id, "text": text})


def close(session_id):
    transport.send("POST", STOP, {"session_id": session_id})
