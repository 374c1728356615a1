import os

import requests

from .tables import ENDPOINTS, Urls

HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open_lobby(avatar_id):
    data = requests.post(ENDPOINTS["new"], headers=HEADERS, json={"avatar_id": avatar_id}).json()["data"]
    requests.post(ENDPOINTS["start"], headers=HEADERS, json={"session_id": data["session_id"]})
    return data


def ping(session_id):
    requests.post(ENDPOINTS["keep_alive"], headers=HEADERS, json={"session_id": session_id})


def hush(session_id):
    requests.post(Urls.INTERRUPT, headers=HEADERS, json={"session_id": session_id})


def close_lobby(session_id):
    requests.post(Urls.STOP, headers=HEADERS, json={"session_id": session_id})
