import os

import httpx

HEYGEN = os.environ.get("HEYGEN_ENDPOINT", "https://api.heygen.com")


class ApiKeyAuth(httpx.Auth):
    def __init__(self, key):
        self.key = key

    def auth_flow(self, request):
        request.headers["X-Api-Key"] = self.key
        yield request


def make_client():
    return httpx.AsyncClient(base_url=HEYGEN, auth=ApiKeyAuth(os.environ["HEYGEN_API_KEY"]), timeout=15)
