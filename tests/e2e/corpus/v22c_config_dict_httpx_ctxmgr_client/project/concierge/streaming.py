"""HeyGen streaming wrapper. One short-lived httpx client per request, from ``_client()``."""
import contextlib
import logging
from typing import NamedTuple

import httpx

from .settings import CONFIG

log = logging.getLogger(__name__)


class Room(NamedTuple):
    url: str
    token: str
    expires_in: int


@contextlib.contextmanager
def _client():
    with httpx.Client(
        base_url=CONFIG["api_url"],
        headers={"X-Api-Key": CONFIG["api_key"]},
        timeout=CONFIG["timeout"],
    ) as client:
        yield client


class Streaming:
    def __init__(self):
        self.session_id = None

    def post(self, endpoint, payload):
        with _client() as client:
            resp = client.post(endpoint, json=payload)
        if resp.is_error:
            log.error("%s -> %s %s", endpoint, resp.status_code, resp.text)
            resp.raise_for_status()
        return resp.json()

    def connect(self):
        payload = {"avatar_id": CONFIG["avatar_id"], "quality": CONFIG["quality"], "version": "v2"}
        if CONFIG["knowledge_base_id"]:
            payload["knowledge_base_id"] = CONFIG["knowledge_base_id"]
        body = self.post("streaming.new", payload)
        data = body.get("data", {})
        self.session_id = data.get("session_id")
        if not self.session_id:
            raise RuntimeError(f"no session in {body}")
        self.post("streaming.start", {"session_id": self.session_id})
        room = Room(data.get("url", ""), data.get("access_token", ""), data.get("session_duration_limit", 600))
        return room._asdict()

    def talk(self, text, task_type="talk"):
        body = self.post("streaming.task", {"session_id": self.session_id, "text": text, "task_type": task_type})
        return body.get("data", {}).get("task_id")

    def stop(self):
        if self.session_id:
            self.post("streaming.stop", {"session_id": self.session_id})
            self.session_id = None
