"""Webinar co-host: reads slide notes through a HeyGen streaming avatar.

The HTTP calls are pre-bound with functools.partial so every call carries the key and a timeout.
"""
import functools
import os
import threading

import requests

API_KEY = os.environ.get("HEYGEN_API_KEY", "")
BASE_URL = "https://api.heygen.com"

_headers = {"X-Api-Key": API_KEY, "Content-Type": "application/json"}
post = functools.partial(requests.post, headers=_headers, timeout=15)
get = functools.partial(requests.get, headers=_headers, timeout=15)


def _ok(resp):
    resp.raise_for_status()
    return resp.json().get("data")


class RepeatingTimer:
    """Call `fn` every `interval` seconds on a background thread until cancelled."""

    def __init__(self, interval, fn):
        self.interval = interval
        self.fn = fn
        self._timer = None
        self._lock = threading.Lock()
        self._cancelled = False

    def _run(self):
        with self._lock:
            if self._cancelled:
                return
        self.fn()
        self._schedule()

    def _schedule(self):
        with self._lock:
            if self._cancelled:
                return
            self._timer = threading.Timer(self.interval, self._run)
            self._timer.daemon = True
            self._timer.start()

    def start(self, beat_now=True):
        if beat_now:
            self.fn()
        self._schedule()

    def cancel(self):
        with self._lock:
            self._cancelled = True
            if self._timer is not None:
                self._timer.cancel()


class CoHost:
    def __init__(self, avatar_id=None, keepalive_every=90.0):
        self.avatar_id = avatar_id or os.environ.get("COHOST_AVATAR", "Wayne_20240711")
        self.keepalive_every = keepalive_every
        self.session = None
        self._heartbeat = None

    def go_live(self):
        data = _ok(post(f"{BASE_URL}/v1/streaming.new",
                        json={"avatar_id": self.avatar_id, "version": "v2", "quality": "high"}))
        self.session = data
        _ok(post(f"{BASE_URL}/v1/streaming.start", json={"session_id": data["session_id"]}))
        self._heartbeat = RepeatingTimer(self.keepalive_every, self.keep_alive)
        self._heartbeat.start()
        return data["url"], data["access_token"]

    def keep_alive(self):
        post(f"{BASE_URL}/v1/streaming.keep_alive", json={"session_id": self.session["session_id"]})

    def read_notes(self, notes):
        for note in notes:
            _ok(post(f"{BASE_URL}/v1/streaming.task",
                     json={"session_id": self.session["session_id"], "text": note, "task_type": "repeat"}))

    def active_sessions(self):
        return _ok(get(f"{BASE_URL}/v1/streaming.list")) or {}

    def wrap_up(self):
        if self._heartbeat:
            self._heartbeat.cancel()
        if self.session:
            post(f"{BASE_URL}/v1/streaming.stop", json={"session_id": self.session["session_id"]})
            self.session = None
