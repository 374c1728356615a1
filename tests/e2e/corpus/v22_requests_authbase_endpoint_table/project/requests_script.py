"""Say hello through a HeyGen streaming avatar, then hang up."""

import os
from urllib.parse import urljoin

import requests
from requests.auth import AuthBase

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]

ENDPOINTS = {
    "new": "v1/streaming.new",
    "start": "v1/streaming.start",
    "task": "v1/streaming.task",
    "interrupt": "v1/streaming.interrupt",
    "keep_alive": "v1/streaming.keep_alive",
    "stop": "v1/streaming.stop",
}


class HeyGenAuth(AuthBase):
    """Adds the HeyGen API key to every request."""

    def __init__(self, api_key):
        self.api_key = api_key

    def __call__(self, r):
        r.headers["x-api-key"] = self.api_key
        return r


AUTH = HeyGenAuth(os.environ["HEYGEN_API_KEY"])


def main():
    resp = requests.post(
        urljoin(BASE_URL, ENDPOINTS["new"]),
        json={
            "avatar_id": AVATAR_ID,
            "quality": "low",
            "version": "v2",
            "knowledge_base_id": KNOWLEDGE_BASE_ID,
        },
        auth=AUTH,
        timeout=10,
    )
    resp.raise_for_status()
    data = resp.json().get("data", {})
    session_id = data["session_id"]

    requests.post(
        urljoin(BASE_URL, ENDPOINTS["start"]), json={"session_id": session_id}, auth=AUTH, timeout=10
    ).raise_for_status()

    requests.post(
        urljoin(BASE_URL, ENDPOINTS["task"]),
        json={"session_id": session_id, "text": "Hello there!", "task_type": "repeat"},
        auth=AUTH,
        timeout=10,
    ).raise_for_status()
    answer = requests.post(
        urljoin(BASE_URL, ENDPOINTS["task"]),
        json={"session_id": session_id, "text": "What can you do?", "task_type": "chat"},
        auth=AUTH,
        timeout=10,
    )
    answer.raise_for_status()
    for action in ("interrupt", "keep_alive", "stop"):
        requests.post(
            urljoin(BASE_URL, ENDPOINTS[action]), json={"session_id": session_id}, auth=AUTH, timeout=10
        ).raise_for_status()


if __name__ == "__main__":
    main()
