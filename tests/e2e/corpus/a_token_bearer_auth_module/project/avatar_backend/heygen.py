import os

import requests

from avatar_backend.auth import headers_json

HEYGEN_BASE = "https://api.heygen.com/v1"


def create_session_token():
    resp = requests.post(f"{HEYGEN_BASE}/streaming.create_token", headers=headers_json())
    resp.raise_for_status()
    return resp.json()["data"]["token"]


def new_session(token, avatar_id=None, language=None):
    body = {
        "avatar_id": avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        "version": "v2",
        "quality": "medium",
    }
    if language:
        body["language"] = language
    if os.getenv("KNOWLEDGE_BASE_ID"):
        body["knowledge_base_id"] = os.getenv("KNOWLEDGE_BASE_ID")
    resp = requests.post(f"{HEYGEN_BASE}/streaming.new", json=body, headers=headers_json(token))
    resp.raise_for_status()
    return resp.json()["data"]


def start_session(token, session_id):
    resp = requests.post(f"{HEYGEN_BASE}/streaming.start", json={"session_id": session_id},
                         headers=headers_json(token))
    resp.raise_for_status()


def send_task(token, session_id, text, task_type="talk"):
    resp = requests.post(f"{HEYGEN_BASE}/streaming.task",
                         json={"session_id": session_id, "text": text, "task_type": task_type},
                         headers=headers_json(token))
    resp.raise_for_status()
    return resp.json()["data"]


def interrupt(token, session_id):
    requests.post(f"{HEYGEN_BASE}/streaming.interrupt", json={"session_id": session_id},
                  headers=headers_json(token))


def stop_session(token, session_id):
    resp = requests.post(f"{HEYGEN_BASE}/streaming.stop", json={"session_id": session_id},
                         headers=headers_json(token))
    return resp.status_code == 200
