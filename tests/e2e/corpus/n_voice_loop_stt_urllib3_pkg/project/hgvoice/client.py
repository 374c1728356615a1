import json
import os

import urllib3

HEYGEN_API = os.environ.get("HEYGEN_API", "https://api.heygen.com")


class HeygenError(Exception):
    pass


class HeygenClient:
    def __init__(self, api_key=None, kb_id=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.kb_id = kb_id or os.environ.get("HEYGEN_KB_ID")
        self.pool = urllib3.PoolManager(retries=urllib3.Retry(total=2, backoff_factor=0.2))
        self.session_id = None
        self.info = {}

    def _post(self, path, payload):
        r = self.pool.request(
            "POST",
            HEYGEN_API + path,
            body=json.dumps(payload).encode(),
            headers={"x-api-key": self.api_key, "Content-Type": "application/json"},
            timeout=20.0,
        )
        if r.status >= 400:
            raise HeygenError(f"{path}: {r.status} {r.data[:200]!r}")
        return json.loads(r.data.decode("utf-8"))

    def connect(self, avatar_id):
        payload = {"avatar_id": avatar_id, "quality": "low", "version": "v2"}
        if self.kb_id:
            payload["knowledge_base_id"] = self.kb_id
        res = self._post("/v1/streaming.new", payload)
        self.info = res.get("data") or {}
        self.session_id = self.info.get("session_id")
        self._post("/v1/streaming.start", {"session_id": self.session_id})
        return self.info

    def talk(self, text):
        res = self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "talk"})
        return res["data"]["task_id"]

    def interrupt(self):
        self._post("/v1/streaming.interrupt", {"session_id": self.session_id})

    def close(self):
        try:
            self._post("/v1/streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
