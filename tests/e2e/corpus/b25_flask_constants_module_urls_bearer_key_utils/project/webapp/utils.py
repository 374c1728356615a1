import os

import requests


class UpstreamError(Exception):
    pass


def _auth_headers():
    return {"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}"}


def api_post(url, payload):
    r = requests.post(url, json=payload, headers=_auth_headers(), timeout=30)
    if not r.ok:
        raise UpstreamError(f"{url}: {r.status_code}")
    return r.json()["data"]


def api_get(url, **params):
    r = requests.get(url, params=params, headers=_auth_headers(), timeout=30)
    if not r.ok:
        raise UpstreamError(f"{url}: {r.status_code}")
    return r.json()["data"]
