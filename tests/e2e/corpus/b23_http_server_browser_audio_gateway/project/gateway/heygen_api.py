"""The few HeyGen streaming calls the gateway makes. The audio itself never passes through
here: the browser streams its TTS audio straight to the session's realtime endpoint."""
import logging
from urllib.parse import urljoin

import requests

from . import settings

log = logging.getLogger(__name__)


class UpstreamError(Exception):
    def __init__(self, endpoint, status, message):
        super().__init__(f"{endpoint}: {status} {message}")
        self.status = status


def _headers():
    return {"X-Api-Key": settings.API_KEY, "Content-Type": "application/json"}


def _call(endpoint, payload):
    resp = requests.post(urljoin(settings.API_ROOT, endpoint), json=payload, headers=_headers(), timeout=15)
    try:
        body = resp.json()
    except ValueError:
        raise UpstreamError(endpoint, resp.status_code, resp.text[:120])
    if resp.status_code != 200 or body.get("code") != 100:
        raise UpstreamError(endpoint, resp.status_code, body.get("message"))
    return body.get("data") or {}


def open_session():
    """Create and start a session; returns its id and the realtime websocket for the audio."""
    data = _call(
        "streaming.new",
        {
            "avatar_id": settings.AVATAR_ID,
            "quality": settings.QUALITY,
            "version": "v2",
            "activity_idle_timeout": settings.IDLE_TIMEOUT,
        },
    )
    _call("streaming.start", {"session_id": data["session_id"]})
    log.info("session %s open", data["session_id"])
    return {"session_id": data["session_id"], "realtime_endpoint": data["realtime_endpoint"]}


def keep_alive(session_id):
    _call("streaming.keep_alive", {"session_id": session_id})


def close_session(session_id):
    _call("streaming.stop", {"session_id": session_id})
    log.info("session %s closed", session_id)
