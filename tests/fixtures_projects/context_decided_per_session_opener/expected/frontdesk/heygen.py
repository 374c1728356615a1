import os

import requests
from . import liveavatar_bridge

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ.get("LIVEAVATAR_API_KEY", "")}


def post(path, body):
    r = requests.post(f"{API}/{path}", json=body, headers=HEADERS, timeout=15)
    r.raise_for_status()
    return r.json()["data"]


def talk(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_response", text=text)
