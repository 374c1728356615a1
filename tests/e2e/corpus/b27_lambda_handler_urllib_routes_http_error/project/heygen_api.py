"""No third-party dependencies: the Lambda layer stays small."""
import json
import os
import urllib.error
import urllib.request

BASE_URL = "https://api.heygen.com/v1/"


class UpstreamError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen answered {status}: {detail}")
        self.status = status


def api(path, body=None):
    req = urllib.request.Request(
        BASE_URL + path,
        data=json.dumps(body or {}).encode("utf-8"),
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=25) as resp:
            return json.loads(resp.read())["data"]
    except urllib.error.HTTPError as err:
        raise UpstreamError(err.code, err.read().decode("utf-8", "replace")[:300]) from err
