import logging
import os

import requests

from .schemas import NewSessionSchema, SessionIdSchema, StreamSessionSchema, TaskSchema

log = logging.getLogger(__name__)

API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com/v1")


class StreamingError(RuntimeError):
    pass


class AvatarClient:
    """One streaming avatar at a time, every payload going through its schema."""

    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]})
        self.session = None

    def _post(self, endpoint, schema, payload):
        body = schema.dump(payload)
        log.debug("POST %s %s", endpoint, body)
        resp = self.http.post(f"{API_BASE}/{endpoint}", json=body, timeout=30)
        if resp.status_code != 200:
            raise StreamingError(f"{endpoint}: HTTP {resp.status_code} {resp.text}")
        return resp.json()

    def open(self, avatar_id, quality="medium", voice_id=None, knowledge_base_id=None, language=None):
        request = {"avatar_id": avatar_id, "quality": quality, "knowledge_base_id": knowledge_base_id, "language": language}
        if voice_id:
            request["voice"] = {"voice_id": voice_id, "rate": 1.0}
        created = self._post("streaming.new", NewSessionSchema(), request)
        self.session = StreamSessionSchema().load(created["data"])
        self._post("streaming.start", SessionIdSchema(), {"session_id": self.session.session_id})
        log.info("session %s is live", self.session.session_id)
        return self.session

    def say(self, text):
        return self._post("streaming.task", TaskSchema(), {"session_id": self.session.session_id, "text": text})

    def ask(self, question):
        payload = {"session_id": self.session.session_id, "text": question, "task_type": "talk"}
        return self._post("streaming.task", TaskSchema(), payload)

    def interrupt(self):
        self._post("streaming.interrupt", SessionIdSchema(), {"session_id": self.session.session_id})

    def close(self):
        if self.session is None:
            return
        try:
            self._post("streaming.stop", SessionIdSchema(), {"session_id": self.session.session_id})
        finally:
            self.session = None
