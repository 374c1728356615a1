"""Announcement worker: pulls jobs off a queue and has the avatar read them.

Ops asked for every HeyGen exchange in the log (request body and full response body at
DEBUG), tagged with the session id through a LoggerAdapter. requests.Session is not
thread-safe, so each worker thread gets its own via threading.local().
"""
import json
import logging
import logging.config
import os
import queue
import threading

import requests

LOGGING = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(session)s] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"level": os.environ.get("LOG_LEVEL", "DEBUG"), "handlers": ["console"]},
}

HEYGEN_BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com/v1")

_local = threading.local()
base_log = logging.getLogger("announcer")


def http():
    s = getattr(_local, "session", None)
    if s is None:
        s = requests.Session()
        s.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"})
        _local.session = s
    return s


def heygen(path, body, log):
    log.debug("-> POST %s %s", path, json.dumps(body))
    resp = http().post(f"{HEYGEN_BASE}/{path}", json=body, timeout=30)
    log.debug("<- %s %s", resp.status_code, resp.text)
    resp.raise_for_status()
    return resp.json()


class Announcer:
    def __init__(self, avatar_id):
        self.avatar_id = avatar_id
        self.session_id = None
        self.log = logging.LoggerAdapter(base_log, {"session": "-"})

    def open(self):
        body = heygen("streaming.new", {"avatar_id": self.avatar_id, "quality": "low", "version": "v2"}, self.log)
        self.session_id = body["data"]["session_id"]
        self.log = logging.LoggerAdapter(base_log, {"session": self.session_id})
        heygen("streaming.start", {"session_id": self.session_id}, self.log)
        self.log.info("session started, room %s", body["data"]["url"])
        return body["data"]["url"], body["data"]["access_token"]

    def announce(self, text):
        heygen("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"}, self.log)

    def close(self):
        heygen("streaming.stop", {"session_id": self.session_id}, self.log)
        self.log.info("session closed")


def work(jobs: "queue.Queue[str | None]", on_room):
    announcer = Announcer(os.environ["ANNOUNCER_AVATAR_ID"])
    on_room(*announcer.open())
    try:
        while True:
            text = jobs.get()
            try:
                if text is None:
                    return
                announcer.announce(text)
            finally:
                jobs.task_done()
    finally:
        announcer.close()


def run(texts, on_room):
    logging.config.dictConfig(LOGGING)
    jobs: "queue.Queue[str | None]" = queue.Queue()
    t = threading.Thread(target=work, args=(jobs, on_room), name="announcer-1")
    t.start()
    for text in texts:
        jobs.put(text)
    jobs.put(None)
    t.join()
