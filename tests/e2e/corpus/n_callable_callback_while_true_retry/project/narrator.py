# narrator.py - the avatar reads out events from our game server
# the game loop calls `on_event(evt)` callbacks; AvatarNarrator is one of them
import json
import os
import time

import requests

API_KEY = os.getenv("HEYGEN_API_KEY", "")
API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1/")
AVATAR = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
MAX_TRIES = int(os.getenv("HEYGEN_MAX_TRIES", "3"))


def call_heygen(endpoint, payload):
    """POST with a dumb retry loop (heygen 5xx'd a lot during the jam)"""
    tries = 0
    while True:
        tries += 1
        try:
            resp = requests.request(
                "POST",
                API_BASE + endpoint,
                headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
                data=json.dumps(payload),
                timeout=15,
            )
            if resp.status_code < 500:
                return resp.json()
            print("heygen", resp.status_code, "retrying...")
        except Exception as e:
            print("request error:", e)
        if tries >= MAX_TRIES:
            raise RuntimeError("heygen gave up on " + endpoint)
        time.sleep(0.5 * tries)


class AvatarNarrator:
    """callable: game.subscribe(AvatarNarrator())"""

    def __init__(self, avatar=AVATAR):
        self.avatar = avatar
        self.session = None  # heygen's data dict
        self.said = 0

    def open(self):
        result = call_heygen("streaming.new", {"avatar_id": self.avatar, "quality": "low", "version": "v2"})
        self.session = result["data"]
        call_heygen("streaming.start", {"session_id": self.session["session_id"]})
        #print(self.session)
        return self.session["url"], self.session["access_token"]

    def __call__(self, evt):
        if self.session is None:
            return
        kind = evt.get("type")
        if kind == "goal":
            line = f"Goal by {evt.get('player', 'someone')}!"
        elif kind == "quiet":
            call_heygen("streaming.keep_alive", {"session_id": self.session["session_id"]})
            return
        elif kind == "shush":
            call_heygen("streaming.interrupt", {"session_id": self.session["session_id"]})
            return
        else:
            line = evt.get("text") or ""
        if not line:
            return
        out = call_heygen("streaming.task", {"session_id": self.session["session_id"], "text": line, "task_type": "repeat"})
        if out.get("code") == 100:
            self.said += 1

    def close(self):
        if self.session:
            try:
                call_heygen("streaming.stop", {"session_id": self.session["session_id"]})
            except Exception as e:
                print("stop failed", e)
            self.session = None


class Game:
    def __init__(self):
        self.subscribers = []

    def subscribe(self, cb):
        self.subscribers.append(cb)

    def emit(self, evt):
        for cb in self.subscribers:
            cb(evt)
