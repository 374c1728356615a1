"""The kiosk's older transport: one function, the HeyGen base from the environment."""
import os

import requests

BASE = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1")


def heygen_post(endpoint, payload):
    r = requests.post(BASE + "/" + endpoint, json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]
