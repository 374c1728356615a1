"""Store announcement jobs driving a HeyGen streaming avatar."""
import logging
import os

import requests

from .queue import queue

log = logging.getLogger(__name__)

HEYGEN_BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
STREAMING_NEW = f"{HEYGEN_BASE_URL}/v1/streaming.new"
STREAMING_START = f"{HEYGEN_BASE_URL}/v1/streaming.start"
STREAMING_TASK = f"{HEYGEN_BASE_URL}/v1/streaming.task"
STREAMING_STOP = f"{HEYGEN_BASE_URL}/v1/streaming.stop"
STREAMING_LIST = f"{HEYGEN_BASE_URL}/v1/streaming.list"

# set by the web process to show the room on the store screens
on_room = None


def _client():
    s = requests.Session()
    s.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"})
    return s


def stop_session(client, session_id):
    r = client.post(STREAMING_STOP, json={"session_id": session_id}, timeout=15)
    r.raise_for_status()
    return r.json().get("data")


@queue.task(name="avatar.cleanup")
def cleanup_job():
    with _client() as client:
        r = client.get(STREAMING_LIST, timeout=15)
        r.raise_for_status()
        sessions = r.json().get("data", {}).get("sessions", [])
        for s in sessions:
            log.info("stopping stale session %s (%s)", s["session_id"], s.get("status"))
            stop_session(client, s["session_id"])
    return {"stopped": len(sessions)}


def _open(client, avatar_id, quality="low"):
    r = client.post(STREAMING_NEW, json={"avatar_id": avatar_id, "version": "v2", "quality": quality}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


@queue.task(name="avatar.preview")
def preview_job():
    """Open a session for the staff preview screen; the nightly cleanup closes it."""
    avatar_id = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    with _client() as client:
        data = _open(client, avatar_id, quality="medium")
        client.post(STREAMING_START, json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


@queue.task(name="avatar.announce")
def announce_job(lines):
    avatar_id = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    with _client() as client:
        data = _open(client, avatar_id)
        session_id = data["session_id"]
        spoken = 0
        try:
            client.post(STREAMING_START, json={"session_id": session_id}, timeout=30).raise_for_status()
            if on_room is not None:
                on_room(data["url"], data["access_token"])
            for line in lines:
                r = client.post(
                    STREAMING_TASK,
                    json={"session_id": session_id, "text": line, "task_type": "repeat", "task_mode": "sync"},
                    timeout=60,
                )
                r.raise_for_status()
                spoken += 1
        finally:
            stop_session(client, session_id)
    return {"session_id": session_id, "spoken": spoken}
