"""requests auth hook so no call site has to remember the key header."""
import os

from requests.auth import AuthBase


class HeyGenAuth(AuthBase):
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]

    def __call__(self, r):
        r.headers["X-Api-Key"] = self.api_key
        return r
