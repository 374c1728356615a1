"""HeyGen streaming calls used by the views."""
import threading

import requests

from . import settings

_heartbeats = {}


def _auth():
    return {"Authorization": f"Bearer {settings.HEYGEN_API_KEY}", "Content-Type": "application/json"}


def create_session(avatar_id):
    resp = requests.post(
        f"{settings.HEYGEN_API_URL}/streaming.new",
        headers=_auth(),
        json={"avatar_id": avatar_id, "quality": "medium", "version": "v2"},
        timeout=30,
    )
    resp.raise_for_status()
    data = resp.json()["data"]
    requests.post(f"{settings.HEYGEN_API_URL}/streaming.start", headers=_auth(),
                  json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
    return data


def speak(session_id, text):
    resp = requests.post(
        f"{settings.HEYGEN_API_URL}/streaming.task",
        headers=_auth(),
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    )
    resp.raise_for_status()


def interrupt(session_id):
    requests.post(f"{settings.HEYGEN_API_URL}/streaming.interrupt", headers=_auth(),
                  json={"session_id": session_id}, timeout=30).raise_for_status()


def keep_alive(session_id):
    requests.post(f"{settings.HEYGEN_API_URL}/streaming.keep_alive", headers=_auth(),
                  json={"session_id": session_id}, timeout=30)


def _heartbeat(session_id, stop_event, interval):
    while not stop_event.wait(interval):
        keep_alive(session_id)


def start_heartbeat(session_id, interval=settings.HEYGEN_KEEPALIVE_SECONDS):
    keep_alive(session_id)
    stop_event = threading.Event()
    thread = threading.Thread(target=_heartbeat, args=(session_id, stop_event, interval), daemon=True)
    thread.start()
    _heartbeats[session_id] = (stop_event, thread)


def close_session(session_id):
    beat = _heartbeats.pop(session_id, None)
    if beat:
        beat[0].set()
    resp = requests.post(f"{settings.HEYGEN_API_URL}/streaming.stop", headers=_auth(),
                         json={"session_id": session_id}, timeout=30)
    return resp.ok
