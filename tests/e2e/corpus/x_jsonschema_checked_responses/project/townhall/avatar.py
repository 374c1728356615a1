"""Town-hall host avatar: reads the agenda and answers questions from the knowledge base."""
import logging
import os

import jsonschema
import requests

from . import schemas

log = logging.getLogger(__name__)
API = os.getenv("HEYGEN_API_URL", "https://api.heygen.com")


class TownHallHost:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = os.environ["HEYGEN_API_KEY"]
        self.session_id = None

    def _post(self, path, payload):
        resp = self.http.post(f"{API}{path}", json=payload, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        jsonschema.validate(body, schemas.ENVELOPE)
        return body["data"]

    def open(self):
        data = self._post(
            "/v1/streaming.new",
            {
                "avatar_id": os.environ["HOST_AVATAR_ID"],
                "knowledge_base_id": os.environ["TOWNHALL_KB_ID"],
                "quality": "high",
                "version": "v2",
            },
        )
        try:
            jsonschema.validate(data, schemas.NEW_SESSION)
        except jsonschema.ValidationError as exc:
            log.error("unexpected streaming.new response: %s", exc.message)
            raise
        self.session_id = data["session_id"]
        self._post("/v1/streaming.start", {"session_id": self.session_id})
        return {"url": data["url"], "token": data["access_token"]}

    def read(self, text):
        self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def answer(self, question):
        self._post("/v1/streaming.task", {"session_id": self.session_id, "text": question, "task_type": "chat"})

    def close(self):
        self._post("/v1/streaming.stop", {"session_id": self.session_id})
        self.session_id = None
