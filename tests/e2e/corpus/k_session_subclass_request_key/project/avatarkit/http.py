import logging
import os

import requests

log = logging.getLogger(__name__)


class KeyedSession(requests.Session):
    """A requests.Session that signs every request with the HeyGen key and sets a timeout."""

    def __init__(self, api_key=None, timeout=15):
        super().__init__()
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.default_timeout = timeout

    def request(self, method, url, **kwargs):
        headers = kwargs.pop("headers", None) or {}
        headers.setdefault("X-Api-Key", self.api_key)
        kwargs.setdefault("timeout", self.default_timeout)
        log.debug("%s %s", method, url)
        return super().request(method, url, headers=headers, **kwargs)
