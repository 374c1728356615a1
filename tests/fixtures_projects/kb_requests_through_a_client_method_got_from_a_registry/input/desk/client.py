import os

import requests

KB = "https://api.heygen.com/v1/streaming/knowledge_base"


class Client:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = os.environ["HEYGEN_API_KEY"]

    def call(self, method, url, body=None):
        resp = self.http.request(method, url, json=body)
        resp.raise_for_status()
        return resp.json()["data"]


def kb_url(suffix):
    return KB + suffix
