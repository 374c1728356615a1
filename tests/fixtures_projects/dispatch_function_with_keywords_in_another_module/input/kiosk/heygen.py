"""A module function sends every streaming call, its keywords as the body."""
import os

import requests

ROOT = "https://api.heygen.com"


def heygen(action, **fields):
    r = requests.post(f"{ROOT}/v1/streaming.{action}", json=fields, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}, timeout=20)
    r.raise_for_status()
    return r.json()
