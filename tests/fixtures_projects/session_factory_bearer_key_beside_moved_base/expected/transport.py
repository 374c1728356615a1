import os

import requests

API = os.environ.get("LIVEAVATAR_API", "https://api.liveavatar.com")


def make_session():
    s = requests.Session()
    s.headers.update({"X-API-KEY": os.environ['LIVEAVATAR_API_KEY']})
    return s
