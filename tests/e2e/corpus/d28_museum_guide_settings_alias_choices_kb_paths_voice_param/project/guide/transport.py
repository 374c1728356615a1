import logging

import httpx

from .config import settings

logger = logging.getLogger("guide.transport")

_client = None


class GuideApiError(RuntimeError):
    pass


def _http() -> httpx.Client:
    global _client
    if _client is None:
        cfg = settings()
        _client = httpx.Client(
            base_url=cfg.api_base,
            headers={"x-api-key": cfg.api_key, "accept": "application/json"},
            timeout=cfg.timeout,
        )
    return _client


def call(method: str, path: str, payload: dict | None = None):
    """Send one API call and hand back the `data` part of the envelope."""
    response = _http().request(method, path, json=payload)
    if response.status_code >= 400:
        logger.warning("%s %s failed: %s", method, path, response.text)
        raise GuideApiError(f"{method} {path}: HTTP {response.status_code}")
    body = response.json()
    return body.get("data")


def close() -> None:
    global _client
    if _client is not None:
        _client.close()
        _client = None
