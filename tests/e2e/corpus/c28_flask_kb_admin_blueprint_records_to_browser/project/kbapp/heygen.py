import os

import requests

KB_URL = "https://api.heygen.com/v1/streaming/knowledge_base"
STREAMING_URL = "https://api.heygen.com/v1"


class HeyGenError(RuntimeError):
    pass


def _session():
    s = requests.Session()
    s.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"})
    return s


def _data(resp):
    if not resp.ok:
        raise HeyGenError(f"{resp.status_code}: {resp.text[:200]}")
    return resp.json().get("data")


class KnowledgeBases:
    def __init__(self, timeout=15):
        self.http = _session()
        self.timeout = timeout

    def _url(self, *parts):
        return "/".join([KB_URL, *parts])

    def list(self):
        return _data(self.http.get(self._url("list"), timeout=self.timeout)) or []

    def create(self, name, prompt, opening):
        body = {"name": name, "prompt": prompt, "opening": opening}
        return _data(self.http.post(self._url("create"), json=body, timeout=self.timeout))

    def get(self, kb_id):
        return _data(self.http.get(self._url(kb_id), timeout=self.timeout))

    def update(self, kb_id, **changes):
        record = self.get(kb_id)
        body = {k: changes.get(k, record[k]) for k in ("name", "prompt", "opening")}
        return _data(self.http.post(self._url(kb_id), json=body, timeout=self.timeout))

    def delete(self, kb_id):
        _data(self.http.post(self._url(kb_id, "delete"), timeout=self.timeout))


class SupportSessions:
    def __init__(self):
        self.http = _session()

    def open(self, avatar_id, kb_id):
        data = _data(
            self.http.post(
                f"{STREAMING_URL}/streaming.new",
                json={"avatar_id": avatar_id, "knowledge_base_id": kb_id, "version": "v2"},
            )
        )
        _data(self.http.post(f"{STREAMING_URL}/streaming.start", json={"session_id": data["session_id"]}))
        return data

    def ask(self, session_id, question):
        _data(
            self.http.post(
                f"{STREAMING_URL}/streaming.task",
                json={"session_id": session_id, "text": question, "task_type": "chat", "task_mode": "async"},
            )
        )

    def stop(self, session_id):
        _data(self.http.post(f"{STREAMING_URL}/streaming.stop", json={"session_id": session_id}))
