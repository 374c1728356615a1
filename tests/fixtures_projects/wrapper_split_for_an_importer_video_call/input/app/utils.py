import os

import requests

HEYGEN_API = "https://api.heygen.com"


def heygen_post(path, payload=None):
    resp = requests.post(f"{HEYGEN_API}{path}", json=payload or {}, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def open_session(avatar_id):
    data = heygen_post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]
