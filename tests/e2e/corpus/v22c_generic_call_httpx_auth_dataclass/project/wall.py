"""Support wall: one avatar on the big screen answering FAQs.

Run: HEYGEN_API_KEY=... python wall.py
"""
import os
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx


@dataclass(frozen=True)
class WallConfig:
    base_url: str = field(default_factory=lambda: os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1"))
    api_key: str = field(default_factory=lambda: os.environ.get("HEYGEN_API_KEY", ""))
    avatar_id: str = field(default_factory=lambda: os.environ.get("AVATAR_ID", "Anna_public_3_20240108"))
    kb_id: str | None = field(default_factory=lambda: os.environ.get("KB_ID"))


class ApiKeyAuth(httpx.Auth):
    def __init__(self, key):
        self.key = key

    def auth_flow(self, request):
        request.headers["X-Api-Key"] = self.key
        yield request


CFG = WallConfig()
AUTH = ApiKeyAuth(CFG.api_key)
HTTP = httpx.Client(auth=AUTH, timeout=30, headers={"accept": "application/json"})


def _call(method, path, body=None):
    resp = HTTP.request(method, urljoin(CFG.base_url + "/", path), json=body)
    resp.raise_for_status()
    return resp.json().get("data", {})


def api_get(path):
    return _call("GET", path)


def api_post(path, body):
    return _call("POST", path, body)


def stop(session_id):
    r = httpx.post(urljoin(CFG.base_url + "/", "streaming.stop"), auth=AUTH, json={"session_id": session_id}, timeout=30)
    return r.is_success


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
        {"avatar_id": CFG.avatar_id, "quality": "high", "version": "v2", "knowledge_base_id": CFG.kb_id},
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
