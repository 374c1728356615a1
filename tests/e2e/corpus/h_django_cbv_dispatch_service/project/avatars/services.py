"""HeyGen streaming calls used by the avatar views."""

import logging

import requests

from . import settings

logger = logging.getLogger(__name__)


class StreamingError(Exception):
    pass


def _streaming(action, **body):
    resp = requests.post(
        f"{settings.HEYGEN_API_BASE}/streaming.{action}",
        json=body,
        headers={"Authorization": f"Bearer {settings.HEYGEN_API_KEY}"},
        timeout=30,
    )
    if resp.status_code != 200:
        logger.error("streaming.%s failed: %s", action, resp.text)
        raise StreamingError(action)
    return resp.json()["data"]


def open_session():
    data = _streaming("new", avatar_id=settings.HEYGEN_AVATAR, quality=settings.HEYGEN_QUALITY, version="v2")
    _streaming("start", session_id=data["session_id"])
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


def say(session_id, text):
    return _streaming("task", session_id=session_id, text=text, task_type="repeat")


def interrupt(session_id):
    _streaming("interrupt", session_id=session_id)


def end_session(session_id):
    return _streaming("stop", session_id=session_id)
