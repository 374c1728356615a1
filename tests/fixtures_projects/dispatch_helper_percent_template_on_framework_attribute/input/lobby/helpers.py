import os

import requests

BASE = "https://api.heygen.com/v1"


def call_streaming(action, body):
    url = "{}/streaming.{}".format(BASE, action)
    resp = requests.post(url, json=body, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    return resp.json()["data"]
