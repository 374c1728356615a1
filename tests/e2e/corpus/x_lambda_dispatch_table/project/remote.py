"""Stage remote: the operator's keypad sends single-key commands, each mapped to a HeyGen
call by a table of lambdas (one line per key, easy to remap before a show)."""
import os

import requests

BASE = "https://api.heygen.com/v1/"
HDRS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


def post(endpoint, body):
    r = requests.post(BASE + endpoint, json=body, headers=HDRS, timeout=15)
    r.raise_for_status()
    return r.json().get("data")


state = {}

KEYS = {
    "s": lambda text: post("streaming.task", {"session_id": state["sid"], "text": text, "task_type": "repeat"}),
    "a": lambda text: post("streaming.task", {"session_id": state["sid"], "text": text, "task_type": "chat"}),
    "x": lambda _text: post("streaming.interrupt", {"session_id": state["sid"]}),
    "k": lambda _text: post("streaming.keep_alive", {"session_id": state["sid"]}),
}


def power_on(avatar_id, kb_id=None):
    body = {"avatar_id": avatar_id, "version": "v2"}
    if kb_id:
        body["knowledge_base_id"] = kb_id
    data = post("streaming.new", body)
    state["sid"] = data["session_id"]
    post("streaming.start", {"session_id": state["sid"]})
    return data["url"], data["access_token"]


def press(key, text=""):
    action = KEYS.get(key)
    if action is None:
        raise KeyError(f"unmapped key {key!r}")
    return action(text)


def power_off():
    post("streaming.stop", {"session_id": state.pop("sid")})
