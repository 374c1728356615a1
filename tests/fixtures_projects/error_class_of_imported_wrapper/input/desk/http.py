"""The help desk's HeyGen transport: one `post` for every call, failing with `ApiError`."""
import os

import requests

API_BASE = "https://api.heygen.com"


class ApiError(Exception):
    pass


def post(path, payload):
    resp = requests.post(
        API_BASE + path, json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=30
    )
    if resp.status_code != 200:
        raise ApiError(f"{path}: HTTP {resp.status_code}")
    return resp.json()["data"]
