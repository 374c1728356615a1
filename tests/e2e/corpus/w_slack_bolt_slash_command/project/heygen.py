"""HeyGen interactive avatar calls for the Slack app."""
import os

import requests

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1")
HEYGEN_HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-api-key": os.getenv("HEYGEN_API_KEY", ""),
}
TIMEOUT = 15


def new_session(avatar_id, knowledge_base_id=None):
    body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2", "video_encoding": "H264"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    resp = requests.post(f"{HEYGEN_BASE}/streaming.new", headers=HEYGEN_HEADERS, json=body, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()["data"]


def start_session(session_id):
    resp = requests.post(
        f"{HEYGEN_BASE}/streaming.start", headers=HEYGEN_HEADERS, json={"session_id": session_id}, timeout=TIMEOUT
    )
    resp.raise_for_status()


def speak(session_id, text, task_type="repeat"):
    resp = requests.post(
        f"{HEYGEN_BASE}/streaming.task",
        headers=HEYGEN_HEADERS,
        json={"session_id": session_id, "text": text, "task_type": task_type},
        timeout=TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()["data"]


def interrupt(session_id):
    requests.post(
        f"{HEYGEN_BASE}/streaming.interrupt", headers=HEYGEN_HEADERS, json={"session_id": session_id}, timeout=TIMEOUT
    ).raise_for_status()


def stop_session(session_id):
    resp = requests.post(
        f"{HEYGEN_BASE}/streaming.stop", headers=HEYGEN_HEADERS, json={"session_id": session_id}, timeout=TIMEOUT
    )
    resp.raise_for_status()
