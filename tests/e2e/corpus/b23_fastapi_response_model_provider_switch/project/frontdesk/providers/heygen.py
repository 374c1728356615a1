"""HeyGen Interactive Avatar provider."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..config import Settings

log = logging.getLogger(__name__)


class HeyGenAPIError(RuntimeError):
    pass


class HeyGenHTTP(requests.Session):
    """requests.Session with HeyGen's auth header and retries on flaky gateways."""

    def __init__(self, api_key: str, base_url: str):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.headers.update({"x-api-key": api_key, "accept": "application/json"})
        retry = Retry(total=3, backoff_factor=0.2, status_forcelist=(502, 503, 504), allowed_methods=None)
        self.mount("https://", HTTPAdapter(max_retries=retry))

    def api(self, endpoint: str, **body):
        resp = self.post(f"{self.base_url}/{endpoint}", json=body, timeout=20)
        resp.raise_for_status()
        payload = resp.json()
        if payload.get("code") != 100:
            raise HeyGenAPIError(f"{endpoint}: {payload.get('message')}")
        return payload.get("data")


class HeyGenProvider:
    name = "heygen"

    def __init__(self, settings: Settings):
        self.avatar_id = settings.avatar_id
        self.http = HeyGenHTTP(settings.heygen_api_key, settings.heygen_api_url)

    def open(self):
        data = self.http.api("streaming.new", avatar_id=self.avatar_id, quality="medium", version="v2")
        self.http.api("streaming.start", session_id=data["session_id"])
        log.info("opened %s", data["session_id"])
        return data

    def say(self, session_id, text):
        self.http.api("streaming.task", session_id=session_id, text=text, task_type="repeat")

    def interrupt(self, session_id):
        self.http.api("streaming.interrupt", session_id=session_id)

    def close(self, session_id):
        self.http.api("streaming.stop", session_id=session_id)
