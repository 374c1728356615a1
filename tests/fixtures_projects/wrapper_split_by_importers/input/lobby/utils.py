"""HeyGen helpers shared by the routes."""
import os

import requests

HEYGEN_API = "https://api.heygen.com"


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def heygen_post(path, payload=None):
    resp = requests.post(f"{HEYGEN_API}{path}", json=payload or {}, headers=_headers(), timeout=30)
    resp.raise_for_status()
    body = resp.json()
    if body.get("error"):
        raise RuntimeError(body["error"])
    return body.get("data")
