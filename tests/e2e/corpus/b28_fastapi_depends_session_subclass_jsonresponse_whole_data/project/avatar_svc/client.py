from urllib.parse import urljoin

import requests

from . import config


class HeyGenHTTPError(RuntimeError):
    def __init__(self, status_code, detail):
        super().__init__(f"HeyGen answered {status_code}: {detail}")
        self.status_code = status_code
        self.detail = detail


class HeyGenSession(requests.Session):
    """requests.Session rooted at the API URL: `s.post("/v1/streaming.new", ...)`."""

    def __init__(self, base_url=None, api_key=None):
        super().__init__()
        self.base_url = base_url or config.HEYGEN_API_URL
        self.headers.update({"X-Api-Key": api_key or config.HEYGEN_API_KEY, "Accept": "application/json"})

    def request(self, method, url, *args, **kwargs):
        response = super().request(method, urljoin(self.base_url, url), *args, **kwargs)
        if response.status_code >= 400:
            raise HeyGenHTTPError(response.status_code, response.text)
        return response


_shared = None


def get_client():
    """FastAPI dependency: one pooled session per process."""
    global _shared
    if _shared is None:
        _shared = HeyGenSession()
    return _shared
