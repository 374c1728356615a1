import requests


class HeyGenAPI(requests.Session):
    base_url = "https://api.liveavatar.com/v1/"

    def __init__(self, api_key):
        super().__init__()
        self.headers["x-api-key"] = api_key

    def call(self, endpoint, payload=None):
        resp = self.post(self.base_url + endpoint, json=payload, timeout=30)
        resp.raise_for_status()
        return resp.json()["data"]
