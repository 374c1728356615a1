import os

import requests

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ.get("HEYGEN_API_KEY", "")}


def post(path, body):
    r = requests.post(f"{API}/{path}", json=body, headers=HEADERS, timeout=15)
    r.raise_for_status()
    return r.json()["data"]


def talk(session_id, text):
    post("streaming.task", {"session_id": session_id, "text": text, "task_type": "talk"})
