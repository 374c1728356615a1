"""Say hello through a HeyGen streaming avatar with a session token, then hang up."""

import os

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]
BASE_HEADERS = {"Content-Type": "application/json", "accept": "application/json"}


def _auth(token):
    return {**BASE_HEADERS, "Authorization": f"Bearer {token}"}


def create_token():
    resp = requests.post(
        f"{BASE_URL}/v1/streaming.create_token",
        headers={**BASE_HEADERS, "x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["data"]["token"]


def main():
    token = create_token()
    resp = requests.post(
        f"{BASE_URL}/v1/streaming.new",
        json={"avatar_id": AVATAR_ID, "quality": "low", "version": "v2", "knowledge_base_id": KNOWLEDGE_BASE_ID},
        headers=_auth(token),
        timeout=10,
    )
    resp.raise_for_status()
    session_id = resp.json()["data"]["session_id"]
    requests.post(
        f"{BASE_URL}/v1/streaming.start", json={"session_id": session_id}, headers=_auth(token), timeout=10
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": "Hello there!", "task_type": "repeat"},
        headers=_auth(token),
        timeout=10,
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": "What can you do?", "task_type": "chat"},
        headers=_auth(token),
        timeout=10,
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.interrupt", json={"session_id": session_id}, headers=_auth(token), timeout=10
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.keep_alive", json={"session_id": session_id}, headers=_auth(token), timeout=10
    ).raise_for_status()
    requests.post(
        f"{BASE_URL}/v1/streaming.stop", json={"session_id": session_id}, headers=_auth(token), timeout=10
    ).raise_for_status()


if __name__ == "__main__":
    main()
