"""Small HeyGen client used by the cron jobs (video renders and the lobby's live avatar)."""
import logging
import os

import requests

log = logging.getLogger("heygen")

HEYGEN_API = "https://api.heygen.com"
API_KEY = os.environ.get("HEYGEN_API_KEY")


def heygen_post(path, payload):
    if not API_KEY:
        raise SystemExit("HEYGEN_API_KEY is not set")
    resp = requests.post(
        HEYGEN_API + path,
        json=payload,
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
        timeout=60,
    )
    log.info("POST %s -> %s", path, resp.status_code)
    resp.raise_for_status()
    return resp.json()["data"]


def open_live(avatar_id, knowledge_base_id=None):
    body = {"avatar_id": avatar_id, "version": "v2", "quality": "low", "activity_idle_timeout": 600}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = heygen_post("/v1/streaming.new", body)
    heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def announce(session_id, text):
    heygen_post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "async"})


def keep_alive(session_id):
    heygen_post("/v1/streaming.keep_alive", {"session_id": session_id})


def close_live(session_id):
    heygen_post("/v1/streaming.stop", {"session_id": session_id})
