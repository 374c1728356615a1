"""One request helper for the app, named after the service (no word saying it sends), with
the API key sent as `Authorization: Bearer`."""
import os

import requests

API_BASE = os.getenv("LIVEAVATAR_API_BASE", "https://api.liveavatar.com")


def heygen(path, body):
    resp = requests.request(
        "POST",
        API_BASE + path,
        json=body,
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()["data"]
