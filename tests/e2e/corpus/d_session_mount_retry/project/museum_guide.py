"""Museum guide kiosk: a HeyGen interactive avatar that greets visitors and answers questions.

Uses one requests.Session with retries mounted for flaky venue Wi-Fi.
"""
import json
import logging
import os
import time

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger("museum_guide")

HEYGEN_API = "https://api.heygen.com/v1"


def make_session(api_key):
    s = requests.Session()
    s.headers.update({
        "x-api-key": api_key,
        "accept": "application/json",
        "content-type": "application/json",
    })
    retries = Retry(total=3, backoff_factor=0.5, status_forcelist=[429, 500, 502, 503, 504],
                    allowed_methods=["GET", "POST"])
    s.mount("https://", HTTPAdapter(max_retries=retries))
    return s


class MuseumGuide:
    def __init__(self, api_key=None, avatar_id=None, knowledge_base_id=None):
        self.http = make_session(api_key or os.environ["HEYGEN_API_KEY"])
        self.avatar_id = avatar_id or os.getenv("GUIDE_AVATAR_ID", "Anna_public_3_20240108")
        self.knowledge_base_id = knowledge_base_id or os.getenv("GUIDE_KB_ID")
        self.session_id = None
        self.room = None

    def _post(self, endpoint, payload):
        url = f"{HEYGEN_API}/{endpoint}"
        t0 = time.monotonic()
        resp = self.http.post(url, data=json.dumps(payload), timeout=20)
        log.debug("POST %s -> %s in %.0f ms: %s", url, resp.status_code,
                  (time.monotonic() - t0) * 1000, resp.text)
        resp.raise_for_status()
        return resp.json()

    def open(self):
        payload = {
            "avatar_id": self.avatar_id,
            "quality": "medium",
            "version": "v2",
            "video_encoding": "H264",
            "activity_idle_timeout": 300,
        }
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        body = self._post("streaming.new", payload)
        log.info("streaming.new response: %s", json.dumps(body, indent=2))
        data = body["data"]
        self.session_id = data["session_id"]
        self.room = {"url": data["url"], "token": data["access_token"]}
        self._post("streaming.start", {"session_id": self.session_id})
        return self.room

    def greet(self, visitor_name=None):
        text = f"Welcome to the museum, {visitor_name}!" if visitor_name else "Welcome to the museum!"
        return self._post("streaming.task", {"session_id": self.session_id, "text": text,
                                             "task_type": "repeat", "task_mode": "sync"})

    def answer(self, question):
        return self._post("streaming.task", {"session_id": self.session_id, "text": question,
                                             "task_type": "chat"})

    def hush(self):
        self._post("streaming.interrupt", {"session_id": self.session_id})

    def ping(self):
        self._post("streaming.keep_alive", {"session_id": self.session_id})

    def close(self):
        if self.session_id is None:
            return
        try:
            self._post("streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
            self.http.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG)
    guide = MuseumGuide()
    print(guide.open())
    guide.greet()
    guide.close()
