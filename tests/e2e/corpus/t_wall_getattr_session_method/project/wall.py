"""Support wall: one avatar on the big screen answering FAQs.

Run: HEYGEN_API_KEY=... python wall.py
"""
import os

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
HEADERS = {"accept": "application/json", "x-api-key": os.environ.get("HEYGEN_API_KEY", "")}
HTTP = requests.Session()


def _call(method, path, body=None):
    send = getattr(HTTP, method.lower())
    resp = send(f"{BASE_URL}/{path}", headers=HEADERS, json=body, timeout=30)
    if resp.status_code >= 400:
        raise RuntimeError(f"{method} {path} -> {resp.status_code}: {resp.text}")
    return resp.json().get("data", {})


def api_get(path):
    return _call("GET", path)


def api_post(path, body):
    return _call("POST", path, body)


def stop(session_id):
    r = requests.request("POST", f"{BASE_URL}/streaming.stop", headers=HEADERS, json={"session_id": session_id}, timeout=30)
    return r.status_code == 200


def close_stale():
    """the screen PC reboots sometimes and leaves sessions open"""
    data = api_get("streaming.list")
    closed = 0
    for s in data.get("sessions", []):
        if stop(s["session_id"]):
            closed += 1
    return closed


def open_wall():
    data = api_post(
        "streaming.new",
        {"avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"), "quality": "high", "version": "v2", "knowledge_base_id": os.environ.get("KB_ID")},
    )
    api_post("streaming.start", {"session_id": data["session_id"]})
    return data


def answer(session_id, question):
    return api_post("streaming.task", {"session_id": session_id, "text": question, "task_type": "chat"})


def announce(session_id, text):
    return api_post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def heartbeat(session_id):
    api_post("streaming.keep_alive", {"session_id": session_id})


if __name__ == "__main__":
    close_stale()
    wall = open_wall()
    print("LiveKit:", wall["url"])
    announce(wall["session_id"], "Ask me anything about your order.")
