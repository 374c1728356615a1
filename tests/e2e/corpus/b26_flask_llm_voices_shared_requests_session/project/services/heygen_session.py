"""Thin wrapper around the HeyGen REST API (voices + interactive avatar)."""
import os

import requests

API = "https://api.heygen.com"

http = requests.Session()
http.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"})


def list_voices(language=None):
    r = http.get(f"{API}/v2/voices", timeout=15)
    r.raise_for_status()
    voices = r.json()["data"]["voices"]
    if language:
        voices = [v for v in voices if v.get("language", language) == language]
    return voices


def create_session(avatar_id, quality="medium"):
    r = http.post(
        f"{API}/v1/streaming.new",
        json={"avatar_id": avatar_id, "quality": quality, "version": "v2"},
        timeout=30,
    )
    r.raise_for_status()
    data = r.json()["data"]
    http.post(f"{API}/v1/streaming.start", json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
    return data


def speak(session_id, text):
    http.post(
        f"{API}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    ).raise_for_status()


def close(session_id):
    http.post(f"{API}/v1/streaming.stop", json={"session_id": session_id}, timeout=30)
