"""HeyGen Streaming API calls used by the kiosk."""
import os

import httpx

from kioskctl.models import NewSession, TaskResult

API_URL = "https://api.heygen.com/v1"


def headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def new_session(avatar_id, quality, knowledge_base_id=None):
    body = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    resp = httpx.post(API_URL + "/streaming.new", headers=headers(), json=body, timeout=30)
    resp.raise_for_status()
    return NewSession(**resp.json()["data"])


def start_session(session_id):
    httpx.post(API_URL + "/streaming.start", headers=headers(), json={"session_id": session_id}, timeout=30).raise_for_status()


def send_task(session_id, text, task_type="repeat"):
    resp = httpx.post(
        API_URL + "/streaming.task",
        headers=headers(),
        json={"session_id": session_id, "text": text, "task_type": task_type},
        timeout=30,
    )
    resp.raise_for_status()
    return TaskResult(**resp.json()["data"])


def listening(session_id, on=True):
    endpoint = "/streaming.start_listening" if on else "/streaming.stop_listening"
    httpx.post(API_URL + endpoint, headers=headers(), json={"session_id": session_id}, timeout=30).raise_for_status()


def stop_session(session_id):
    resp = httpx.post(API_URL + "/streaming.stop", headers=headers(), json={"session_id": session_id}, timeout=30)
    return resp.status_code == 200
