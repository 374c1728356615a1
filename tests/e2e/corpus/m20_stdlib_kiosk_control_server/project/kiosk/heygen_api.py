# HeyGen streaming helpers for the kiosk
# docs: https://docs.heygen.com/reference/new-session
import logging
import os

import requests

log = logging.getLogger("kiosk.heygen")

URL_VOICES = "https://api.heygen.com/v1/voice.list"
URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_INTERRUPT = "https://api.heygen.com/v1/streaming.interrupt"
URL_KEEP_ALIVE = "https://api.heygen.com/v1/streaming.keep_alive"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"
URL_ICE = "https://api.heygen.com/v1/streaming.ice"  # webrtc days, unused

TIMEOUT = 20


def _auth():
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        raise RuntimeError("HEYGEN_API_KEY is not set")
    return {"Authorization": "Bearer " + key, "Content-Type": "application/json"}


def _ok(resp, what):
    if resp.status_code != 200:
        log.error("%s failed: HTTP %s %s", what, resp.status_code, resp.text[:300])
        raise RuntimeError("%s failed (%s)" % (what, resp.status_code))
    body = resp.json()
    if body.get("code", 100) != 100:
        raise RuntimeError("%s failed: %s" % (what, body.get("message")))
    return body.get("data")


def list_voices(language=None):
    data = _ok(requests.get(URL_VOICES, headers=_auth(), timeout=TIMEOUT), "voice.list")
    voices = data.get("voices", [])
    if language:
        voices = [v for v in voices if v.get("language", "").startswith(language)]
    return voices


def open_session(avatar_id, voice_id=None, quality="medium", idle_timeout=None):
    payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
    if voice_id:
        payload["voice"] = {"voice_id": voice_id}
    if idle_timeout:
        payload["activity_idle_timeout"] = idle_timeout
    data = _ok(requests.post(URL_NEW, headers=_auth(), json=payload, timeout=TIMEOUT), "streaming.new")
    _ok(requests.post(URL_START, headers=_auth(), json={"session_id": data["session_id"]}, timeout=TIMEOUT),
        "streaming.start")
    log.info("session %s open", data["session_id"])
    return data


def speak(session_id, text, task_type="repeat"):
    body = {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"}
    data = _ok(requests.post(URL_TASK, headers=_auth(), json=body, timeout=60), "streaming.task")
    return (data or {}).get("duration_ms")


def interrupt(session_id):
    _ok(requests.post(URL_INTERRUPT, headers=_auth(), json={"session_id": session_id}, timeout=TIMEOUT),
        "streaming.interrupt")


def keep_alive(session_id):
    _ok(requests.post(URL_KEEP_ALIVE, headers=_auth(), json={"session_id": session_id}, timeout=TIMEOUT),
        "streaming.keep_alive")


def close_session(session_id):
    try:
        _ok(requests.post(URL_STOP, headers=_auth(), json={"session_id": session_id}, timeout=TIMEOUT),
            "streaming.stop")
    except RuntimeError:
        log.exception("could not stop %s (it will time out on its own)", session_id)
        return False
    return True
