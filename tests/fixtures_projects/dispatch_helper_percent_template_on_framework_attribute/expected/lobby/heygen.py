import requests


class HeyGenStreaming:
    def __init__(self, api_base, api_key):
        self.api_base = api_base
        self.http = requests.Session()
        self.http.headers["X-API-KEY"] = api_key

    def post(self, op, payload):
        resp = self.http.post("%s/sessions/%s" % (self.api_base, op), json=payload)
        resp.raise_for_status()
        return resp.json()["data"]
