import json
import os
import time

import requests

API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com")
RETRIES = 2


class UpstreamError(RuntimeError):
    """The avatar service answered with an error."""


def _auth():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def call(method, path, payload=None):
    last = None
    for attempt in range(RETRIES + 1):
        try:
            resp = requests.request(
                method, API_ROOT + path, headers=_auth(), data=json.dumps(payload or {}), timeout=10
            )
        except requests.ConnectionError as exc:
            last = exc
            time.sleep(0.05 * (attempt + 1))
            continue
        if resp.status_code >= 500:
            last = UpstreamError(f"{path}: {resp.status_code}")
            time.sleep(0.05 * (attempt + 1))
            continue
        body = resp.json()
        if resp.status_code != 200:
            raise UpstreamError(f"{path}: {body.get('message')}")
        return body.get("data") or {}
    raise UpstreamError(f"{path}: gave up") from last
