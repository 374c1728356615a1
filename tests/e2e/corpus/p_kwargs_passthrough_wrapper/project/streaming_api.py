"""Minimal wrapper: one method per streaming endpoint, kwargs are the body."""
import os

import httpx


class StreamingAPI:
    def __init__(self, api_key=None):
        self._http = httpx.Client(
            base_url="https://api.heygen.com/v1/",
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=30.0,
        )

    def _post(self, endpoint, body):
        r = self._http.post(endpoint, json=body)
        r.raise_for_status()
        return r.json()["data"]

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
