import os

import requests


class BaseMixin:
    def __init__(self, base_url="https://api.liveavatar.com"):
        self.base_url = base_url
        self._http = requests.Session()
        self._http.headers["X-Api-Key"] = os.environ["LIVEAVATAR_API_KEY"]

    def _request(self, method, path, **kwargs):
        resp = self._http.request(method, f"{self.base_url}{path}", **kwargs)
        resp.raise_for_status()
        return resp.json()
