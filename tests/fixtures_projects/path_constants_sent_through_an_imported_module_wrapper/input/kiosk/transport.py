import os

import requests

ROOT = "https://api.heygen.com"


def send(method, path, payload):
    resp = requests.request(
        method, ROOT + path, json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}
    )
    resp.raise_for_status()
    return resp.json()["data"]
