import os

import requests

HEYGEN_API = "https://api.heygen.com"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


def heygen_post(path, payload):
    r = requests.post(HEYGEN_API + path, json=payload, headers=HEADERS, timeout=30)
    body = r.json()
    if body.get("code") != 100:
        raise RuntimeError(body.get("message"))
    return body["data"]
