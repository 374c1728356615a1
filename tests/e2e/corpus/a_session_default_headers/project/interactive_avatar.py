import logging
import os
import time

import requests

log = logging.getLogger("interactive_avatar")


class InteractiveAvatar:
    def __init__(self, api_key=None, avatar_name=None, host="https://api.heygen.com"):
        self.host = host
        self.avatar_name = avatar_name or os.environ.get("HEYGEN_AVATAR_NAME", "Anna_public_3_20240108")
        self.session = requests.Session()
        self.session.headers.update({
            "X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"],
            "Content-Type": "application/json",
        })
        self.knowledge_base_id = os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID")
        self.session_id = None

    def cleanup_stale_sessions(self):
        r = self.session.get(f"{self.host}/v1/streaming.list")
        data = r.json().get("data", {})
        if "sessions" in data:
            for s in data["sessions"]:
                log.info("closing stale session %s", s["session_id"])
                self.session.post(f"{self.host}/v1/streaming.stop", json={"session_id": s["session_id"]})

    def open(self):
        payload = {
            "avatar_name": self.avatar_name,
            "quality": "high",
            "version": "v2",
            "activity_idle_timeout": 300,
        }
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        r = self.session.post(f"{self.host}/v1/streaming.new", json=payload)
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        r = self.session.post(f"{self.host}/v1/streaming.start", json={"session_id": self.session_id})
        r.raise_for_status()
        log.info("avatar %s streaming in session %s", self.avatar_name, self.session_id)
        return {"url": data["url"], "access_token": data["access_token"]}

    def say(self, text, task_type="repeat"):
        if not self.session_id:
            raise RuntimeError("call open() first")
        r = self.session.post(f"{self.host}/v1/streaming.task", json={
            "session_id": self.session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        })
        r.raise_for_status()
        return r.json()

    def heartbeat(self, beats=3, interval=0.05):
        for _ in range(beats):
            r = self.session.post(f"{self.host}/v1/streaming.keep_alive", json={"session_id": self.session_id})
            if r.status_code != 200:
                log.warning("keep_alive returned %s", r.status_code)
                break
            time.sleep(interval)

    def close(self):
        if self.session_id:
            self.session.post(f"{self.host}/v1/streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
        self.session.close()
