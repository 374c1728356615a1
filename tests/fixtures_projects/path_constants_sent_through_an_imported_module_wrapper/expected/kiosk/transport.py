import os

import requests

ROOT = "https://api.liveavatar.com"


def send(method, path, payload):
    resp = requests.request(
        method, ROOT + path, json=payload, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    )
    resp.raise_for_status()
    return resp.json()["data"]
