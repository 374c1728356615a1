"""Reception desk avatar (stdlib only: this runs on the lobby's thin client)."""
import json
import os
import urllib.request

import settings

ROUTES = {
    "open": "{api}/{version}/streaming.new",
    "start": "{api}/{version}/streaming.start",
    "say": "{api}/{version}/streaming.task",
    "ping": "{api}/{version}/streaming.keep_alive",
    "close": "{api}/{version}/streaming.stop",
}


class Reception:
    def __init__(self, **overrides):
        self.cfg = settings.load(**overrides)
        self.key = os.environ["HEYGEN_API_KEY"]
        self.session_id = None

    def _send(self, route, body):
        url = ROUTES[route].format_map(self.cfg)
        req = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            headers={"X-Api-Key": self.key, "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(req, timeout=float(self.cfg["timeout"])) as resp:
            return json.load(resp)

    def open(self):
        data = self._send("open", {"avatar_id": self.cfg["avatar_id"], "quality": self.cfg["quality"], "version": "v2"})["data"]
        self.session_id = data["session_id"]
        self._send("start", {"session_id": self.session_id})
        return data["url"], data["access_token"]

    def say(self, text):
        self._send("say", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def ping(self):
        self._send("ping", {"session_id": self.session_id})

    def close(self):
        if self.session_id:
            self._send("close", {"session_id": self.session_id})
            self.session_id = None


def main(lines, on_room, quality=None):
    desk = Reception(quality=quality)
    on_room(*desk.open())
    try:
        for line in lines:
            desk.say(line)
            desk.ping()
    finally:
        desk.close()
