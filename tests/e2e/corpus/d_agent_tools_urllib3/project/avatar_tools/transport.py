"""Minimal HeyGen transport over urllib3 (the agent runtime ships urllib3 but not requests)."""
import json
import os

import urllib3

_http = urllib3.PoolManager(retries=urllib3.Retry(total=2, backoff_factor=0.3), timeout=urllib3.Timeout(total=30))

HEYGEN_HOST = "https://api.heygen.com"


class HeyGenTransportError(RuntimeError):
    pass


def call(endpoint, payload=None, method="POST"):
    headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
    resp = _http.request(
        method,
        f"{HEYGEN_HOST}/v1/{endpoint}",
        body=json.dumps(payload or {}).encode("utf-8") if method == "POST" else None,
        headers=headers,
    )
    if resp.status >= 400:
        raise HeyGenTransportError(f"{endpoint}: HTTP {resp.status} {resp.data[:200]!r}")
    return json.loads(resp.data.decode("utf-8"))
