import csv
import logging
import os
import time

import requests

from . import endpoints
from .broker import Broker

log = logging.getLogger("webinar")
broker = Broker()

HEADERS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
FIELDS = ["room", "session_id", "livekit_url", "viewer_token", "opened_at"]


def _rooms_path():
    return os.environ.get("ROOMS_CSV", "rooms.csv")


def _read_rooms():
    if not os.path.exists(_rooms_path()):
        return []
    with open(_rooms_path(), newline="") as fh:
        return list(csv.DictReader(fh))


def _write_rooms(rows):
    with open(_rooms_path(), "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)


def _post(path, payload):
    resp = requests.post(endpoints.url(path), json=payload, headers=HEADERS, timeout=20)
    resp.raise_for_status()
    return resp.json().get("data")


def _session_of(room):
    for row in _read_rooms():
        if row["room"] == room:
            return row["session_id"]
    raise KeyError(room)


@broker.actor(max_retries=2)
def open_room(avatar_id, knowledge_base_id, room):
    info = _post(
        endpoints.NEW,
        {
            "avatar_id": avatar_id,
            "knowledge_base_id": knowledge_base_id,
            "voice": {"emotion": "friendly"},
            "version": "v2",
        },
    )
    _post(endpoints.START, {"session_id": info["session_id"]})
    rows = [r for r in _read_rooms() if r["room"] != room]
    rows.append(
        {
            "room": room,
            "session_id": info["session_id"],
            "livekit_url": info["url"],
            "viewer_token": info["access_token"],
            "opened_at": int(time.time()),
        }
    )
    _write_rooms(rows)
    log.info("room %s is live (%s)", room, info["session_id"])


@broker.actor
def host_says(room, text, kind="talk"):
    _post(endpoints.TASK, {"session_id": _session_of(room), "text": text, "task_type": kind})


@broker.actor(max_retries=0)
def keep_rooms_alive():
    rooms = _read_rooms()
    for row in rooms:
        _post(endpoints.KEEP_ALIVE, {"session_id": row["session_id"]})
    return len(rooms)


@broker.actor
def close_room(room):
    _post(endpoints.STOP, {"session_id": _session_of(room)})
    _write_rooms([r for r in _read_rooms() if r["room"] != room])
