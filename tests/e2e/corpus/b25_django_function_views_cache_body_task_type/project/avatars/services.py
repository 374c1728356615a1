import requests
from django.conf import settings


def _cfg():
    return settings.HEYGEN


def _headers():
    return {"x-api-key": _cfg()["API_KEY"], "content-type": "application/json"}


def new_session():
    cfg = _cfg()
    payload = {"avatar_id": cfg["AVATAR_ID"], "version": "v2", "quality": "medium"}
    if cfg["KNOWLEDGE_BASE_ID"]:
        payload["knowledge_base_id"] = cfg["KNOWLEDGE_BASE_ID"]
    resp = requests.post(f"{cfg['BASE_URL']}/streaming.new", json=payload, headers=_headers(), timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def start_session(session_id):
    resp = requests.post(
        f"{_cfg()['BASE_URL']}/streaming.start", json={"session_id": session_id}, headers=_headers(), timeout=30
    )
    resp.raise_for_status()


def task(session_id, text, task_type="repeat"):
    resp = requests.post(
        f"{_cfg()['BASE_URL']}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": task_type},
        headers=_headers(),
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["data"]["task_id"]


def interrupt(session_id):
    requests.post(
        f"{_cfg()['BASE_URL']}/streaming.interrupt", json={"session_id": session_id}, headers=_headers(), timeout=30
    ).raise_for_status()


def stop(session_id):
    requests.post(
        f"{_cfg()['BASE_URL']}/streaming.stop", json={"session_id": session_id}, headers=_headers(), timeout=30
    ).raise_for_status()
