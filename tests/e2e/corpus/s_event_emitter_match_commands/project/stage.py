"""Stage controller for a live show: the show's cue feed arrives as JSON commands which are
matched and re-emitted as events; the avatar handlers talk to HeyGen."""
import json
import os

import httpx

from emitter import EventEmitter

bus = EventEmitter()
state = {"session": None, "room": None, "log": []}

client = httpx.Client(
    base_url=os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com"),
    headers={"x-api-key": os.getenv("HEYGEN_API_KEY", "")},
    timeout=30,
)


def _post(path, **payload):
    response = client.post(path, json=payload)
    response.raise_for_status()
    return response.json().get("data", {})


@bus.on("show.open")
def open_show(avatar_id, quality="high"):
    info = _post("/v1/streaming.new", avatar_id=avatar_id, quality=quality, version="v2")
    _post("/v1/streaming.start", session_id=info["session_id"])
    state["session"] = info["session_id"]
    state["room"] = (info["url"], info["access_token"])
    bus.emit("room.ready", *state["room"])


@bus.on("avatar.line")
def speak_line(text):
    if state["session"] is None:
        state["log"].append(f"dropped: {text}")
        return
    result = _post("/v1/streaming.task", session_id=state["session"], text=text, task_type="repeat")
    state["log"].append(result.get("task_id"))


@bus.on("avatar.cut")
def cut():
    _post("/v1/streaming.interrupt", session_id=state["session"])


@bus.on("show.pause")
def pause():
    _post("/v1/streaming.keep_alive", session_id=state["session"])


@bus.on("show.close")
def close_show():
    if state["session"]:
        _post("/v1/streaming.stop", session_id=state["session"])
    state["session"] = None


def handle(raw):
    """One cue from the feed."""
    match json.loads(raw):
        case {"cue": "open", "avatar": str(avatar), **rest}:
            bus.emit("show.open", avatar, rest.get("quality", "high"))
        case {"cue": "line", "text": str(text)}:
            bus.emit("avatar.line", text)
        case {"cue": "cut"}:
            bus.emit("avatar.cut")
        case {"cue": "pause"}:
            bus.emit("show.pause")
        case {"cue": "close"}:
            bus.emit("show.close")
        case other:
            state["log"].append(f"unknown cue: {other}")


def run_feed(lines):
    for raw in lines:
        if raw.strip():
            handle(raw)
    return state["log"]
