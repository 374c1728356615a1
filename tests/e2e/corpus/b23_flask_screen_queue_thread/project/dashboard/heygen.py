"""HeyGen streaming calls (module functions, one shared requests.Session)."""
import os

import requests

BASE = "https://api.heygen.com/v1/"
AVATAR = os.environ.get("LOBBY_AVATAR_ID", "Anna_public_3_20240108")

_http = requests.Session()
_http.headers.update({"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")})


class HeyGenFailure(RuntimeError):
    pass


def post(endpoint, body):
    resp = _http.post(BASE + endpoint, json=body, timeout=20)
    if not resp.ok:
        raise HeyGenFailure(f"{endpoint}: HTTP {resp.status_code}")
    payload = resp.json()
    if payload.get("code") != 100:
        raise HeyGenFailure(f"{endpoint}: {payload.get('message')}")
    return payload["data"]
