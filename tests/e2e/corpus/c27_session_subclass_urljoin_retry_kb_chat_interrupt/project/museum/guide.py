import os

from .http import HeyGenSession


class GuideError(RuntimeError):
    pass


def _ok(resp):
    if resp.status_code != 200:
        raise GuideError(f"{resp.request.method} {resp.url}: {resp.status_code}")
    return resp.json()


class Guide:
    def __init__(self, http=None):
        self.http = http or HeyGenSession()
        self.sid = None

    def start_tour(self):
        body = {
            "avatar_id": os.environ["GUIDE_AVATAR"],
            "knowledge_base_id": os.environ["GUIDE_KB"],
            "quality": "medium",
            "version": "v2",
            "activity_idle_timeout": 600,
        }
        info = _ok(self.http.post("v1/streaming.new", json=body))["data"]
        self.sid = info["session_id"]
        _ok(self.http.post("v1/streaming.start", json={"session_id": self.sid}))
        return info["url"], info["access_token"]

    def greet(self, group):
        self._task(f"Welcome, {group}! Follow me to the first hall.", "repeat")

    def answer(self, question):
        self._task(question, "chat")

    def visitor_speaks(self):
        _ok(self.http.post("v1/streaming.interrupt", json={"session_id": self.sid}))

    def end_tour(self):
        _ok(self.http.post("v1/streaming.stop", json={"session_id": self.sid}))
        self.http.close()

    def _task(self, text, kind):
        _ok(self.http.post("v1/streaming.task", json={"session_id": self.sid, "text": text, "task_type": kind}))
