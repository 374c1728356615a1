"""HeyGen streaming calls. The API key only buys a session token; everything else is Bearer."""
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class HeyGenError(Exception):
    pass


def _url(endpoint):
    return f"{settings.HEYGEN_API_BASE}/v1/{endpoint}"


def _bearer(token):
    return {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def _unwrap(resp):
    try:
        payload = resp.json()
    except ValueError:
        raise HeyGenError(f"HTTP {resp.status_code}: {resp.text[:120]}")
    # create_token answers {"error": null, "data": {...}} without a code
    if resp.status_code >= 400 or payload.get("error") or payload.get("code", 100) != 100:
        raise HeyGenError(payload.get("message") or f"HTTP {resp.status_code}")
    return payload.get("data") or {}


def create_token():
    resp = requests.post(
        _url("streaming.create_token"),
        headers={"x-api-key": settings.HEYGEN_API_KEY},
        timeout=10,
    )
    return _unwrap(resp)["token"]


def new_session(token, avatar_id, quality):
    resp = requests.post(
        _url("streaming.new"),
        headers=_bearer(token),
        json={"avatar_id": avatar_id, "quality": quality, "version": "v2", "video_encoding": "VP8"},
        timeout=20,
    )
    return _unwrap(resp)


def start_session(token, session_id):
    _unwrap(requests.post(_url("streaming.start"), headers=_bearer(token), json={"session_id": session_id}, timeout=20))


def repeat(token, session_id, text):
    data = _unwrap(
        requests.post(
            _url("streaming.task"),
            headers=_bearer(token),
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=20,
        )
    )
    logger.debug("task %s", data.get("task_id"))
    return data


def stop_session(token, session_id):
    _unwrap(requests.post(_url("streaming.stop"), headers=_bearer(token), json={"session_id": session_id}, timeout=20))
