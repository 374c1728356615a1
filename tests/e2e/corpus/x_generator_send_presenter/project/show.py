"""Talk-show presenter written as a generator coroutine.

The host loop owns the avatar for the whole show: it is primed with next() (which opens the
session and yields the room for the OBS browser source), then fed cue tuples with .send(),
and .close() at the end of the show runs the `finally` that stops the session.

    presenter = show.presenter(http, avatar_id)
    url, token = next(presenter)
    presenter.send(("say", "Good evening!"))
    presenter.send(("ask", "What's on tonight?"))
    presenter.send(("cut", None))
    presenter.close()
"""
import os

import requests

BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
KB = os.getenv("SHOW_KB_ID")


def make_http():
    s = requests.Session()
    s.headers["x-api-key"] = os.environ["HEYGEN_API_KEY"]
    return s


def _post(http, endpoint, payload):
    r = http.post(f"{BASE}/v1/{endpoint}", json=payload, timeout=20)
    r.raise_for_status()
    out = r.json()
    if out.get("error"):
        raise RuntimeError(f"{endpoint}: {out['error']}")
    return out.get("data") or {}


def presenter(http, avatar_id, quality="high"):
    payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
    if KB:
        payload["knowledge_base_id"] = KB
    info = _post(http, "streaming.new", payload)
    sid = info["session_id"]
    _post(http, "streaming.start", {"session_id": sid})
    said = 0
    try:
        cue = yield info["url"], info["access_token"]
        while True:
            verb, text = cue
            if verb == "say":
                _post(http, "streaming.task", {"session_id": sid, "text": text, "task_type": "repeat"})
                said += 1
            elif verb == "ask":
                _post(http, "streaming.task", {"session_id": sid, "text": text, "task_type": "chat"})
                said += 1
            elif verb == "cut":
                _post(http, "streaming.interrupt", {"session_id": sid})
            elif verb == "ping":
                _post(http, "streaming.keep_alive", {"session_id": sid})
            else:
                raise ValueError(f"unknown cue {verb!r}")
            cue = yield said
    finally:
        _post(http, "streaming.stop", {"session_id": sid})


def run_cues(cues, on_room, avatar_id=None):
    """The show runner: feeds the rundown's cues to the presenter in order."""
    http = make_http()
    p = presenter(http, avatar_id or os.environ["SHOW_AVATAR_ID"])
    url, token = next(p)
    on_room(url, token)
    try:
        for cue in cues:
            p.send(cue)
    finally:
        p.close()
        http.close()
