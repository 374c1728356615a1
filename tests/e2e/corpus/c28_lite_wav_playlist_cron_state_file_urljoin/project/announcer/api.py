import json
import os
import urllib.request
from urllib.parse import urljoin

# trailing slash matters for urljoin
BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1/")


class ApiError(RuntimeError):
    pass


def post(endpoint, body):
    req = urllib.request.Request(
        urljoin(BASE, endpoint),
        data=json.dumps(body).encode(),
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            doc = json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise ApiError(f"{endpoint}: HTTP {exc.code}") from exc
    if doc.get("code") != 100:
        raise ApiError(f"{endpoint}: {doc.get('message')}")
    return doc.get("data") or {}
