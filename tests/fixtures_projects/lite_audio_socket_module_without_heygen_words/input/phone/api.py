"""Opens the avatar's session; the socket module streams our own audio to it."""

import os
from dataclasses import dataclass

import requests

BASE = "https://api.heygen.com/v1"


@dataclass
class Live:
    session_id: str
    url: str
    access_token: str
    realtime_endpoint: str


def open_session(avatar_id):
    headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
    r = requests.post(f"{BASE}/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}, headers=headers)
    live = Live(**r.json()["data"])
    requests.post(f"{BASE}/streaming.start", json={"session_id": live.session_id}, headers=headers)
    return live
