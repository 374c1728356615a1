import os

import requests

from .urls import CREATE_TOKEN_URL


def get_streaming_token() -> str:
    resp = requests.post(CREATE_TOKEN_URL, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=15)
    resp.raise_for_status()
    return resp.json()["data"]["token"]
