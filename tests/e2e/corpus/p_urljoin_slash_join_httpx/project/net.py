import os

import httpx

HOST = "https://api.heygen.com"
API_ROOT = HOST + "/v1/"

client = httpx.Client(timeout=20)


def auth_headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"}
