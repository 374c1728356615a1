import os

import requests


class HeyGen:
    # TODO(heygen2liveavatar): H2L401 this HeyGen base URL may serve streaming calls in other modules as well as HeyGen's other APIs; give the streaming calls a `https://api.liveavatar.com` base
    BASE = "https://api.heygen.com"

    def __init__(self, api_key):
        self.headers = {"X-Api-Key": api_key}

    def post(self, path, payload):
        headers = {**self.headers, "Accept": "application/json"}
        r = requests.post(self.BASE + path, json=payload, headers=headers, timeout=30)
        r.raise_for_status()
        return r.json()["data"]


# TODO(heygen2liveavatar): H2L402 `HEYGEN_API_KEY` also serves non-streaming HeyGen calls; read a separate `LIVEAVATAR_API_KEY` for the LiveAvatar calls
heygen = HeyGen(os.environ["HEYGEN_API_KEY"])
