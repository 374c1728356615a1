import os

import requests

HEYGEN_API = "https://api.heygen.com"
LIVEAVATAR_API = "https://api.liveavatar.com"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


def heygen_post(path, payload):
    r = requests.post(HEYGEN_API + path, json=payload, headers=HEADERS, timeout=30)
    body = r.json()
    if body.get("code") != 100:
        raise RuntimeError(body.get("message"))
    return body["data"]


def liveavatar_post(path, payload):
    """`heygen_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `heygen_post`."""
    headers = {
        k: v
        for k, v in HEADERS.items()
        if k.lower() not in ("authorization", "x-api-key")
    }
    headers["X-API-KEY"] = os.environ["LIVEAVATAR_API_KEY"]
    r = requests.post(LIVEAVATAR_API + path, json=payload, headers=headers, timeout=30)
    body = r.json()
    if body.get("code") not in (100, 1000):
        raise RuntimeError(body.get("message"))
    return body["data"]
