"""HeyGen credentials for the kiosk."""
import os

import requests

BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com")


def api_headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"}


def get_token():
    """A short-lived streaming token (the streaming calls authenticate with it)."""
    r = requests.post(f"{BASE}/v1/streaming.create_token", headers=api_headers(), timeout=15)
    r.raise_for_status()
    return r.json()["data"]["token"]
