import os

import requests

ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")
_http = requests.Session()
_http.headers.update({
    "Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"],
    "Content-Type": "application/json",
})


class HeyGenError(Exception):
    pass


def heygen_call(name, body):
    r = _http.post(f"{ROOT}/v1/streaming.{name}", json=body, timeout=20)
    if r.status_code != 200:
        raise HeyGenError(f"{name}: {r.status_code} {r.text[:200]}")
    return r.json()
