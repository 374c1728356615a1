"""Say hello through a HeyGen streaming avatar, then hang up (a typical requests script)."""

import os

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]  # answers the "chat" task below
HEADERS = {"x-api-key": HEYGEN_API_KEY, "Content-Type": "application/json"}


def main():
    resp = requests.post(
        f"{BASE_URL}/v1/streaming.new",
        json={
            "avatar_id": AVATAR_ID,
            "quality": "low",
            "version": "v2",
            "knowledge_base_id": KNOWLEDGE_BASE_ID,
        },
        headers=HEADERS,
        timeout=10,
    )
    resp.raise_for_status()
    session_id = resp.json()["data"]["session_id"]

    started = requests.post(
        f"{BASE_URL}/v1/streaming.start",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=10,
    )
    started.raise_for_status()

    requests.post(
        f"{BASE_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": "Hello there!", "task_type": "repeat"},
        headers=HEADERS,
        timeout=10,
    ).raise_for_status()
    answer = requests.post(
        f"{BASE_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": "What can you do?", "task_type": "chat"},
        headers=HEADERS,
        timeout=10,
    )
    answer.raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.interrupt",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=10,
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.keep_alive",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=10,
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.stop",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=10,
    ).raise_for_status()


if __name__ == "__main__":
    main()
