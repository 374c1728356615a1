"""The kiosk's older transport: one function, the HeyGen base from the environment."""
import os

import requests

BASE = os.environ.get("LIVEAVATAR_BASE_URL", "https://api.liveavatar.com/v1")


def heygen_post(endpoint, payload):
    r = requests.post(BASE + "/" + endpoint, json=payload, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]
