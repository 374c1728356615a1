import os

import httpx

from .errors import HeyStreamError

DEFAULT_BASE = "https://api.heygen.com"


class Endpoint:
    """A POST endpoint exposed as a method: `client.task(session_id=..., text=...)`."""

    def __init__(self, path):
        self.path = path
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, client, owner=None):
        if client is None:
            return self

        def call(**body):
            return client._request(self.path, body)

        call.__name__ = self.name
        call.__doc__ = f"POST {self.path}"
        return call


class StreamingClient:
    new = Endpoint("/v1/streaming.new")
    start = Endpoint("/v1/streaming.start")
    task = Endpoint("/v1/streaming.task")
    interrupt = Endpoint("/v1/streaming.interrupt")
    keep_alive = Endpoint("/v1/streaming.keep_alive")
    stop = Endpoint("/v1/streaming.stop")

    def __init__(self, api_key=None, base_url=DEFAULT_BASE, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=timeout,
        )

    def _request(self, path, body):
        resp = self._http.post(path, json=body)
        envelope = resp.json()
        if resp.status_code != 200 or envelope.get("code") != 100:
            raise HeyStreamError(path, resp.status_code, envelope.get("message"))
        return envelope.get("data")
