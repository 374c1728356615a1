import os

import requests

BASE = "https://api.heygen.com/v1"


def get_token():
    r = requests.post(f"{BASE}/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]["token"]
