import os
from typing import TypedDict

import requests

API = "https://api.heygen.com/v1"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


class Room(TypedDict):
    session_id: str
    url: str
    access_token: str


def open_room(avatar_id: str) -> Room:
    r = requests.post(f"{API}/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}, headers=HEADERS)
    data = r.json()["data"]
    requests.post(f"{API}/streaming.start", json={"session_id": data["session_id"]}, headers=HEADERS)
    return Room(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])
