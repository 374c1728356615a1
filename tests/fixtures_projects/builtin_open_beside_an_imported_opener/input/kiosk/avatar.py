import os

import requests

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open(avatar_id):
    resp = requests.post(f"{API}/streaming.new", json={"avatar_id": avatar_id}, headers=HEADERS)
    resp.raise_for_status()
    return resp.json()["data"]


def start(session_id):
    requests.post(f"{API}/streaming.start", json={"session_id": session_id}, headers=HEADERS)
