import json
import os
import urllib.request

BASE = "https://api.liveavatar.com/v1/contexts"


def send(url, payload=None, method=None):
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(
        url,
        data=data,
        method=method or ("POST" if data is not None else "GET"),
        headers={"x-api-key": os.environ["LIVEAVATAR_API_KEY"], "content-type": "application/json"},
    )
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)["data"]
