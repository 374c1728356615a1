"""HeyGen streaming wrapper. URLs are joined from ``settings.api_url`` so staging can point
elsewhere; every read of a response tolerates missing keys (the API has changed before)."""
import logging
from urllib.parse import urljoin

import requests

from .settings import settings

log = logging.getLogger(__name__)


class Streaming:
    def __init__(self, cfg=settings):
        self.cfg = cfg
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = cfg.api_key
        self.session_id = None

    def url(self, endpoint):
        return urljoin(self.cfg.api_url, endpoint)

    def post(self, endpoint, payload):
        resp = self.http.post(self.url(endpoint), json=payload, timeout=self.cfg.request_timeout)
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if not resp.ok:
            log.error("%s -> %s %s", endpoint, resp.status_code, body.get("message", resp.text))
            resp.raise_for_status()
        return body

    def connect(self):
        payload = {"avatar_id": self.cfg.avatar_id, "quality": self.cfg.quality, "version": "v2"}
        if self.cfg.knowledge_base_id:
            payload["knowledge_base_id"] = self.cfg.knowledge_base_id
        body = self.post("streaming.new", payload)
        self.session_id = body.get("data", {}).get("session_id")
        if not self.session_id:
            raise RuntimeError(f"no session in {body}")
        self.post("streaming.start", {"session_id": self.session_id})
        return {
            "url": body.get("data", {}).get("url", ""),
            "token": (body.get("data") or {}).get("access_token", ""),
            "expires_in": body.get("data", {}).get("session_duration_limit", 600),
        }

    def talk(self, text, task_type="talk"):
        body = self.post("streaming.task", {"session_id": self.session_id, "text": text, "task_type": task_type})
        return body.get("data", {}).get("task_id")

    def stop(self):
        if self.session_id:
            self.post("streaming.stop", {"session_id": self.session_id})
            self.session_id = None
