import os

import requests

HEYGEN_API_URL = os.getenv("HEYGEN_API_URL", "https://api.heygen.com")


def get_token(api_key):
    response = requests.post(
        f"{HEYGEN_API_URL}/v1/streaming.create_token",
        headers={"X-Api-Key": api_key},
        timeout=15,
    )
    response.raise_for_status()
    return response.json()["data"]["token"]


def _bearer(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def new_session(token, avatar_id, voice_rate=1.0):
    response = requests.post(
        f"{HEYGEN_API_URL}/v1/streaming.new",
        headers=_bearer(token),
        json={"avatar_id": avatar_id, "version": "v2", "voice": {"rate": voice_rate}},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["data"]


def start_session(token, session_id):
    requests.post(
        f"{HEYGEN_API_URL}/v1/streaming.start", headers=_bearer(token), json={"session_id": session_id}, timeout=30
    ).raise_for_status()


def send_task(token, session_id, text):
    requests.post(
        f"{HEYGEN_API_URL}/v1/streaming.task",
        headers=_bearer(token),
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    ).raise_for_status()


def stop_session(token, session_id):
    requests.post(
        f"{HEYGEN_API_URL}/v1/streaming.stop", headers=_bearer(token), json={"session_id": session_id}, timeout=30
    ).raise_for_status()
