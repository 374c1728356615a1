"""HeyGen helpers shared by the routes."""
import os

import requests

HEYGEN_API = "https://api.heygen.com"
LIVEAVATAR_API = "https://api.liveavatar.com"


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def heygen_post(path, payload=None):
    resp = requests.post(f"{HEYGEN_API}{path}", json=payload or {}, headers=_headers(), timeout=30)
    resp.raise_for_status()
    body = resp.json()
    if body.get("error"):
        raise RuntimeError(body["error"])
    return body.get("data")


def liveavatar_post(path, payload=None):
    """`heygen_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `heygen_post`."""
    headers = {
        k: v
        for k, v in _headers().items()
        if k.lower() not in ("authorization", "x-api-key")
    }
    headers["X-API-KEY"] = os.environ["LIVEAVATAR_API_KEY"]
    resp = requests.post(
        f"{LIVEAVATAR_API}{path}", json=payload or {}, headers=headers, timeout=30
    )
    resp.raise_for_status()
    body = resp.json()
    if body.get("error"):
        raise RuntimeError(body["error"])
    return body.get("data")
