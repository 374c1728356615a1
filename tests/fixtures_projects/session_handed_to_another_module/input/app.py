import os

import requests

import pages

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def lobby_page(avatar_id):
    r = requests.post(f"{API}/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}, headers=HEADERS)
    session = r.json()["data"]
    requests.post(f"{API}/streaming.start", json={"session_id": session["session_id"]}, headers=HEADERS)
    return pages.viewer_page(session, title="Lobby avatar")
