import os

import requests

HOST = "https://api.heygen.com"
KB_LIST = "/v1/streaming/knowledge_base/list"
KB_DELETE = "/v1/streaming/knowledge_base/{}/delete"
STOP = "/v1/streaming.stop"


def call(method, path, payload=None):
    r = requests.request(method, HOST + path, json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]
