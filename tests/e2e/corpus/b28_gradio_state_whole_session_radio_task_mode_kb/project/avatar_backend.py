"""HeyGen Interactive Avatar calls for the Gradio demo."""
import logging
import os

import requests

logger = logging.getLogger(__name__)


class HeyGenStreaming:
    base_url = "https://api.heygen.com"

    def __init__(self, api_key=None):
        self.s = requests.Session()
        self.s.headers.update({"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]})

    def _req(self, path, **payload):
        r = self.s.post(self.base_url + path, json=payload, timeout=30)
        if r.status_code != 200:
            logger.error("%s -> %s %s", path, r.status_code, r.text)
            r.raise_for_status()
        return r.json()["data"]

    def create(self, avatar_id, knowledge_base_id=None):
        options = {"avatar_id": avatar_id, "quality": "low", "version": "v2"}
        if knowledge_base_id:
            options["knowledge_base_id"] = knowledge_base_id
        data = self._req("/v1/streaming.new", **options)
        self._req("/v1/streaming.start", session_id=data["session_id"])
        return data

    def send(self, session_id, text, mode="repeat"):
        return self._req("/v1/streaming.task", session_id=session_id, text=text, task_type=mode)

    def close(self, session_id):
        self._req("/v1/streaming.stop", session_id=session_id)
