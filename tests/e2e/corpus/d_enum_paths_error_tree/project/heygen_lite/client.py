import enum
import logging
import os
import random
import time

import requests

from .errors import APIError, RateLimitError, raise_for_code

logger = logging.getLogger(__name__)


class Endpoint(str, enum.Enum):
    CREATE_TOKEN = "/v1/streaming.create_token"
    NEW = "/v1/streaming.new"
    START = "/v1/streaming.start"
    TASK = "/v1/streaming.task"
    INTERRUPT = "/v1/streaming.interrupt"
    KEEP_ALIVE = "/v1/streaming.keep_alive"
    STOP = "/v1/streaming.stop"
    LIST = "/v1/streaming.list"


class TaskType(str, enum.Enum):
    REPEAT = "repeat"
    CHAT = "chat"


class StreamingClient:
    host = "https://api.heygen.com"

    def __init__(self, api_key=None, max_attempts=4):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.max_attempts = max_attempts

    def _call(self, endpoint, payload=None, method="POST"):
        url = self.host + endpoint.value
        attempt = 0
        while True:
            attempt += 1
            try:
                resp = requests.request(method, url, json=payload,
                                        headers={"x-api-key": self.api_key}, timeout=30)
                body = resp.json() if resp.content else {}
                return raise_for_code(body, resp.status_code)
            except (requests.ConnectionError, RateLimitError) as exc:
                if attempt >= self.max_attempts:
                    raise
                delay = min(8.0, 0.25 * 2 ** attempt) + random.random() / 10
                logger.warning("%s failed (%s), retry %d in %.2fs", endpoint.name, exc, attempt, delay)
                time.sleep(delay)

    # -- session lifecycle -------------------------------------------------------------
    def new_session(self, avatar_id, quality="medium", knowledge_base_id=None, language=None):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        if language:
            payload["language"] = language
        body = self._call(Endpoint.NEW, payload)
        data = body.get("data") or {}
        if not data.get("session_id"):
            raise APIError(body.get("code"), "streaming.new returned no session")
        return data

    def start_session(self, session_id):
        self._call(Endpoint.START, {"session_id": session_id})

    def send_task(self, session_id, text, task_type=TaskType.REPEAT):
        body = self._call(Endpoint.TASK, {"session_id": session_id, "text": text,
                                          "task_type": task_type.value})
        return (body.get("data") or {}).get("task_id")

    def interrupt(self, session_id):
        self._call(Endpoint.INTERRUPT, {"session_id": session_id})

    def keep_alive(self, session_id):
        self._call(Endpoint.KEEP_ALIVE, {"session_id": session_id})

    def stop_session(self, session_id):
        self._call(Endpoint.STOP, {"session_id": session_id})
