"""HeyGen calls of the studio: videos and live sessions alike."""
import os

import httpx

from studio import config
from studio import liveavatar_bridge


def heygen_post(path, payload):
    r = httpx.post(f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY, "Accept": "application/json"}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def liveavatar_post(path, payload):
    """`heygen_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `heygen_post`."""
    headers = {"Accept": "application/json", "X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    r = httpx.post(f"{liveavatar_bridge.liveavatar_url(config.BASE_URL)}{path}", json=payload, headers=headers, timeout=30)
    r.raise_for_status()
    return r.json()["data"]
