import json
import os
import urllib.request

BASE = "https://api.liveavatar.com"


def call(method, path, body=None):
    req = urllib.request.Request(
        BASE + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"], "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req) as resp:
        doc = json.load(resp)
    return doc.get("data")
