import os

import requests

from . import urls
from .urls import KEEP_ALIVE_URL, NEW_SESSION_URL, START_SESSION_URL, TASK_URL

HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open_session(avatar_id):
    r = requests.post(NEW_SESSION_URL, headers=HEADERS, json={"avatar_id": avatar_id, "version": "v2"})
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(START_SESSION_URL, headers=HEADERS, json={"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]


def say(session_id, text):
    requests.post(TASK_URL, headers=HEADERS, json={"session_id": session_id, "text": text})


def close(session_id):
    requests.post(urls.STOP_SESSION_URL, headers=HEADERS, json={"session_id": session_id})


def keep_alive(session_id):
    requests.post(KEEP_ALIVE_URL, headers=HEADERS, json={"session_id": session_id})
