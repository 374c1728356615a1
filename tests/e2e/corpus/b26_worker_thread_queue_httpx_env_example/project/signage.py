"""Lobby signage: an avatar reads the day's announcements.

    cp .env.example .env  # then fill it in
    python signage.py
"""
import logging
import os
import queue
import threading

import httpx

log = logging.getLogger("signage")

ANNOUNCEMENTS = [
    "Good morning! The cafeteria opens at eight.",
    "The fire drill is at eleven today.",
    "Have a great day!",
]


class Signage:
    def __init__(self):
        self.http = httpx.Client(
            base_url=os.getenv("HEYGEN_URL", "https://api.heygen.com"),
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )
        self.lines: "queue.Queue[str]" = queue.Queue()
        self.session_id = None
        self._worker = threading.Thread(target=self._speak_forever, daemon=True)

    def _post(self, path, **body):
        r = self.http.post(path, json=body)
        r.raise_for_status()
        return r.json()["data"]

    def start(self):
        data = self._post("/v1/streaming.new", avatar_id=os.environ["SIGNAGE_AVATAR"], version="v2", quality="high")
        self.session_id = data["session_id"]
        self._post("/v1/streaming.start", session_id=self.session_id)
        log.info("room %s", data["url"])
        self._worker.start()
        return data["url"], data["access_token"]

    def _speak_forever(self):
        while True:
            line = self.lines.get()
            try:
                self._post("/v1/streaming.task", session_id=self.session_id, text=line, task_type="repeat")
            except httpx.HTTPError:
                log.exception("task failed")
            finally:
                self.lines.task_done()

    def announce(self, line):
        self.lines.put(line)

    def interrupt(self):
        self.lines.join()
        self._post("/v1/streaming.interrupt", session_id=self.session_id)

    def stop(self):
        self.lines.join()
        self._post("/v1/streaming.stop", session_id=self.session_id)
        self.http.close()


def run(on_room=None):
    logging.basicConfig(level=logging.INFO)
    sign = Signage()
    url, token = sign.start()
    if on_room:
        on_room(url, token)
    for n, line in enumerate(ANNOUNCEMENTS):
        if n == 2:
            sign.interrupt()
        sign.announce(line)
    sign.stop()


if __name__ == "__main__":
    run()
