"""Reads announcements from a text file, one per line, through a HeyGen avatar.

    python announcer.py announcements.txt
"""
import argparse
import logging
import sys
from pathlib import Path

import requests

from settings import Settings

log = logging.getLogger("announcer")


class Announcer:
    def __init__(self, settings):
        self.settings = settings
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = settings.api_key
        self.session_id = None

    def _post(self, endpoint, **body):
        r = self.http.post(f"{self.settings.base_url}/v1/{endpoint}", json=body, timeout=30)
        r.raise_for_status()
        return r.json().get("data") or {}

    def open(self):
        data = self._post("streaming.new", avatar_id=self.settings.avatar_id, quality=self.settings.quality, version="v2")
        self.session_id = data["session_id"]
        self._post("streaming.start", session_id=self.session_id)
        return data["url"], data["access_token"]

    def announce(self, text):
        self._post("streaming.task", session_id=self.session_id, text=text, task_type="repeat")

    def close(self):
        if self.session_id:
            self._post("streaming.stop", session_id=self.session_id)
            self.session_id = None


def main(argv=None, on_room=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    lines = [l.strip() for l in args.file.read_text().splitlines() if l.strip() and not l.startswith("#")]
    if not lines:
        print("nothing to announce")
        return 0
    announcer = Announcer(Settings.from_env())
    url, token = announcer.open()
    if on_room:
        on_room(url, token)
    else:
        print(f"watch: {url} token={token}")
    try:
        for line in lines:
            log.info("announcing %r", line)
            announcer.announce(line)
    finally:
        announcer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
