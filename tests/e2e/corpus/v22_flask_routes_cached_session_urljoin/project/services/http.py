import os
from functools import lru_cache

import requests

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1/")


@lru_cache(maxsize=1)
def http_session():
    s = requests.Session()
    s.headers.update({"X-Api-Key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"})
    return s
