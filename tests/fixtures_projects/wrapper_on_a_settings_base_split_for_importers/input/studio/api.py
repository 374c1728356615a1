"""HeyGen calls of the studio: videos and live sessions alike."""
import httpx

from studio import config


def heygen_post(path, payload):
    r = httpx.post(f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY, "Accept": "application/json"}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]
