"""Talking-head streams from whichever vendor PROVIDER names (heygen or did)."""
import os
from collections import namedtuple

import requests

PROVIDER = os.getenv("PROVIDER", "heygen")

HEYGEN_URL = "https://api.heygen.com/v1"
HEYGEN_HEADERS = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}

DID_URL = "https://api.d-id.com"
DID_AUTH = (os.environ.get("DID_USER", ""), os.environ.get("DID_PASSWORD", ""))

Stream = namedtuple("Stream", "provider stream_id url token")


def open_stream(avatar=None):
    avatar = avatar or os.environ["HEAD_AVATAR"]
    if PROVIDER == "heygen":
        r = requests.post(
            f"{HEYGEN_URL}/streaming.new",
            headers=HEYGEN_HEADERS,
            json={"avatar_id": avatar, "version": "v2", "video_encoding": "H264"},
            timeout=20,
        )
        r.raise_for_status()
        d = r.json()["data"]
        requests.post(
            f"{HEYGEN_URL}/streaming.start", headers=HEYGEN_HEADERS, json={"session_id": d["session_id"]}, timeout=20
        ).raise_for_status()
        return Stream("heygen", d["session_id"], d["url"], d["access_token"])
    r = requests.post(f"{DID_URL}/talks/streams", auth=DID_AUTH, json={"source_url": avatar}, timeout=20)
    r.raise_for_status()
    d = r.json()
    return Stream("did", d["id"], d["ice_servers"][0]["urls"], d["session_id"])


def say(stream, text):
    if stream.provider == "heygen":
        requests.post(
            f"{HEYGEN_URL}/streaming.task",
            headers=HEYGEN_HEADERS,
            json={"session_id": stream.stream_id, "text": text, "task_type": "repeat"},
            timeout=20,
        ).raise_for_status()
    else:
        requests.post(
            f"{DID_URL}/talks/streams/{stream.stream_id}",
            auth=DID_AUTH,
            json={"script": {"type": "text", "input": text}, "session_id": stream.token},
            timeout=20,
        ).raise_for_status()


def close(stream):
    if stream.provider == "heygen":
        requests.post(
            f"{HEYGEN_URL}/streaming.stop", headers=HEYGEN_HEADERS, json={"session_id": stream.stream_id}, timeout=20
        ).raise_for_status()
    else:
        requests.delete(
            f"{DID_URL}/talks/streams/{stream.stream_id}", auth=DID_AUTH, json={"session_id": stream.token}, timeout=20
        ).raise_for_status()
