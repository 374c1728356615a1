import json
import os
import urllib.error
import urllib.request

BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")


def _headers():
    return {"X-API-KEY": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def _request(method, path, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(BASE + path, data=data, headers=_headers(), method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {path} failed with {e.code}") from e
