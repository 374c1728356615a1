import os

import requests

API = os.environ.get("HEYGEN_API", "https://api.heygen.com")


def make_session():
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}"})
    return s
