import os

import requests

BASE_URL = "https://api.heygen.com/v1"


def make_session():
    s = requests.Session()
    s.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    return s


class ApiError(Exception):
    pass


def check(resp):
    if resp.status_code >= 400:
        raise ApiError(f"{resp.status_code} {resp.text[:200]}")
    return resp.json()
