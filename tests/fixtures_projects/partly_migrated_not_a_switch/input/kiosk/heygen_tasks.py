"""Not migrated yet."""

import os

import requests

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ.get("HEYGEN_API_KEY", "")}


def interrupt(session_id: str) -> None:
    requests.post(
        f"{API}/streaming.interrupt", json={"session_id": session_id}, headers=HEADERS, timeout=10
    ).raise_for_status()
