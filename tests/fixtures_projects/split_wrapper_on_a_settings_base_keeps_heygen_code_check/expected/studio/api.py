"""HeyGen calls of the studio: videos and live sessions alike."""
import os

import httpx

from studio import config
from studio import liveavatar_bridge


class StudioError(RuntimeError):
    pass


def heygen_post(path, payload):
    r = httpx.post(f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY}, timeout=30)
    body = r.json()
    if body.get("code") != 100:
        raise StudioError(body.get("message"))
    return body["data"]


def liveavatar_post(path, payload):
    """`heygen_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `heygen_post`."""
    headers = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    r = httpx.post(
        f"{liveavatar_bridge.liveavatar_url(config.BASE_URL)}{path}", json=payload, headers=headers, timeout=30
    )
    body = r.json()
    if body.get("code") not in (100, 1000):
        raise StudioError(body.get("message"))
    return body["data"]
