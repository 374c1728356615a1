import logging
import os

import requests

log = logging.getLogger(__name__)

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com").rstrip("/")

_headers = None


class ApiError(Exception):
    pass


def headers():
    global _headers
    if _headers is None:
        _headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "x-api-key": os.environ["HEYGEN_API_KEY"],
        }
    return _headers


def request(method, path, **kw):
    kw.setdefault("timeout", 15)
    resp = requests.request(method, BASE_URL + path, headers=headers(), **kw)
    if not resp.ok:
        log.error("%s %s -> %s %s", method, path, resp.status_code, resp.text[:200])
        raise ApiError(f"{method} {path} failed with {resp.status_code}")
    return resp.json().get("data")
