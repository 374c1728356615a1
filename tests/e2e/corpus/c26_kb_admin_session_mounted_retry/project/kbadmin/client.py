import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

BASE_URL = "https://api.heygen.com/v1"


def make_session(api_key=None):
    s = requests.Session()
    retry = Retry(total=3, backoff_factor=0.3, status_forcelist=(502, 503, 504), allowed_methods=None)
    s.mount("https://", HTTPAdapter(max_retries=retry))
    s.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"], "Accept": "application/json"})
    return s


class ApiError(Exception):
    pass


def check(resp):
    if resp.status_code >= 400:
        raise ApiError(f"{resp.request.method} {resp.url}: {resp.status_code} {resp.text[:200]}")
    return resp.json()
