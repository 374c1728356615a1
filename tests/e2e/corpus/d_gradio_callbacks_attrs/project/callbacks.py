"""Callbacks of the Gradio demo (app.py wires them to gr.Button / gr.Chatbot; kept UI-free so
they can be unit-tested). Each callback takes and returns the per-user `state` dict."""
import html
import os

import httpx

from models import SessionInfo, TaskResult

API_BASE = "https://api.heygen.com/v1"
_client = httpx.Client(timeout=30)


def _api(path, payload):
    r = _client.post(f"{API_BASE}{path}", json=payload,
                     headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json().get("data")


def _player_html(info: SessionInfo) -> str:
    return (
        '<div id="avatar" data-livekit-url="{}" data-livekit-token="{}"></div>'.format(
            html.escape(info.url), html.escape(info.access_token))
    )


def on_start(state):
    state = dict(state or {})
    payload = {"avatar_id": os.getenv("DEMO_AVATAR", "Anna_public_3_20240108"), "version": "v2",
               "quality": "medium"}
    if os.getenv("DEMO_KB"):
        payload["knowledge_base_id"] = os.getenv("DEMO_KB")
    info = SessionInfo.from_dict(_api("/streaming.new", payload))
    _api("/streaming.start", {"session_id": info.session_id})
    state["session"] = info
    return state, _player_html(info), f"Session {info.session_id} started"


def on_send(message, history, state):
    info = (state or {}).get("session")
    if info is None:
        return "", history, state
    result = TaskResult.from_dict(_api("/streaming.task", {"session_id": info.session_id,
                                                           "text": message, "task_type": "chat"}))
    history = list(history or []) + [(message, f"(avatar answering, task {result.task_id})")]
    return "", history, state


def on_announce(text, state):
    info = state["session"]
    _api("/streaming.task", {"session_id": info.session_id, "text": text, "task_type": "repeat"})
    return state


def on_interrupt(state):
    info = (state or {}).get("session")
    if info:
        _api("/streaming.interrupt", {"session_id": info.session_id})
    return state


def on_stop(state):
    info = (state or {}).get("session")
    if info:
        _api("/streaming.stop", {"session_id": info.session_id})
    return {}, "", "Session closed"
