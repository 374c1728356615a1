import os

from . import kb
from .http import _request

SESSION = {}
TRANSCRIPT = []


def summarise(lines):
    """stand-in for client.chat.completions.create(model="gpt-4o-mini", ...)"""
    return f"{len(lines)} turns; last: {lines[-1] if lines else '-'}"


def open_desk(kb_id):
    data = _request(
        "POST",
        "/v1/streaming.new",
        {
            "avatar_id": os.environ["DESK_AVATAR"],
            "knowledge_base_id": kb_id,
            "voice": {"rate": 1.1, "emotion": "Friendly"},
            "version": "v2",
        },
    )["data"]
    _request("POST", "/v1/streaming.start", {"session_id": data["session_id"]})
    SESSION.update(id=data["session_id"], url=data["url"], token=data["access_token"])
    return SESSION


def ask(question):
    TRANSCRIPT.append(question)
    _request("POST", "/v1/streaming.task", {"session_id": SESSION["id"], "text": question, "task_type": "chat"})


def caller_turn(start=True):
    endpoint = "/v1/streaming.start_listening" if start else "/v1/streaming.stop_listening"
    _request("POST", endpoint, {"session_id": SESSION["id"]})


def barge_in():
    _request("POST", "/v1/streaming.interrupt", {"session_id": SESSION["id"]})


def close_desk():
    _request("POST", "/v1/streaming.stop", {"session_id": SESSION.pop("id")})
    return summarise(TRANSCRIPT)


def setup_kb():
    kb_id = kb.create("desk", "You answer IT questions.", "IT desk, how can I help?")
    kb.update(kb_id, "desk", "You answer IT and HR questions.", "Help desk, how can I help?")
    return kb_id
