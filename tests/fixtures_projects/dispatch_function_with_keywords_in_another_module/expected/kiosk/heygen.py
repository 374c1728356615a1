"""A module function sends every streaming call, its keywords as the body."""
import os

import requests

ROOT = "https://api.liveavatar.com"


def heygen(action, **fields):
    r = requests.post(f"{ROOT}/v1/sessions/{action}", json=fields, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}, timeout=20)
    r.raise_for_status()
    return r.json()
