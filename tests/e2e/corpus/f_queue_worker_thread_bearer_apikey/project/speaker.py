"""Reads subtitle lines from a queue and has the HeyGen avatar say them."""
import logging
import os
import queue
import threading

import requests

log = logging.getLogger(__name__)

HEYGEN_URL = os.getenv("HEYGEN_URL", "https://api.heygen.com")
HEADERS = {
    "Authorization": f"Bearer {os.getenv('HEYGEN_API_KEY')}",
    "Content-Type": "application/json",
}


class Speaker:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.getenv("SPEAKER_AVATAR", "Anna_public_3_20240108")
        self.session_id = None
        self.lines = queue.Queue()
        self.errors = 0
        self._worker = None

    def open(self):
        r = requests.post(
            f"{HEYGEN_URL}/v1/streaming.new",
            headers=HEADERS,
            json={"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        requests.post(f"{HEYGEN_URL}/v1/streaming.start", headers=HEADERS, json={"session_id": self.session_id}, timeout=30).raise_for_status()
        return {"url": data["url"], "access_token": data["access_token"]}

    def _speak(self, text):
        r = requests.post(
            f"{HEYGEN_URL}/v1/streaming.task",
            headers=HEADERS,
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        )
        r.raise_for_status()

    def _run(self):
        while True:
            text = self.lines.get()
            try:
                if text is None:
                    return
                self._speak(text)
            except requests.HTTPError as err:
                self.errors += 1
                log.exception("task failed: %s", err)
            finally:
                self.lines.task_done()

    def run_in_background(self):
        self._worker = threading.Thread(target=self._run, daemon=True)
        self._worker.start()

    def feed(self, line):
        self.lines.put(line)

    def wait_idle(self):
        self.lines.join()

    def interrupt(self):
        requests.post(f"{HEYGEN_URL}/v1/streaming.interrupt", headers=HEADERS, json={"session_id": self.session_id}, timeout=10)

    def close(self):
        self.lines.put(None)
        if self._worker:
            self._worker.join(timeout=5)
        requests.post(f"{HEYGEN_URL}/v1/streaming.stop", headers=HEADERS, json={"session_id": self.session_id}, timeout=10)
        self.session_id = None
