import os

import requests

API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com")


def heygen(path, body):
    resp = requests.request(
        "POST",
        API_BASE + path,
        json=body,
        headers={"Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"]},
        timeout=20,
    )
    resp.raise_for_status()
    payload = resp.json()
    if payload.get("code") != 100:
        raise RuntimeError(payload.get("message", "HeyGen error"))
    return payload["data"]
