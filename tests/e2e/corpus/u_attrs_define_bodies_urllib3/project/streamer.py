"""Narrates a product tour with a HeyGen streaming avatar (urllib3, no requests in this image)."""
import json
import os

import urllib3

from models import NewSession, Session, Task, Voice

HEYGEN = "https://api.heygen.com"


class HeyGenError(Exception):
    pass


class Streamer:
    def __init__(self, api_key=None, pool=None):
        self.pool = pool or urllib3.PoolManager(retries=urllib3.Retry(total=2, backoff_factor=0.1), timeout=20.0)
        self.headers = {"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
        self.session = None

    def _post(self, path, body):
        resp = self.pool.request("POST", HEYGEN + path, body=json.dumps(body), headers=self.headers)
        if resp.status != 200:
            raise HeyGenError(f"{path}: {resp.status} {resp.data[:200]!r}")
        return json.loads(resp.data)

    def open(self, avatar_id, voice_id=None, knowledge_base_id=None):
        req = NewSession(avatar_id=avatar_id, quality="low", knowledge_base_id=knowledge_base_id)
        if voice_id:
            req.voice = Voice(voice_id)
        data = self._post("/v1/streaming.new", req.to_json())["data"]
        self.session = Session.from_api(data)
        self._post("/v1/streaming.start", {"session_id": self.session.session_id})
        return self.session

    def narrate(self, text):
        return self._post("/v1/streaming.task", Task(self.session.session_id, text).to_json())["data"]

    def answer(self, question):
        task = Task(self.session.session_id, question, task_type="talk")
        return self._post("/v1/streaming.task", task.to_json())["data"]

    def close(self):
        self._post("/v1/streaming.stop", {"session_id": self.session.session_id})
        self.session = None


def tour(streamer, stops):
    for stop in stops:
        streamer.narrate(stop)
        if stop.endswith("?"):
            streamer.answer(stop)
