"""HeyGen streaming client that prepares every request first so it can be audited before it is sent.

Compliance wants a line per outgoing call (method, URL, body size) and the key never in the log.
"""
import json
import logging
import os
import time

import requests

audit = logging.getLogger("audit")

API_HOST = "https://api.heygen.com"


class AuditedStreamingClient:
    def __init__(self, api_key=None, timeout=20):
        self.session = requests.Session()
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.timeout = timeout
        self.log = []

    def _headers(self):
        return {"X-Api-Key": self.api_key, "Accept": "application/json"}

    def _send(self, path, payload):
        req = requests.Request("POST", API_HOST + path, json=payload, headers=self._headers())
        prepared = self.session.prepare_request(req)
        self.log.append((prepared.method, prepared.path_url, len(prepared.body or b"")))
        audit.info("%s %s (%d bytes)", prepared.method, prepared.url, len(prepared.body or b""))
        started = time.monotonic()
        resp = self.session.send(prepared, timeout=self.timeout)
        audit.info("-> %s in %.0f ms", resp.status_code, (time.monotonic() - started) * 1000)
        resp.raise_for_status()
        return resp.json()

    def create_session(self, avatar_id, voice_id=None):
        payload = {"avatar_id": avatar_id, "version": "v2", "quality": "low"}
        if voice_id:
            payload["voice"] = {"voice_id": voice_id}
        data = self._send("/v1/streaming.new", payload)["data"]
        self._send("/v1/streaming.start", {"session_id": data["session_id"]})
        return data

    def say(self, session_id, text):
        return self._send(
            "/v1/streaming.task",
            {"session_id": session_id, "text": text, "task_type": "repeat"},
        )["data"]

    def keep_alive(self, session_id):
        self._send("/v1/streaming.keep_alive", {"session_id": session_id})

    def close(self, session_id):
        self._send("/v1/streaming.stop", {"session_id": session_id})
        self.session.close()
