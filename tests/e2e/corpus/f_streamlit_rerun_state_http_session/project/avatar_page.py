"""Avatar page of the cooking assistant. streamlit_app.py calls render(st.session_state, event)."""
import os

import requests

API = "https://api.heygen.com"
AVATAR = os.environ.get("PAGE_AVATAR", "Anna_public_3_20240108")
WELCOME = "Hello! Tell me what is in your fridge."


def _http(state):
    if "http" not in state:
        s = requests.Session()
        s.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Accept": "application/json"})
        state["http"] = s
    return state["http"]


def start(state):
    http = _http(state)
    body = {"avatar_id": AVATAR, "quality": "medium", "version": "v2", "language": "en"}
    if state.get("kb_id"):
        body["knowledge_base_id"] = state["kb_id"]
    r = http.post(API + "/v1/streaming.new", json=body)
    r.raise_for_status()
    data = r.json()["data"]
    http.post(API + "/v1/streaming.start", json={"session_id": data["session_id"]}).raise_for_status()
    state["session"] = data["session_id"]
    state["room"] = {"url": data["url"], "token": data["access_token"]}
    say(state, WELCOME, "repeat")


def say(state, text, task_type="talk"):
    r = _http(state).post(
        API + "/v1/streaming.task",
        json={"session_id": state["session"], "text": text, "task_type": task_type},
    )
    r.raise_for_status()


def interrupt(state):
    _http(state).post(API + "/v1/streaming.interrupt", json={"session_id": state["session"]})


def stop(state):
    _http(state).post(API + "/v1/streaming.stop", json={"session_id": state.pop("session")})
    state.pop("room", None)


def render(state, event):
    state.setdefault("history", [])
    if event is None:
        return
    if event["kind"] == "sidebar":
        state["kb_id"] = event["kb_id"]
    elif event["kind"] == "button":
        if event["name"] == "start" and "session" not in state:
            start(state)
        elif event["name"] == "interrupt" and "session" in state:
            interrupt(state)
        elif event["name"] == "stop" and "session" in state:
            stop(state)
    elif event["kind"] == "chat" and "session" in state:
        state["history"].append({"role": "user", "content": event["text"]})
        say(state, event["text"])
