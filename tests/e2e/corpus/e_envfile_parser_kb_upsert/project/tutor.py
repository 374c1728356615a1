"""Math tutor avatar (HeyGen Interactive Avatar + knowledge base)."""
import logging
import os

import requests

log = logging.getLogger("tutor")


def read_env_file(path):
    values = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = raw.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                key, _, value = line.partition("=")
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                values[key.strip()] = value
    except FileNotFoundError:
        pass
    return values


class Config:
    def __init__(self, values):
        get = lambda k, d=None: os.environ.get(k, values.get(k, d))  # noqa: E731
        self.heygen_api_key = get("HEYGEN_API_KEY", "")
        self.api_base = get("HEYGEN_API_BASE", "https://api.heygen.com").rstrip("/")
        self.avatar_id = get("TUTOR_AVATAR_ID")
        self.kb_name = get("TUTOR_KB_NAME", "Tutor")
        self.kb_prompt = get("TUTOR_KB_PROMPT", "")
        self.kb_opening = get("TUTOR_KB_OPENING", "Hello!")

    @classmethod
    def load(cls, path=".env"):
        return cls(read_env_file(path))


class Tutor:
    def __init__(self, config):
        self.config = config
        self.headers = {"X-Api-Key": config.heygen_api_key, "Content-Type": "application/json"}
        self.kb_id = None
        self.session_id = None

    def _url(self, path):
        return f"{self.config.api_base}{path}"

    def ensure_knowledge_base(self):
        resp = requests.get(self._url("/v1/streaming/knowledge_base/list"), headers=self.headers, timeout=15)
        resp.raise_for_status()
        log.debug("knowledge_base/list -> %s", resp.json())
        data = resp.json().get("data") or []
        items = data.get("list", []) if isinstance(data, dict) else data  # the shape changed once
        for kb in items:
            if kb.get("name") == self.config.kb_name:
                self.kb_id = kb["id"]
                return self.kb_id
        resp = requests.post(
            self._url("/v1/streaming/knowledge_base/create"),
            headers=self.headers,
            json={"name": self.config.kb_name, "opening": self.config.kb_opening, "prompt": self.config.kb_prompt},
            timeout=15,
        )
        resp.raise_for_status()
        log.debug("knowledge_base/create -> %s", resp.json())
        self.kb_id = resp.json()["data"]["id"]
        return self.kb_id

    def open(self):
        resp = requests.post(
            self._url("/v1/streaming.new"),
            headers=self.headers,
            json={"avatar_id": self.config.avatar_id, "knowledge_base_id": self.kb_id, "version": "v2"},
            timeout=30,
        )
        resp.raise_for_status()
        log.debug("streaming.new -> %s", resp.json())
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        resp = requests.post(self._url("/v1/streaming.start"), headers=self.headers,
                             json={"session_id": self.session_id}, timeout=30)
        log.debug("streaming.start -> %s", resp.json())
        return data["url"], data["access_token"]

    def ask(self, question):
        resp = requests.post(
            self._url("/v1/streaming.task"),
            headers=self.headers,
            json={"session_id": self.session_id, "text": question, "task_type": "chat"},
            timeout=60,
        )
        log.debug("streaming.task -> %s", resp.json())
        return resp.ok

    def interrupt(self):
        resp = requests.post(self._url("/v1/streaming.interrupt"), headers=self.headers,
                             json={"session_id": self.session_id}, timeout=15)
        log.debug("streaming.interrupt -> %s", resp.json())

    def close(self):
        resp = requests.post(self._url("/v1/streaming.stop"), headers=self.headers,
                             json={"session_id": self.session_id}, timeout=15)
        log.debug("streaming.stop -> %s", resp.json())
        self.session_id = None
