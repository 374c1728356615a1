"""Stdlib HeyGen access through one urllib opener: the key travels in `opener.addheaders`,
so no call site has to remember it (this box has no pip)."""
import json
import os
import urllib.error
import urllib.request

API_ROOT = "https://api.heygen.com/v1/"

opener = urllib.request.build_opener()
opener.addheaders = [
    ("X-Api-Key", os.environ.get("HEYGEN_API_KEY", "")),
    ("Content-Type", "application/json"),
    ("User-Agent", "gallery-kiosk/1.4"),
]


class HeyGenError(Exception):
    pass


def post(endpoint, body):
    req = urllib.request.Request(API_ROOT + endpoint, data=json.dumps(body).encode("utf-8"))
    try:
        with opener.open(req, timeout=20) as resp:
            payload = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        raise HeyGenError(f"{endpoint}: HTTP {err.code}") from err
    if payload.get("code") not in (None, 100):
        raise HeyGenError(f"{endpoint}: {payload.get('message')}")
    return payload
