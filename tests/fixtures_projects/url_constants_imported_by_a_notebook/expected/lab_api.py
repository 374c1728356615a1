import os

import requests

HOST = "https://api.liveavatar.com"
KB_LIST = "/v1/contexts"
KB_DELETE = "/v1/contexts/{}"
STOP = "/v1/sessions/stop"


def call(method, path, payload=None):
    r = requests.request(method, HOST + path, json=payload, headers={"x-api-key": os.environ["LIVEAVATAR_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]
