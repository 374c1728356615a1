import requests

from . import config


def _headers():
    return {"x-api-key": config.HEYGEN_API_KEY, "content-type": "application/json"}


def create_session(avatar_id=None, quality=None):
    body = {
        "avatar_id": avatar_id or config.AVATAR_ID,
        "quality": quality or config.QUALITY,
        "version": "v2",
    }
    if config.KNOWLEDGE_BASE_ID:
        body["knowledge_base_id"] = config.KNOWLEDGE_BASE_ID
    r = requests.post(
        f"{config.BASE_URL}/streaming.new",
        json=body,
        headers=_headers(),
        timeout=config.REQUEST_TIMEOUT,
    )
    r.raise_for_status()
    return r.json()["data"]


def start_session(session_id):
    r = requests.post(f"{config.BASE_URL}/streaming.start", json={"session_id": session_id},
                      headers=_headers(), timeout=config.REQUEST_TIMEOUT)
    r.raise_for_status()
    return r.json()


def send_task(session_id, text, task_type="repeat"):
    r = requests.post(f"{config.BASE_URL}/streaming.task",
                      json={"session_id": session_id, "text": text, "task_type": task_type},
                      headers=_headers(), timeout=config.REQUEST_TIMEOUT)
    r.raise_for_status()
    return r.json()["data"]


def stop_session(session_id):
    r = requests.post(f"{config.BASE_URL}/streaming.stop", json={"session_id": session_id},
                      headers=_headers(), timeout=config.REQUEST_TIMEOUT)
    r.raise_for_status()
