"""Minimal wrapper: one method per streaming endpoint, kwargs are the body."""
import functools
import os
import time

import requests


def retry(times=3, delay=0.1):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except requests.ConnectionError:
                    if attempt == times - 1:
                        raise
                    time.sleep(delay * (attempt + 1))

        return wrapper

    return decorate


class StreamingAPI:
    host = "https://api.heygen.com"

    def __init__(self, api_key=None):
        self._http = requests.Session()
        self._http.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]})

    @property
    def base_url(self):
        return f"{self.host}/v1"

    @retry(times=3)
    def _post(self, endpoint, body):
        r = self._http.post(f"{self.base_url}/{endpoint}", json=body, timeout=30)
        payload = r.json()
        if payload.get("code") != 100:
            raise RuntimeError(f"{endpoint} failed: {payload.get('message')}")
        return payload.get("data", {})

    def new(self, **kwargs):
        return self._post("streaming.new", {"version": "v2", **kwargs})

    def start(self, **kwargs):
        return self._post("streaming.start", kwargs)

    def task(self, **kwargs):
        return self._post("streaming.task", kwargs)

    def keep_alive(self, **kwargs):
        return self._post("streaming.keep_alive", kwargs)

    def stop(self, **kwargs):
        return self._post("streaming.stop", kwargs)

    def close(self):
        self._http.close()
