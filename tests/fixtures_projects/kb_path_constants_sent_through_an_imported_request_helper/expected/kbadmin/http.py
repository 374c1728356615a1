import os

import requests

BASE = "https://api.liveavatar.com"


def call(method, path, **kwargs):
    resp = requests.request(
        method, BASE + path, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}, **kwargs
    )
    resp.raise_for_status()
    return resp.json()["data"]
