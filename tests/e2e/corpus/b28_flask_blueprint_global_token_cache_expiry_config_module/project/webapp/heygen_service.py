"""All HeyGen calls of the app. The streaming token is cached per process."""
import time

import requests

import config

_token = None
_token_expires = 0.0


class ServiceError(Exception):
    status = 502


def _check(resp, what):
    if resp.status_code >= 400:
        raise ServiceError(f"{what}: HTTP {resp.status_code}")
    body = resp.json()
    if body.get("code", 100) != 100:
        raise ServiceError(f"{what}: {body.get('message')}")
    return body.get("data")


def get_token(force=False):
    """Streaming token from create_token, reused until it is about to expire."""
    global _token, _token_expires
    if _token and not force and time.time() < _token_expires:
        return _token
    resp = requests.post(
        f"{config.HEYGEN_BASE}/streaming.create_token",
        headers={"x-api-key": config.HEYGEN_API_KEY},
        timeout=10,
    )
    _token = _check(resp, "create_token")["token"]
    _token_expires = time.time() + config.TOKEN_TTL_SECONDS
    return _token


def _auth():
    return {"authorization": "Bearer " + get_token(), "content-type": "application/json"}


def start_avatar(avatar_id=None, voice_id=None):
    body = {"avatar_id": avatar_id or config.AVATAR_ID, "quality": "medium", "version": "v2"}
    if voice_id or config.VOICE_ID:
        body["voice"] = {"voice_id": voice_id or config.VOICE_ID}
    info = _check(requests.post(f"{config.HEYGEN_BASE}/streaming.new", headers=_auth(), json=body, timeout=20), "new")
    _check(
        requests.post(f"{config.HEYGEN_BASE}/streaming.start", headers=_auth(), json={"session_id": info["session_id"]}, timeout=20),
        "start",
    )
    return {"session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}


def say(session_id, text):
    data = _check(
        requests.post(
            f"{config.HEYGEN_BASE}/streaming.task",
            headers=_auth(),
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=20,
        ),
        "task",
    )
    return data["task_id"]


def keep_alive(session_id):
    _check(requests.post(f"{config.HEYGEN_BASE}/streaming.keep_alive", headers=_auth(), json={"session_id": session_id}, timeout=10), "keep_alive")


def end(session_id):
    _check(requests.post(f"{config.HEYGEN_BASE}/streaming.stop", headers=_auth(), json={"session_id": session_id}, timeout=10), "stop")
