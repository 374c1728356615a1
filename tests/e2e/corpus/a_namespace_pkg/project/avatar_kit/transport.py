import os

import requests


class HeyGenTransport:
    API_URL = "https://api.heygen.com/v1/"

    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]

    def post(self, endpoint, body):
        resp = requests.post(
            self.API_URL + endpoint,
            json=body,
            headers={"x-api-key": self.api_key},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()
