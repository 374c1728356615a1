import os

import requests

from kiosk import endpoints


def fetch_token():
    r = requests.post(endpoints.TOKEN_URL, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]["token"]
