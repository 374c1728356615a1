"""One place that talks HTTP to HeyGen (video and streaming APIs alike)."""
import logging

import requests

from ..settings import settings
from .auth import build_headers

log = logging.getLogger(__name__)


class HeyGenError(Exception):
    pass


def heygen_request(method, path, **kwargs):
    url = settings.API_BASE + path
    resp = requests.request(method, url, headers=build_headers(), timeout=settings.TIMEOUT, **kwargs)
    log.debug("%s %s -> %s", method, path, resp.status_code)
    if resp.status_code >= 400:
        raise HeyGenError(f"{method} {path}: HTTP {resp.status_code}")
    body = resp.json()
    if body.get("code", 100) != 100 or body.get("error"):
        raise HeyGenError(f"{method} {path}: {body.get('message') or body.get('error')}")
    return body.get("data")
