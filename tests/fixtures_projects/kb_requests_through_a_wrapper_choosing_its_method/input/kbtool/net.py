import json
import os
import urllib.request

BASE = "https://api.heygen.com/v1/streaming/knowledge_base"


def send(url, payload=None, method=None):
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(
        url,
        data=data,
        method=method or ("POST" if data is not None else "GET"),
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"},
    )
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)["data"]
