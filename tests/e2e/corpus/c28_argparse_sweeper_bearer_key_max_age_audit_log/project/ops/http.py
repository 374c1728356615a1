import os

import requests

API = os.environ.get("HEYGEN_API", "https://api.heygen.com")


def _api_key():
    # CI injects HEYGEN_API_KEY; on the ops laptops it lives in ~/.heygen_key
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        with open(os.path.expanduser("~/.heygen_key")) as fh:
            key = fh.read().strip()
    return key


def make_session():
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {_api_key()}", "Accept": "application/json"})
    return s


def check(resp):
    resp.raise_for_status()
    body = resp.json()
    if body.get("code") not in (100, None):
        raise RuntimeError(f"HeyGen error {body.get('code')}: {body.get('message')}")
    return body
