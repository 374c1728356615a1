import os

import requests

from kiosk import endpoints
from kiosk.auth import fetch_token


def _auth(token):
    return {"Authorization": "Bearer " + token}


def open_screen():
    token = fetch_token()
    r = requests.post(
        endpoints.NEW_URL,
        headers=_auth(token),
        json={"avatar_id": os.environ["KIOSK_AVATAR"], "version": "v2"},
        timeout=30,
    )
    r.raise_for_status()
    info = r.json()["data"]
    requests.post(endpoints.START_URL, headers=_auth(token), json={"session_id": info["session_id"]}, timeout=30)
    return token, info


def show(token, session_id, text):
    requests.post(endpoints.TASK_URL, headers=_auth(token), json={"session_id": session_id, "text": text}, timeout=30)


def close_screen(token, session_id):
    requests.post(endpoints.STOP_URL, headers=_auth(token), json={"session_id": session_id}, timeout=30)
