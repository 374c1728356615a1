"""Caption speaker: the main process owns the HeyGen session; a separate speaker process sends
every caption line it receives on a multiprocessing queue (so slow HTTP never blocks capture)."""
import logging
import multiprocessing as mp
import os

import requests

HEYGEN = "https://api.heygen.com"
STOP = None

log = logging.getLogger("speaker")


def endpoint(name):
    base = os.getenv("HEYGEN_URL", HEYGEN).rstrip("/")
    return f"{base}/v1/{name}"


def _headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def open_session(avatar_id):
    r = requests.post(
        endpoint("streaming.new"),
        headers=_headers(),
        json={"avatar_id": avatar_id, "quality": "low", "version": "v2"},
        timeout=30,
    )
    r.raise_for_status()
    session = r.json()["data"]
    requests.post(
        endpoint("streaming.start"),
        headers=_headers(),
        json={"session_id": session["session_id"]},
        timeout=30,
    ).raise_for_status()
    return session


def speaker_loop(session_id, lines, results):
    """Runs in the speaker process."""
    sent = 0
    while True:
        line = lines.get()
        if line is STOP:
            break
        r = requests.post(
            endpoint("streaming.task"),
            headers=_headers(),
            json={"session_id": session_id, "text": line, "task_type": "repeat"},
            timeout=30,
        )
        if r.ok:
            sent += 1
        else:
            log.warning("task failed: %s", r.text)
    results.put(sent)


class CaptionSpeaker:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108")
        self.ctx = mp.get_context("fork")
        self.lines = self.ctx.Queue()
        self.results = self.ctx.Queue()
        self.session = None
        self.process = None

    def start(self):
        self.session = open_session(self.avatar_id)
        self.process = self.ctx.Process(
            target=speaker_loop,
            args=(self.session["session_id"], self.lines, self.results),
            daemon=True,
        )
        self.process.start()
        return self.session["url"], self.session["access_token"]

    def caption(self, line):
        self.lines.put(line)

    def finish(self):
        self.lines.put(STOP)
        sent = self.results.get(timeout=30)
        self.process.join(timeout=30)
        requests.post(
            endpoint("streaming.stop"),
            headers=_headers(),
            json={"session_id": self.session["session_id"]},
            timeout=30,
        ).raise_for_status()
        return sent
