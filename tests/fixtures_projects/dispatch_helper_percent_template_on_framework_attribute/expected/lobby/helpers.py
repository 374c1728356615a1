import os

import requests

BASE = "https://api.liveavatar.com/v1"


def call_streaming(action, body):
    url = "{}/sessions/{}".format(BASE, action)
    resp = requests.post(url, json=body, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]})
    return resp.json()["data"]
