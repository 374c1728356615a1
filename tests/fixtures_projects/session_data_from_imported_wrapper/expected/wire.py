"""The request wrapper: hands back the envelope's data."""
import os

import requests

API_BASE = "https://api.liveavatar.com/v1/"


def post(endpoint, payload):
    resp = requests.post(
        API_BASE + endpoint, json=payload, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    )
    body = resp.json()
    if body.get("code") not in (100, 1000):
        raise RuntimeError(body.get("message"))
    return body["data"]
