"""Connects the HeyGen streaming avatar to the stage signals.

Receivers take ``(sender, **kw)`` as blinker sends them; their return values come back to the
sender from ``signal.send(...)`` as ``[(receiver, value), ...]``.
"""
import os

import httpx

from .signals import line_cued, line_cut, question_asked, show_closed, show_opened

API = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")
_http = httpx.Client(base_url=API, headers={"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}"}, timeout=20)
_state = {}


def _post(path, **fields):
    r = _http.post(path, json=fields)
    r.raise_for_status()
    return r.json().get("data")


@show_opened.connect
def open_avatar(sender, avatar_id, knowledge_base_id=None, **kw):
    body = {"avatar_id": avatar_id, "version": "v2", "quality": kw.get("quality", "medium")}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = _post("/v1/streaming.new", **body)
    _post("/v1/streaming.start", session_id=data["session_id"])
    _state[sender] = data["session_id"]
    return {"livekit_url": data["url"], "livekit_token": data["access_token"]}


@line_cued.connect
def speak_line(sender, text, **kw):
    return _post("/v1/streaming.task", session_id=_state[sender], text=text, task_type="repeat")


@question_asked.connect
def answer_question(sender, text, **kw):
    return _post("/v1/streaming.task", session_id=_state[sender], text=text, task_type="talk")


@line_cut.connect
def cut_line(sender, **kw):
    _post("/v1/streaming.interrupt", session_id=_state[sender])


@show_closed.connect
def close_avatar(sender, **kw):
    session_id = _state.pop(sender, None)
    if session_id:
        _post("/v1/streaming.stop", session_id=session_id)
