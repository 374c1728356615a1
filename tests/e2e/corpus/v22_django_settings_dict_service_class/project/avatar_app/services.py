"""HeyGen streaming calls used by the views."""
import threading
from typing import NamedTuple

import requests

from . import settings


class Room(NamedTuple):
    session_id: str
    url: str
    access_token: str


class HeyGenService:
    def __init__(self, API_KEY, API_URL, AVATAR_ID, KEEPALIVE_SECONDS=60):
        self.api_url = API_URL
        self.avatar_id = AVATAR_ID
        self.keepalive_seconds = KEEPALIVE_SECONDS
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"})
        self._heartbeats = {}

    def create_session(self, avatar_id=None):
        resp = self.http.post(
            f"{self.api_url}/streaming.new",
            json={"avatar_id": avatar_id or self.avatar_id, "quality": "medium", "version": "v2"},
            timeout=30,
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        room = Room(data["session_id"], data["url"], data["access_token"])
        self.http.post(f"{self.api_url}/streaming.start", json={"session_id": room.session_id}, timeout=30).raise_for_status()
        return room

    def speak(self, session_id, text):
        self.http.post(
            f"{self.api_url}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        ).raise_for_status()

    def interrupt(self, session_id):
        self.http.post(f"{self.api_url}/streaming.interrupt", json={"session_id": session_id}, timeout=30).raise_for_status()

    def keep_alive(self, session_id):
        self.http.post(f"{self.api_url}/streaming.keep_alive", json={"session_id": session_id}, timeout=30)

    def _heartbeat(self, session_id, stop_event):
        while not stop_event.wait(self.keepalive_seconds):
            self.keep_alive(session_id)

    def start_heartbeat(self, session_id):
        self.keep_alive(session_id)
        stop_event = threading.Event()
        thread = threading.Thread(target=self._heartbeat, args=(session_id, stop_event), daemon=True)
        thread.start()
        self._heartbeats[session_id] = (stop_event, thread)

    def close_session(self, session_id):
        beat = self._heartbeats.pop(session_id, None)
        if beat:
            beat[0].set()
        return self.http.post(f"{self.api_url}/streaming.stop", json={"session_id": session_id}, timeout=30).ok


heygen = HeyGenService(**settings.HEYGEN)
