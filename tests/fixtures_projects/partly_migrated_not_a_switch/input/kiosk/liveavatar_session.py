"""Migrated by hand to LiveAvatar."""

import os

import requests

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ.get("LIVEAVATAR_API_KEY", "")}


def close_session(session_id: str) -> None:
    requests.post(
        f"{API}/sessions/stop",
        json={"session_id": session_id, "reason": "USER_CLOSED"},
        headers=HEADERS,
        timeout=10,
    ).raise_for_status()
