"""HeyGen calls of the studio: videos and live sessions alike."""
import httpx

from studio import config


class StudioError(RuntimeError):
    pass


def heygen_post(path, payload):
    r = httpx.post(f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY}, timeout=30)
    body = r.json()
    if body.get("code") != 100:
        raise StudioError(body.get("message"))
    return body["data"]
