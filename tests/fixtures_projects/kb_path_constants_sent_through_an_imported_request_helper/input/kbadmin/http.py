import os

import requests

BASE = "https://api.heygen.com"


def call(method, path, **kwargs):
    resp = requests.request(
        method, BASE + path, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, **kwargs
    )
    resp.raise_for_status()
    return resp.json()["data"]
