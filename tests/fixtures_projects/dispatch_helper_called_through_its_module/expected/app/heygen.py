import os

import requests

BASE = "https://api.liveavatar.com"


def streaming(action, **payload):
    url = "%s/v1/sessions/%s" % (BASE, action)
    response = requests.post(url, json=payload, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}, timeout=20)
    response.raise_for_status()
    return response.json().get("data") or {}
