import os

import requests

BASE = "https://api.heygen.com"


def streaming(action, **payload):
    url = "%s/v1/streaming.%s" % (BASE, action)
    response = requests.post(url, json=payload, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}, timeout=20)
    response.raise_for_status()
    return response.json().get("data") or {}
