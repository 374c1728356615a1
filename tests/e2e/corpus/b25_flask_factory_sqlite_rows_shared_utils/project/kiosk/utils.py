"""Thin helpers around the HeyGen REST API, shared by the blueprints."""
import logging

import requests
from flask import current_app

HEYGEN_API = "https://api.heygen.com"

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


def _headers():
    return {
        "x-api-key": current_app.config["HEYGEN_API_KEY"],
        "Content-Type": "application/json",
        "Accept": "application/json",
    }


def heygen_post(path, payload=None):
    resp = requests.post(f"{HEYGEN_API}{path}", json=payload or {}, headers=_headers(), timeout=30)
    if resp.status_code >= 400:
        log.warning("HeyGen %s -> %s %s", path, resp.status_code, resp.text[:200])
        raise HeyGenError(f"{path} failed with HTTP {resp.status_code}")
    body = resp.json()
    if body.get("error"):
        raise HeyGenError(str(body["error"]))
    return body.get("data")


def heygen_get(path, **params):
    resp = requests.get(f"{HEYGEN_API}{path}", params=params, headers=_headers(), timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]
