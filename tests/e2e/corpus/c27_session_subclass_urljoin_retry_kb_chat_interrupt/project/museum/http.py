import logging
import os
import time
from urllib.parse import urljoin

import requests

log = logging.getLogger(__name__)


class HeyGenSession(requests.Session):
    """requests.Session bound to the HeyGen API: relative URLs, auth, retries."""

    def __init__(self, base="https://api.heygen.com/", api_key=None, attempts=3, backoff=0.05):
        super().__init__()
        self.base = base
        self.attempts = attempts
        self.backoff = backoff
        self.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]})

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 20)
        full = urljoin(self.base, url)
        for attempt in range(1, self.attempts + 1):
            try:
                return super().request(method, full, *args, **kwargs)
            except requests.ConnectionError:
                if attempt == self.attempts:
                    raise
                delay = self.backoff * 2 ** (attempt - 1)
                log.warning("%s %s failed, retry in %.2fs", method, url, delay)
                time.sleep(delay)
